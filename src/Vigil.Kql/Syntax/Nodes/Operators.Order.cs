namespace Vigil.Kql.Syntax;

/// <summary><c>sort by</c> (or <c>order by</c>) <c>expr [asc|desc] [nulls first|last], ...</c>; elements are <see cref="OrderedExpression"/>s.</summary>
public sealed class SortOperator : QueryOperator
{
    internal SortOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SyntaxToken byKeyword,
        SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.SortOperator, [keyword, parameters, byKeyword, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SyntaxToken ByKeyword => Slot<SyntaxToken>(2);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(3);
}

/// <summary><c>top N by expr [asc|desc] [nulls first|last]</c>.</summary>
public sealed class TopOperator : QueryOperator
{
    internal TopOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression count, SyntaxToken byKeyword,
        Expression @by)
        : base(SyntaxKind.TopOperator, [keyword, parameters, count, byKeyword, @by])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Count => Slot<Expression>(2);

    public SyntaxToken ByKeyword => Slot<SyntaxToken>(3);

    /// <summary>The sort key; an <see cref="OrderedExpression"/> when asc/desc or nulls first/last is written.</summary>
    public Expression By => Slot<Expression>(4);
}

/// <summary><c>take N</c> (or <c>limit N</c>).</summary>
public sealed class TakeOperator : QueryOperator
{
    internal TakeOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression count)
        : base(SyntaxKind.TakeOperator, [keyword, parameters, count])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Count => Slot<Expression>(2);
}

/// <summary><c>sample N</c>.</summary>
public sealed class SampleOperator : QueryOperator
{
    internal SampleOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression count)
        : base(SyntaxKind.SampleOperator, [keyword, parameters, count])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Count => Slot<Expression>(2);
}

/// <summary><c>sample-distinct N of expr</c>.</summary>
public sealed class SampleDistinctOperator : QueryOperator
{
    internal SampleDistinctOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression count, SyntaxToken ofKeyword, Expression @of)
        : base(SyntaxKind.SampleDistinctOperator, [keyword, parameters, count, ofKeyword, @of])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Count => Slot<Expression>(2);

    public SyntaxToken OfKeyword => Slot<SyntaxToken>(3);

    public Expression Of => Slot<Expression>(4);
}

/// <summary><c>serialize [name = expr, ...]</c>.</summary>
public sealed class SerializeOperator : QueryOperator
{
    internal SerializeOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.SerializeOperator, [keyword, parameters, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(2);
}
