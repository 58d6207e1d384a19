using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// A fixed-length <c>graph-match</c> path: <see cref="Directions"/>[i] is 1 when edge i goes from node i to node
/// i + 1, -1 when it goes back, 0 when either way. Each match is one row holding the properties of every
/// <see cref="Outputs"/> element in turn (a node position, or an edge position when <c>IsEdge</c>); edges are not
/// reused within a match (Kusto's default <c>cycles=unique_edges</c>).
/// </summary>
internal sealed class LogicalGraphMatch(
    IReadOnlyList<LogicalOperator> inputs, GraphShape shape, IReadOnlyList<int> directions,
    IReadOnlyList<(bool IsEdge, int Position)> outputs, TableSchema schema)
    : LogicalOperator(schema)
{
    public override IReadOnlyList<LogicalOperator> Children { get; } = inputs;

    public GraphShape Shape { get; } = shape;

    public IReadOnlyList<int> Directions { get; } = directions;

    public IReadOnlyList<(bool IsEdge, int Position)> Outputs { get; } = outputs;

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) =>
        new LogicalGraphMatch(children, Shape, Directions, Outputs, Schema);

    public override string Describe() => $"GraphMatch path of {Directions.Count} edges ({Join(Directions)})";
}
