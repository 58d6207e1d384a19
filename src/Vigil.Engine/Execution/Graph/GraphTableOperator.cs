using Vigil.Engine.Execution.Operators;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Graph;

/// <summary>
/// <c>graph-to-table</c>: reads the edges (and nodes) inputs whole, builds the <see cref="PropertyGraph"/>, and emits
/// its nodes or edges as rows (optional id columns, then the properties, then the component id when marked).
/// </summary>
internal sealed class GraphTableOperator(PhysicalOperator edges, PhysicalOperator? nodes, LogicalGraphTable plan)
    : PhysicalOperator(plan.Schema)
{
    private RowBuffer? _output;
    private BufferEmitter? _emitter;

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            using var edgeRows = Drain(edges);
            using var nodeRows = nodes is null ? null : Drain(nodes);
            var graph = new PropertyGraph(edgeRows, nodeRows, plan.Shape);
            _output = new RowBuffer(Schema);
            if (plan.Nodes)
            {
                EmitNodes(graph, nodeRows, _output);
            }
            else
            {
                EmitEdges(graph, edgeRows, _output);
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

    internal static RowBuffer Drain(PhysicalOperator input)
    {
        var buffer = new RowBuffer(input.Schema);
        while (input.Next() is { } batch)
        {
            buffer.Append(batch);
        }

        return buffer;
    }

    private void EmitNodes(PropertyGraph graph, RowBuffer? nodeRows, RowBuffer output)
    {
        for (var node = 0; node < graph.NodeCount; node++)
        {
            var c = 0;
            if (plan.FirstId)
            {
                output.Columns[c++].AppendValue(ScalarValue.FromLong(node));
            }

            AppendNode(graph, node, nodeRows, plan.Shape, output.Columns, c, Schema);
        }

        output.Commit(graph.NodeCount);
    }

    /// <summary>Appends a node's properties from column <paramref name="c"/> on; returns the next column.</summary>
    internal static int AppendNode(PropertyGraph graph, int node, RowBuffer? nodeRows, GraphShape shape, ColumnVector[] columns, int c, Kql.Symbols.TableSchema schema)
    {
        if (nodeRows is not null)
        {
            var row = graph.NodeRow(node);
            for (var p = 0; p < nodeRows.Columns.Length; p++, c++)
            {
                if (row >= 0)
                {
                    columns[c].Append(nodeRows.Columns[p], row);
                }
                else if (p == shape.NodeKeyOrdinal)
                {
                    columns[c].AppendValue(graph.NodeKey(node));
                }
                else
                {
                    columns[c].AppendValue(ScalarValue.Null(schema.Columns[c].Type));
                }
            }
        }
        else if (shape.NodeIdProperty)
        {
            columns[c++].AppendValue(graph.NodeKey(node));
        }

        if (graph.Components is { } components)
        {
            columns[c++].AppendValue(ScalarValue.FromLong(components[node]));
        }

        return c;
    }

    /// <summary>Appends an edge's properties from column <paramref name="c"/> on; returns the next column.</summary>
    internal static int AppendEdge(PropertyGraph graph, int edge, RowBuffer edgeRows, ColumnVector[] columns, int c)
    {
        var row = graph.EdgeRow(edge);
        for (var p = 0; p < edgeRows.Columns.Length; p++)
        {
            columns[c++].Append(edgeRows.Columns[p], row);
        }

        return c;
    }

    private void EmitEdges(PropertyGraph graph, RowBuffer edgeRows, RowBuffer output)
    {
        var columns = output.Columns;
        for (var edge = 0; edge < graph.EdgeCount; edge++)
        {
            var c = 0;
            if (plan.FirstId)
            {
                columns[c++].AppendValue(ScalarValue.FromLong(graph.EdgeSource(edge)));
            }

            if (plan.SecondId)
            {
                columns[c++].AppendValue(ScalarValue.FromLong(graph.EdgeTarget(edge)));
            }

            AppendEdge(graph, edge, edgeRows, columns, c);
        }

        output.Commit(graph.EdgeCount);
    }
}
