using Vigil.Engine.Execution.Operators;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Graph;

/// <summary>
/// Fixed-length <c>graph-match</c>: builds the graph, walks every path of the pattern's shape by depth-first search
/// (no edge used twice in a path), and emits one row per path with the properties of the named elements.
/// </summary>
internal sealed class GraphMatchOperator(PhysicalOperator edges, PhysicalOperator? nodes, LogicalGraphMatch plan)
    : PhysicalOperator(plan.Schema)
{
    private RowBuffer? _output;
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            using var edgeRows = GraphTableOperator.Drain(edges);
            using var nodeRows = nodes is null ? null : GraphTableOperator.Drain(nodes);
            var graph = new PropertyGraph(edgeRows, nodeRows, plan.Shape);
            var incident = new List<int>[graph.NodeCount];
            for (var n = 0; n < incident.Length; n++)
            {
                incident[n] = [];
            }

            for (var e = 0; e < graph.EdgeCount; e++)
            {
                incident[graph.EdgeSource(e)].Add(e);
                if (graph.EdgeTarget(e) != graph.EdgeSource(e))
                {
                    incident[graph.EdgeTarget(e)].Add(e);
                }
            }

            _output = new RowBuffer(Schema);
            var path = new Path(new int[plan.Directions.Count + 1], new int[plan.Directions.Count]);
            for (var start = 0; start < graph.NodeCount; start++)
            {
                path.Nodes[0] = start;
                Extend(graph, incident, path, 0, edgeRows, nodeRows);
            }

            _emitter = new BufferEmitter(_output);
        }

        return _emitter.Next();
    }

    public override void Dispose()
    {
        _emitter?.Dispose();
        _output?.Dispose();
        edges.Dispose();
        nodes?.Dispose();
    }

    private void Extend(PropertyGraph graph, List<int>[] incident, Path path, int depth, RowBuffer edgeRows, RowBuffer? nodeRows)
    {
        if (depth == plan.Directions.Count)
        {
            Emit(graph, path, edgeRows, nodeRows);
            return;
        }

        var from = path.Nodes[depth];
        var direction = plan.Directions[depth];
        foreach (var edge in incident[from])
        {
            if (Array.IndexOf(path.Edges, edge, 0, depth) >= 0)
            {
                continue;
            }

            var source = graph.EdgeSource(edge);
            var target = graph.EdgeTarget(edge);
            for (var way = 0; way < 2; way++)
            {
                // way 0 follows the edge forward, way 1 backward; a self-loop is taken once.
                var (at, to) = way == 0 ? (source, target) : (target, source);
                if (at != from || (way == 1 && source == target) || (direction == 1 && way == 1) || (direction == -1 && way == 0))
                {
                    continue;
                }

                path.Edges[depth] = edge;
                path.Nodes[depth + 1] = to;
                Extend(graph, incident, path, depth + 1, edgeRows, nodeRows);
            }
        }
    }

    private void Emit(PropertyGraph graph, Path path, RowBuffer edgeRows, RowBuffer? nodeRows)
    {
        var columns = _output!.Columns;
        var c = 0;
        foreach (var (isEdge, position) in plan.Outputs)
        {
            c = isEdge
                ? GraphTableOperator.AppendEdge(graph, path.Edges[position], edgeRows, columns, c)
                : GraphTableOperator.AppendNode(graph, path.Nodes[position], nodeRows, plan.Shape, columns, c, Schema);
        }

        _output.Commit(1);
    }

    private readonly record struct Path(int[] Nodes, int[] Edges);
}
