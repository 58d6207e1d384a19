namespace Vigil.Kql.Syntax;

/// <summary><c>print [name =] expr, ...</c>.</summary>
public sealed class PrintOperator : QueryOperator
{
    internal PrintOperator(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.PrintOperator, [keyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>range name from a to b step s</c>.</summary>
public sealed class RangeOperator : QueryOperator
{
    internal RangeOperator(
        SyntaxToken keyword, Name name, SyntaxToken fromKeyword, Expression @from, SyntaxToken toKeyword, Expression @to,
        SyntaxToken stepKeyword, Expression @step)
        : base(SyntaxKind.RangeOperator, [keyword, name, fromKeyword, @from, toKeyword, @to, stepKeyword, @step])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public Name Name => Slot<Name>(1);

    public SyntaxToken FromKeyword => Slot<SyntaxToken>(2);

    public Expression From => Slot<Expression>(3);

    public SyntaxToken ToKeyword => Slot<SyntaxToken>(4);

    public Expression To => Slot<Expression>(5);

    public SyntaxToken StepKeyword => Slot<SyntaxToken>(6);

    public Expression Step => Slot<Expression>(7);
}

/// <summary><c>search [kind=...] [in (T1, T2*)] predicate</c>.</summary>
public sealed class SearchOperator : QueryOperator
{
    internal SearchOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, InClause? @in, Expression predicate)
        : base(SyntaxKind.SearchOperator, [keyword, parameters, @in, predicate])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public InClause? In => OptionalSlot<InClause>(2);

    public Expression Predicate => Slot<Expression>(3);
}

/// <summary><c>in (T1, Device*, ...)</c> of search and find.</summary>
public sealed class InClause : SyntaxNode
{
    internal InClause(
        SyntaxToken inKeyword, SyntaxToken openParen, SeparatedSyntaxList<Expression> tables, SyntaxToken closeParen)
        : base(SyntaxKind.InClause, [inKeyword, openParen, tables, closeParen])
    {
    }

    public SyntaxToken InKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(1);

    public SeparatedSyntaxList<Expression> Tables => Slot<SeparatedSyntaxList<Expression>>(2);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(3);
}

/// <summary><c>find [withsource=name] [in (tables)] where predicate [project ... | project-smart]</c>.</summary>
public sealed class FindOperator : QueryOperator
{
    internal FindOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, InClause? @in, SyntaxToken? whereKeyword,
        Expression predicate, FindProjectClause? project)
        : base(SyntaxKind.FindOperator, [keyword, parameters, @in, whereKeyword, predicate, project])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public InClause? In => OptionalSlot<InClause>(2);

    /// <summary>Null in the short form <c>find "text"</c>.</summary>
    public SyntaxToken? WhereKeyword => OptionalSlot<SyntaxToken>(3);

    public Expression Predicate => Slot<Expression>(4);

    public FindProjectClause? Project => OptionalSlot<FindProjectClause>(5);
}

/// <summary><c>project a, b</c> or <c>project-smart</c> (or <c>project-away</c>) after find.</summary>
public sealed class FindProjectClause : SyntaxNode
{
    internal FindProjectClause(SyntaxToken keyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.FindProjectClause, [keyword, expressions])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>getschema [kind=csl]</c>.</summary>
public sealed class GetSchemaOperator : QueryOperator
{
    internal GetSchemaOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters)
        : base(SyntaxKind.GetSchemaOperator, [keyword, parameters])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);
}

/// <summary><c>render chart [with (title=..., kind=...)]</c>; legacy properties written without <c>with</c> are <see cref="Parameters"/>.</summary>
public sealed class RenderOperator : QueryOperator
{
    internal RenderOperator(SyntaxToken keyword, SyntaxToken chartType, SyntaxList<NamedParameter> parameters, WithClause? @with)
        : base(SyntaxKind.RenderOperator, [keyword, chartType, parameters, @with])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxToken ChartType => Slot<SyntaxToken>(1);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(2);

    public WithClause? With => OptionalSlot<WithClause>(3);
}

/// <summary><c>consume [decodeblocks=...]</c>.</summary>
public sealed class ConsumeOperator : QueryOperator
{
    internal ConsumeOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters)
        : base(SyntaxKind.ConsumeOperator, [keyword, parameters])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);
}

/// <summary><c>scan [with_match_id=id] [declare (x:long = 0, ...)] with ( step s: cond =&gt; x = 1; ... )</c>.</summary>
public sealed class ScanOperator : QueryOperator
{
    internal ScanOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, ScanDeclareClause? @declare, SyntaxToken withKeyword,
        SyntaxToken openParen, SyntaxList<ScanStep> steps, SyntaxToken closeParen)
        : base(SyntaxKind.ScanOperator, [keyword, parameters, @declare, withKeyword, openParen, steps, closeParen])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public ScanDeclareClause? Declare => OptionalSlot<ScanDeclareClause>(2);

    public SyntaxToken WithKeyword => Slot<SyntaxToken>(3);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(4);

    public SyntaxList<ScanStep> Steps => Slot<SyntaxList<ScanStep>>(5);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(6);
}

/// <summary><c>declare (x:long = 0, ...)</c> of scan.</summary>
public sealed class ScanDeclareClause : SyntaxNode
{
    internal ScanDeclareClause(
        SyntaxToken declareKeyword, SyntaxToken openParen, SeparatedSyntaxList<FunctionParameter> parameters,
        SyntaxToken closeParen)
        : base(SyntaxKind.ScanDeclareClause, [declareKeyword, openParen, parameters, closeParen])
    {
    }

    public SyntaxToken DeclareKeyword => Slot<SyntaxToken>(0);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(1);

    public SeparatedSyntaxList<FunctionParameter> Parameters => Slot<SeparatedSyntaxList<FunctionParameter>>(2);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(3);
}

/// <summary><c>step name [output=all|last|none]: condition [=&gt; x = expr, ...];</c>.</summary>
public sealed class ScanStep : SyntaxNode
{
    internal ScanStep(
        SyntaxToken stepKeyword, Name name, SyntaxList<NamedParameter> parameters, SyntaxToken colon, Expression condition,
        SyntaxToken? arrow, SeparatedSyntaxList<Expression>? assignments, SyntaxToken semicolon)
        : base(SyntaxKind.ScanStep, [stepKeyword, name, parameters, colon, condition, arrow, assignments, semicolon])
    {
    }

    public SyntaxToken StepKeyword => Slot<SyntaxToken>(0);

    public Name Name => Slot<Name>(1);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(2);

    public SyntaxToken Colon => Slot<SyntaxToken>(3);

    public Expression Condition => Slot<Expression>(4);

    public SyntaxToken? Arrow => OptionalSlot<SyntaxToken>(5);

    public SeparatedSyntaxList<Expression>? Assignments => OptionalSlot<SeparatedSyntaxList<Expression>>(6);

    public SyntaxToken Semicolon => Slot<SyntaxToken>(7);
}
