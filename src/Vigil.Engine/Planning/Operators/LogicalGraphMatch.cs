using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// A <c>graph-match</c> path of <see cref="Segments"/>: segment i joins pattern node i to node i + 1 by between
/// <c>Min</c> and <c>Max</c> edges (one for a plain edge; <c>Max</c> -1 when unbounded), each going forward
/// (<c>Direction</c> 1), back (-1) or either way (0). Each match is one row holding every <see cref="Outputs"/> in
/// turn, then one column per <see cref="Functions"/> entry.
/// </summary>
internal sealed class LogicalGraphMatch(
    IReadOnlyList<LogicalOperator> inputs, GraphShape shape, IReadOnlyList<GraphMatchSegment> segments,
    IReadOnlyList<GraphMatchOutput> outputs, IReadOnlyList<GraphPathFunction> functions, GraphCycles cycles, TableSchema nodeElementSchema, TableSchema schema)
    : LogicalOperator(schema)
{
    public override IReadOnlyList<LogicalOperator> Children { get; } = inputs;

    public GraphShape Shape { get; } = shape;

    public IReadOnlyList<GraphMatchSegment> Segments { get; } = segments;

    public IReadOnlyList<GraphMatchOutput> Outputs { get; } = outputs;

    public IReadOnlyList<GraphPathFunction> Functions { get; } = functions;

    public GraphCycles Cycles { get; } = cycles;

    /// <summary>The rows path functions over inner nodes read: the node properties, then in-degree and out-degree.</summary>
    public TableSchema NodeElementSchema { get; } = nodeElementSchema;

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) =>
        new LogicalGraphMatch(children, Shape, Segments, Outputs, Functions, Cycles, NodeElementSchema, Schema);

    public override string Describe() =>
        $"GraphMatch path of {Segments.Count} segments ({string.Join(", ", Segments.Select(s => $"{s.Direction}*{s.Min}..{s.Max}"))}) cycles={Cycles}";
}

/// <summary>One edge element of a pattern: a plain edge has <c>Min</c> = <c>Max</c> = 1 and is not <c>Variable</c>.</summary>
internal readonly record struct GraphMatchSegment(int Direction, int Min, int Max, bool Variable);

/// <summary>What a match row holds of a pattern element: a node's or edge's properties, or a node's degree.</summary>
internal enum GraphOutputKind
{
    Node,
    Edge,
    DegreeIn,
    DegreeOut,
}

/// <summary>An output of a match: <c>Position</c> is a pattern node index, or a segment index for edges.</summary>
internal readonly record struct GraphMatchOutput(GraphOutputKind Kind, int Position);

/// <summary>How often a match may revisit: <c>none</c> no node twice, <c>unique_edges</c> no edge twice, <c>all</c> anything.</summary>
internal enum GraphCycles
{
    UniqueEdges,
    None,
    All,
}

/// <summary>The graph function kinds over a variable-length edge.</summary>
internal enum GraphPathFunctionKind
{
    All,
    Any,
    Map,
}

/// <summary>
/// <c>all</c>/<c>any</c>/<c>map</c> over the edges of segment <c>Segment</c> (or its inner nodes): <c>Element</c> is
/// planned against the element schema (edge columns; or node properties then in-degree and out-degree).
/// </summary>
internal sealed record GraphPathFunction(GraphPathFunctionKind Kind, int Segment, bool InnerNodes, ScalarExpr Element);
