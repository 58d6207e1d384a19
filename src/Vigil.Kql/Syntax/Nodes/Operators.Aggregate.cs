namespace Vigil.Kql.Syntax;

/// <summary><c>summarize [hints] aggregates [by groups]</c>.</summary>
public sealed class SummarizeOperator : QueryOperator
{
    internal SummarizeOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<Expression> aggregates, ByClause? @by,
        SummarizeBinClause? bin = null)
        : base(SyntaxKind.SummarizeOperator, [keyword, parameters, aggregates, @by, bin])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<Expression> Aggregates => Slot<SeparatedSyntaxList<Expression>>(2);

    public ByClause? By => OptionalSlot<ByClause>(3);

    /// <summary>The legacy <c>by ... bin=N</c>; null when absent (always absent without a by clause).</summary>
    public SummarizeBinClause? Bin => OptionalSlot<SummarizeBinClause>(4);
}

/// <summary><c>count [as Name]</c>.</summary>
public sealed class CountOperator : QueryOperator
{
    internal CountOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SyntaxToken? asKeyword, Name? name)
        : base(SyntaxKind.CountOperator, [keyword, parameters, asKeyword, name])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SyntaxToken? AsKeyword => OptionalSlot<SyntaxToken>(2);

    /// <summary>The result column's name (default <c>Count</c>).</summary>
    public Name? Name => OptionalSlot<Name>(3);
}

/// <summary><c>distinct a, b</c> or <c>distinct *</c>.</summary>
public sealed class DistinctOperator : QueryOperator
{
    internal DistinctOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.DistinctOperator, [keyword, parameters, expressions])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(2);
}

/// <summary><c>make-series [kind=nonempty] aggregates on axis [from a] [to b] step s | in range(a, b, s) [by groups]</c>.</summary>
public sealed class MakeSeriesOperator : QueryOperator
{
    internal MakeSeriesOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<MakeSeriesExpression> aggregates,
        SyntaxToken onKeyword, Expression axis, MakeSeriesRangeClause range, ByClause? @by)
        : base(SyntaxKind.MakeSeriesOperator, [keyword, parameters, aggregates, onKeyword, axis, range, @by])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<MakeSeriesExpression> Aggregates => Slot<SeparatedSyntaxList<MakeSeriesExpression>>(2);

    public SyntaxToken OnKeyword => Slot<SyntaxToken>(3);

    public Expression Axis => Slot<Expression>(4);

    public MakeSeriesRangeClause Range => Slot<MakeSeriesRangeClause>(5);

    public ByClause? By => OptionalSlot<ByClause>(6);
}

/// <summary>One make-series aggregate: <c>[name =] aggregate [default = value]</c>.</summary>
public sealed class MakeSeriesExpression : SyntaxNode
{
    internal MakeSeriesExpression(
        Expression expression, SyntaxToken? defaultKeyword, SyntaxToken? equal, Expression? defaultValue)
        : base(SyntaxKind.MakeSeriesExpression, [expression, defaultKeyword, equal, defaultValue])
    {
    }

    public Expression Expression => Slot<Expression>(0);

    public SyntaxToken? DefaultKeyword => OptionalSlot<SyntaxToken>(1);

    public SyntaxToken? Equal => OptionalSlot<SyntaxToken>(2);

    public Expression? DefaultValue => OptionalSlot<Expression>(3);
}

/// <summary>The make-series axis range: <c>[from a] [to b] step s</c>, or <c>in range(a, b, s)</c>.</summary>
public sealed class MakeSeriesRangeClause : SyntaxNode
{
    internal MakeSeriesRangeClause(
        SyntaxToken? fromKeyword, Expression? @from, SyntaxToken? toKeyword, Expression? @to, SyntaxToken? stepKeyword,
        Expression? @step, SyntaxToken? inKeyword, Expression? rangeCall)
        : base(SyntaxKind.MakeSeriesRangeClause, [fromKeyword, @from, toKeyword, @to, stepKeyword, @step, inKeyword, rangeCall])
    {
    }

    public SyntaxToken? FromKeyword => OptionalSlot<SyntaxToken>(0);

    public Expression? From => OptionalSlot<Expression>(1);

    public SyntaxToken? ToKeyword => OptionalSlot<SyntaxToken>(2);

    public Expression? To => OptionalSlot<Expression>(3);

    public SyntaxToken? StepKeyword => OptionalSlot<SyntaxToken>(4);

    public Expression? Step => OptionalSlot<Expression>(5);

    public SyntaxToken? InKeyword => OptionalSlot<SyntaxToken>(6);

    public Expression? RangeCall => OptionalSlot<Expression>(7);
}

/// <summary><c>top-nested ... , top-nested ...</c>: a list of clauses, each starting with its own keyword.</summary>
public sealed class TopNestedOperator : QueryOperator
{
    internal TopNestedOperator(SeparatedSyntaxList<TopNestedClause> clauses)
        : base(SyntaxKind.TopNestedOperator, [clauses])
    {
    }

    public SeparatedSyntaxList<TopNestedClause> Clauses => Slot<SeparatedSyntaxList<TopNestedClause>>(0);

    /// <summary>The first clause's <c>top-nested</c> keyword.</summary>
    public override SyntaxToken Keyword => Clauses[0].Keyword;
}

/// <summary><c>top-nested [N] of expr [with others = expr] by aggregate [asc|desc]</c>.</summary>
public sealed class TopNestedClause : SyntaxNode
{
    internal TopNestedClause(
        SyntaxToken keyword, Expression? @limit, SyntaxToken ofKeyword, Expression @of, SyntaxToken? withKeyword,
        SyntaxToken? othersKeyword, SyntaxToken? equal, Expression? others, SyntaxToken byKeyword, Expression @by)
        : base(SyntaxKind.TopNestedClause, [keyword, @limit, ofKeyword, @of, withKeyword, othersKeyword, equal, others, byKeyword, @by])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public Expression? Limit => OptionalSlot<Expression>(1);

    public SyntaxToken OfKeyword => Slot<SyntaxToken>(2);

    public Expression Of => Slot<Expression>(3);

    public SyntaxToken? WithKeyword => OptionalSlot<SyntaxToken>(4);

    public SyntaxToken? OthersKeyword => OptionalSlot<SyntaxToken>(5);

    public SyntaxToken? Equal => OptionalSlot<SyntaxToken>(6);

    public Expression? Others => OptionalSlot<Expression>(7);

    public SyntaxToken ByKeyword => Slot<SyntaxToken>(8);

    public Expression By => Slot<Expression>(9);
}

/// <summary><c>top-hitters N of expr [by expr]</c>.</summary>
public sealed class TopHittersOperator : QueryOperator
{
    internal TopHittersOperator(
        SyntaxToken keyword, Expression count, SyntaxToken ofKeyword, Expression @of, SyntaxToken? byKeyword, Expression? @by)
        : base(SyntaxKind.TopHittersOperator, [keyword, count, ofKeyword, @of, byKeyword, @by])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public Expression Count => Slot<Expression>(1);

    public SyntaxToken OfKeyword => Slot<SyntaxToken>(2);

    public Expression Of => Slot<Expression>(3);

    public SyntaxToken? ByKeyword => OptionalSlot<SyntaxToken>(4);

    public Expression? By => OptionalSlot<Expression>(5);
}

/// <summary><c>reduce [kind=source] by expr [with threshold=..., characters=...]</c>.</summary>
public sealed class ReduceOperator : QueryOperator
{
    internal ReduceOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SyntaxToken byKeyword, Expression expression,
        SyntaxToken? withKeyword, SeparatedSyntaxList<NamedParameter>? withParameters)
        : base(SyntaxKind.ReduceOperator, [keyword, parameters, byKeyword, expression, withKeyword, withParameters])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SyntaxToken ByKeyword => Slot<SyntaxToken>(2);

    public Expression Expression => Slot<Expression>(3);

    public SyntaxToken? WithKeyword => OptionalSlot<SyntaxToken>(4);

    public SeparatedSyntaxList<NamedParameter>? WithParameters => OptionalSlot<SeparatedSyntaxList<NamedParameter>>(5);
}

/// <summary><c>facet by a, b [with (subquery)]</c>.</summary>
public sealed class FacetOperator : QueryOperator
{
    internal FacetOperator(
        SyntaxToken keyword, SyntaxToken byKeyword, SeparatedSyntaxList<Expression> expressions, SyntaxToken? withKeyword,
        ParenthesizedExpression? @with)
        : base(SyntaxKind.FacetOperator, [keyword, byKeyword, expressions, withKeyword, @with])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxToken ByKeyword => Slot<SyntaxToken>(1);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(2);

    public SyntaxToken? WithKeyword => OptionalSlot<SyntaxToken>(3);

    public ParenthesizedExpression? With => OptionalSlot<ParenthesizedExpression>(4);
}
