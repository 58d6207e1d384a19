using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// How a <c>make-graph</c> graph is built from its inputs (edges first, then the optional nodes table): the ordinals
/// of the edge endpoint columns and of the nodes table's key, whether nodes without a nodes table carry their id as
/// a property, and whether <c>graph-mark-components</c> added a component id.
/// </summary>
internal sealed record GraphShape(
    int SourceOrdinal, int TargetOrdinal, int NodeKeyOrdinal, bool NodeIdProperty, bool MarkComponents, bool StrongComponents);

/// <summary>
/// <c>graph-to-table nodes</c> or <c>graph-to-table edges</c> of a graph built from <see cref="LogicalOperator.Children"/>
/// (edges, then nodes when given). With <see cref="FirstId"/> the output starts with the node id (nodes) or the
/// source id (edges); with <see cref="SecondId"/> (edges only) the target id follows.
/// </summary>
internal sealed class LogicalGraphTable(
    IReadOnlyList<LogicalOperator> inputs, GraphShape shape, bool nodes, bool firstId, bool secondId, TableSchema schema)
    : LogicalOperator(schema)
{
    public override IReadOnlyList<LogicalOperator> Children { get; } = inputs;

    public GraphShape Shape { get; } = shape;

    public bool Nodes { get; } = nodes;

    public bool FirstId { get; } = firstId;

    public bool SecondId { get; } = secondId;

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) =>
        new LogicalGraphTable(children, Shape, Nodes, FirstId, SecondId, Schema);

    public override string Describe() =>
        $"GraphTable {(Nodes ? "nodes" : "edges")} (edges #{Shape.SourceOrdinal} --> #{Shape.TargetOrdinal}"
        + (Children.Count > 1 ? $", nodes on #{Shape.NodeKeyOrdinal}" : string.Empty)
        + (Shape.MarkComponents ? (Shape.StrongComponents ? ", strong components" : ", weak components") : string.Empty) + ")";

    public override void Verify()
    {
        var edges = Children[0].Schema;
        if ((uint)Shape.SourceOrdinal >= (uint)edges.Count || (uint)Shape.TargetOrdinal >= (uint)edges.Count
            || (Children.Count > 1 && (uint)Shape.NodeKeyOrdinal >= (uint)Children[1].Schema.Count))
        {
            throw new InvalidOperationException($"Plan invariant: {Describe()} reads a missing column.");
        }

        base.Verify();
    }
}
