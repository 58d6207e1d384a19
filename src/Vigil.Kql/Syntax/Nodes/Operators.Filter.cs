namespace Vigil.Kql.Syntax;

/// <summary>
/// A tabular query operator (<c>where</c>, <c>summarize</c>, ...). Operators after '|' are the right side of a
/// <see cref="PipeExpression"/>; source operators (<c>union</c>, <c>print</c>, <c>range</c>, <c>search</c>, <c>find</c>,
/// <c>evaluate</c>) can also start a query. <see cref="Keyword"/> is the operator's keyword token as written
/// (<c>filter</c>/<c>where</c>, <c>order</c>/<c>sort</c>, <c>limit</c>/<c>take</c>, <c>mvexpand</c>/<c>mv-expand</c>).
/// </summary>
public abstract class QueryOperator : Expression
{
    private protected QueryOperator(SyntaxKind kind, SyntaxElement?[] slots)
        : base(kind, slots)
    {
    }

    public abstract SyntaxToken Keyword { get; }
}

/// <summary><c>where</c> (or <c>filter</c>) <c>condition</c>.</summary>
public sealed class WhereOperator : QueryOperator
{
    internal WhereOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression condition)
        : base(SyntaxKind.WhereOperator, [keyword, parameters, condition])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Condition => Slot<Expression>(2);
}

/// <summary><c>project a, b = expr, ...</c>.</summary>
public sealed class ProjectOperator : QueryOperator
{
    internal ProjectOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ProjectOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>project-away a, b*</c> (names and wildcards).</summary>
public sealed class ProjectAwayOperator : QueryOperator
{
    internal ProjectAwayOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ProjectAwayOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>project-keep a, b*</c> (names and wildcards).</summary>
public sealed class ProjectKeepOperator : QueryOperator
{
    internal ProjectKeepOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ProjectKeepOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>project-rename new = old, ...</c>.</summary>
public sealed class ProjectRenameOperator : QueryOperator
{
    internal ProjectRenameOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ProjectRenameOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>project-reorder a, b* asc</c>; elements may be <see cref="OrderedExpression"/>s.</summary>
public sealed class ProjectReorderOperator : QueryOperator
{
    internal ProjectReorderOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ProjectReorderOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>extend a = expr, expr, (x, y) = f()</c>.</summary>
public sealed class ExtendOperator : QueryOperator
{
    internal ExtendOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.ExtendOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary>What follows '|' when it is not a query operator: the unknown word (or a missing token) with the diagnostic.</summary>
public sealed class BadQueryOperator : QueryOperator
{
    internal BadQueryOperator(SyntaxToken keyword)
        : base(SyntaxKind.BadQueryOperator, [keyword])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);
}
