namespace Vigil.Kql.Syntax;

/// <summary><c>make-graph [params] source --&gt; target [with T on id, ...] [with_node_id=name] [partitioned-by col (subquery)]</c>; the arrow is kept as its tokens.</summary>
public sealed class MakeGraphOperator : QueryOperator
{
    internal MakeGraphOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, Expression source, SyntaxList<SyntaxToken> arrow,
        Expression target, MakeGraphTablesClause? tables, SyntaxList<NamedParameter> trailingParameters,
        MakeGraphPartitionClause? partitionBy)
        : base(SyntaxKind.MakeGraphOperator, [keyword, parameters, source, arrow, target, tables, trailingParameters, partitionBy])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public Expression Source => Slot<Expression>(2);

    public SyntaxList<SyntaxToken> Arrow => Slot<SyntaxList<SyntaxToken>>(3);

    public Expression Target => Slot<Expression>(4);

    public MakeGraphTablesClause? Tables => OptionalSlot<MakeGraphTablesClause>(5);

    public SyntaxList<NamedParameter> TrailingParameters => Slot<SyntaxList<NamedParameter>>(6);

    public MakeGraphPartitionClause? PartitionBy => OptionalSlot<MakeGraphPartitionClause>(7);
}

/// <summary><c>with Nodes on Id, Nodes2 on Id2</c> of make-graph.</summary>
public sealed class MakeGraphTablesClause : SyntaxNode
{
    internal MakeGraphTablesClause(SyntaxToken withKeyword, SeparatedSyntaxList<MakeGraphTableReference> tables)
        : base(SyntaxKind.MakeGraphTablesClause, [withKeyword, tables])
    {
    }

    public SyntaxToken WithKeyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<MakeGraphTableReference> Tables => Slot<SeparatedSyntaxList<MakeGraphTableReference>>(1);
}

/// <summary><c>Table on Column</c> of make-graph.</summary>
public sealed class MakeGraphTableReference : SyntaxNode
{
    internal MakeGraphTableReference(Expression table, SyntaxToken onKeyword, Name column)
        : base(SyntaxKind.MakeGraphTableReference, [table, onKeyword, column])
    {
    }

    public Expression Table => Slot<Expression>(0);

    public SyntaxToken OnKeyword => Slot<SyntaxToken>(1);

    public Name Column => Slot<Name>(2);
}

/// <summary><c>partitioned-by Column ( subquery )</c> of make-graph.</summary>
public sealed class MakeGraphPartitionClause : SyntaxNode
{
    internal MakeGraphPartitionClause(
        SyntaxToken keyword, Name column, SyntaxToken openParen, Expression subquery, SyntaxToken closeParen)
        : base(SyntaxKind.MakeGraphPartitionClause, [keyword, column, openParen, subquery, closeParen])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public Name Column => Slot<Name>(1);

    public SyntaxToken OpenParen => Slot<SyntaxToken>(2);

    public Expression Subquery => Slot<Expression>(3);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(4);
}

/// <summary><c>graph-match [cycles=...] pattern, ... [where predicate] [project expr, ...]</c>.</summary>
public sealed class GraphMatchOperator : QueryOperator
{
    internal GraphMatchOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<GraphMatchPattern> patterns,
        GraphWhereClause? where, GraphProjectClause? project)
        : base(SyntaxKind.GraphMatchOperator, [keyword, parameters, patterns, where, project])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<GraphMatchPattern> Patterns => Slot<SeparatedSyntaxList<GraphMatchPattern>>(2);

    public GraphWhereClause? Where => OptionalSlot<GraphWhereClause>(3);

    public GraphProjectClause? Project => OptionalSlot<GraphProjectClause>(4);
}

/// <summary><c>graph-shortest-paths [output=...] pattern, ... [where predicate] [project expr, ...]</c>.</summary>
public sealed class GraphShortestPathsOperator : QueryOperator
{
    internal GraphShortestPathsOperator(
        SyntaxToken keyword, SyntaxList<NamedParameter> parameters, SeparatedSyntaxList<GraphMatchPattern> patterns,
        GraphWhereClause? where, GraphProjectClause? project)
        : base(SyntaxKind.GraphShortestPathsOperator, [keyword, parameters, patterns, where, project])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);

    public SeparatedSyntaxList<GraphMatchPattern> Patterns => Slot<SeparatedSyntaxList<GraphMatchPattern>>(2);

    public GraphWhereClause? Where => OptionalSlot<GraphWhereClause>(3);

    public GraphProjectClause? Project => OptionalSlot<GraphProjectClause>(4);
}

/// <summary>A path pattern: nodes and edges alternating, <c>(a)-[e*1..3]-&gt;(b)&lt;--(c)</c>.</summary>
public sealed class GraphMatchPattern : SyntaxNode
{
    internal GraphMatchPattern(SyntaxList<SyntaxNode> elements)
        : base(SyntaxKind.GraphMatchPattern, [elements])
    {
    }

    public SyntaxList<SyntaxNode> Elements => Slot<SyntaxList<SyntaxNode>>(0);
}

/// <summary>A node of a pattern: <c>(name)</c> or <c>()</c>.</summary>
public sealed class GraphMatchNode : SyntaxNode
{
    internal GraphMatchNode(SyntaxToken openParen, Name? name, SyntaxToken closeParen)
        : base(SyntaxKind.GraphMatchNode, [openParen, name, closeParen])
    {
    }

    public SyntaxToken OpenParen => Slot<SyntaxToken>(0);

    public Name? Name => OptionalSlot<Name>(1);

    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);
}

/// <summary>An edge of a pattern: <c>-[name*1..3]-&gt;</c>, <c>&lt;-[name]-</c>, <c>--&gt;</c>, <c>--</c>; the dashes and arrow heads are kept as tokens.</summary>
public sealed class GraphMatchEdge : SyntaxNode
{
    internal GraphMatchEdge(
        SyntaxList<SyntaxToken> leadingTokens, SyntaxToken? openBracket, Name? name, SyntaxToken? asterisk,
        Expression? minLength, SyntaxToken? dotDot, Expression? maxLength, SyntaxToken? closeBracket,
        SyntaxList<SyntaxToken> trailingTokens)
        : base(SyntaxKind.GraphMatchEdge, [leadingTokens, openBracket, name, asterisk, minLength, dotDot, maxLength, closeBracket, trailingTokens])
    {
    }

    public SyntaxList<SyntaxToken> LeadingTokens => Slot<SyntaxList<SyntaxToken>>(0);

    public SyntaxToken? OpenBracket => OptionalSlot<SyntaxToken>(1);

    public Name? Name => OptionalSlot<Name>(2);

    public SyntaxToken? Asterisk => OptionalSlot<SyntaxToken>(3);

    public Expression? MinLength => OptionalSlot<Expression>(4);

    public SyntaxToken? DotDot => OptionalSlot<SyntaxToken>(5);

    public Expression? MaxLength => OptionalSlot<Expression>(6);

    public SyntaxToken? CloseBracket => OptionalSlot<SyntaxToken>(7);

    public SyntaxList<SyntaxToken> TrailingTokens => Slot<SyntaxList<SyntaxToken>>(8);

    /// <summary>-1 for <c>&lt;-...-</c>, 1 for <c>-...-&gt;</c>, 0 for an undirected <c>-...-</c>.</summary>
    public int Direction =>
        LeadingTokens.Count > 0 && LeadingTokens[0].Kind == SyntaxKind.LessThan ? -1
        : TrailingTokens.Count > 0 && TrailingTokens[^1].Kind == SyntaxKind.GreaterThan ? 1
        : 0;
}

/// <summary><c>where predicate</c> of graph-match.</summary>
public sealed class GraphWhereClause : SyntaxNode
{
    internal GraphWhereClause(SyntaxToken whereKeyword, Expression predicate)
        : base(SyntaxKind.GraphWhereClause, [whereKeyword, predicate])
    {
    }

    public SyntaxToken WhereKeyword => Slot<SyntaxToken>(0);

    public Expression Predicate => Slot<Expression>(1);
}

/// <summary><c>project expr, ...</c> of graph-match.</summary>
public sealed class GraphProjectClause : SyntaxNode
{
    internal GraphProjectClause(SyntaxToken projectKeyword, SeparatedSyntaxList<Expression> expressions)
        : base(SyntaxKind.GraphProjectClause, [projectKeyword, expressions])
    {
    }

    public SyntaxToken ProjectKeyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<Expression> Expressions => Slot<SeparatedSyntaxList<Expression>>(1);
}

/// <summary><c>graph-to-table nodes [as N] [with_node_id=c], edges [as E] [with_source_id=s] [with_target_id=t]</c>.</summary>
public sealed class GraphToTableOperator : QueryOperator
{
    internal GraphToTableOperator(SyntaxToken keyword, SeparatedSyntaxList<GraphToTableOutputClause> outputs)
        : base(SyntaxKind.GraphToTableOperator, [keyword, outputs])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SeparatedSyntaxList<GraphToTableOutputClause> Outputs => Slot<SeparatedSyntaxList<GraphToTableOutputClause>>(1);
}

/// <summary><c>nodes|edges [as Name] [params]</c> of graph-to-table.</summary>
public sealed class GraphToTableOutputClause : SyntaxNode
{
    internal GraphToTableOutputClause(
        SyntaxToken keyword, SyntaxToken? asKeyword, Name? name, SyntaxList<NamedParameter> parameters)
        : base(SyntaxKind.GraphToTableOutputClause, [keyword, asKeyword, name, parameters])
    {
    }

    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxToken? AsKeyword => OptionalSlot<SyntaxToken>(1);

    public Name? Name => OptionalSlot<Name>(2);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(3);
}

/// <summary><c>graph-mark-components [kind=weak|strong] [with_component_id=name]</c>.</summary>
public sealed class GraphMarkComponentsOperator : QueryOperator
{
    internal GraphMarkComponentsOperator(SyntaxToken keyword, SyntaxList<NamedParameter> parameters)
        : base(SyntaxKind.GraphMarkComponentsOperator, [keyword, parameters])
    {
    }

    public override SyntaxToken Keyword => Slot<SyntaxToken>(0);

    public SyntaxList<NamedParameter> Parameters => Slot<SyntaxList<NamedParameter>>(1);
}
