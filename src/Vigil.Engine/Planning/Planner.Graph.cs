using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// A graph at plan time: its inputs (edges, then the nodes table when given), how they make the graph, and the
    /// property columns of its nodes. Graph operators (<c>graph-to-table</c>) turn it into a tabular operator.
    /// </summary>
    private sealed record PlannedGraph(IReadOnlyList<LogicalOperator> Inputs, GraphShape Shape, IReadOnlyList<ColumnSymbol> NodeProperties);

    /// <summary>A pipe whose operator consumes a graph: <c>... | make-graph ... | graph-to-table ...</c>.</summary>
    private LogicalOperator PlanGraphOperator(PipeExpression pipe)
    {
        var graph = PlanGraph(pipe.Left);
        return pipe.Operator switch
        {
            GraphToTableOperator toTable => PlanGraphToTable(toTable, graph),
            GraphMatchOperator match => PlanGraphMatch(match, graph),
            _ => throw QueryException.NotSupported($"The graph operator '{pipe.Operator.Keyword.Text}'"),
        };
    }

    private PlannedGraph PlanGraph(Expression expression) => expression switch
    {
        ParenthesizedExpression parenthesized => PlanGraph(parenthesized.Expression),
        PipeExpression { Operator: MakeGraphOperator makeGraph } pipe => PlanMakeGraph(makeGraph, PlanTabular(pipe.Left)),
        PipeExpression { Operator: GraphMarkComponentsOperator mark } pipe => PlanMarkComponents(mark, PlanGraph(pipe.Left)),
        _ => throw QueryException.NotSupported($"The graph expression '{Snippet(expression)}'"),
    };

    private PlannedGraph PlanMakeGraph(MakeGraphOperator makeGraph, LogicalOperator edges)
    {
        if (makeGraph.PartitionBy is not null)
        {
            throw QueryException.NotSupported("make-graph partitioned-by");
        }

        var source = GraphEdgeColumn(makeGraph.Source, edges.Schema);
        var target = GraphEdgeColumn(makeGraph.Target, edges.Schema);
        var sourceType = edges.Schema.Columns[source].Type;
        if (edges.Schema.Columns[target].Type != sourceType)
        {
            throw QueryException.NotSupported("make-graph with source and target ids of different types");
        }

        string? nodeIdName = null;
        foreach (var parameter in makeGraph.Parameters.Concat(makeGraph.TrailingParameters))
        {
            if (parameter.Name.Text != "with_node_id")
            {
                throw QueryException.NotSupported($"make-graph {parameter.Name.Text}=");
            }

            nodeIdName = GraphParameterName(parameter);
        }

        var tables = makeGraph.Tables?.Tables;
        if (tables is { Count: > 0 })
        {
            if (tables.Count > 1 || nodeIdName is not null)
            {
                throw QueryException.NotSupported("make-graph with more than one nodes table");
            }

            var nodes = PlanTabular(tables[0].Table);
            var key = nodes.Schema.IndexOf(tables[0].Column.SimpleName);
            if (key < 0)
            {
                throw new QueryException(QueryErrorKind.Semantic, $"make-graph: the nodes table has no column '{tables[0].Column.SimpleName}'.");
            }

            if (nodes.Schema.Columns[key].Type != sourceType)
            {
                throw QueryException.NotSupported("make-graph with node ids of another type than the edges' ids");
            }

            return new PlannedGraph([edges, nodes], new GraphShape(source, target, key, false, false, false), nodes.Schema.Columns);
        }

        return nodeIdName is null
            ? new PlannedGraph([edges], new GraphShape(source, target, -1, false, false, false), [])
            : new PlannedGraph([edges], new GraphShape(source, target, -1, true, false, false), [new ColumnSymbol(nodeIdName, sourceType)]);
    }

    private static PlannedGraph PlanMarkComponents(GraphMarkComponentsOperator mark, PlannedGraph graph)
    {
        if (graph.Shape.MarkComponents)
        {
            throw QueryException.NotSupported("graph-mark-components over a graph already marked");
        }

        var strong = false;
        var name = "ComponentId";
        foreach (var parameter in mark.Parameters)
        {
            switch (parameter.Name.Text)
            {
                case "kind":
                    strong = GraphParameterName(parameter) switch
                    {
                        "weak" => false,
                        "strong" => true,
                        var other => throw new QueryException(QueryErrorKind.Semantic, $"graph-mark-components: unknown kind '{other}' (weak or strong)."),
                    };
                    break;
                case "with_component_id":
                    name = GraphParameterName(parameter);
                    break;
                default:
                    throw QueryException.NotSupported($"graph-mark-components {parameter.Name.Text}=");
            }
        }

        return graph with
        {
            Shape = graph.Shape with { MarkComponents = true, StrongComponents = strong },
            NodeProperties = [.. graph.NodeProperties, new ColumnSymbol(name, ScalarType.Long)],
        };
    }

    private static LogicalGraphTable PlanGraphToTable(GraphToTableOperator toTable, PlannedGraph graph)
    {
        if (toTable.Outputs.Count != 1 || toTable.Outputs[0].Name is not null)
        {
            throw QueryException.NotSupported("graph-to-table with named outputs");
        }

        var output = toTable.Outputs[0];
        var nodes = output.Keyword.Text == "nodes";
        string? first = null;
        string? second = null;
        foreach (var parameter in output.Parameters)
        {
            switch (parameter.Name.Text)
            {
                case "with_node_id" when nodes:
                case "with_source_id" when !nodes:
                    first = GraphParameterName(parameter);
                    break;
                case "with_target_id" when !nodes:
                    second = GraphParameterName(parameter);
                    break;
                default:
                    throw new QueryException(QueryErrorKind.Semantic, $"graph-to-table {output.Keyword.Text}: unexpected parameter '{parameter.Name.Text}'.");
            }
        }

        var columns = new List<ColumnSymbol>();
        if (first is not null)
        {
            columns.Add(new ColumnSymbol(first, ScalarType.Long));
        }

        if (second is not null)
        {
            columns.Add(new ColumnSymbol(second, ScalarType.Long));
        }

        columns.AddRange(nodes ? graph.NodeProperties : graph.Inputs[0].Schema.Columns);
        return new LogicalGraphTable(graph.Inputs, graph.Shape, nodes, first is not null, second is not null, TableSchema.WithUniqueNames(columns));
    }

    private static int GraphEdgeColumn(Expression column, TableSchema edges)
    {
        var index = column is NameReference reference ? edges.IndexOf(reference.SimpleName) : -1;
        return index >= 0 ? index
            : throw QueryException.NotSupported($"make-graph endpoint '{Snippet(column)}' (a column of the edges is expected)");
    }

    private static string GraphParameterName(NamedParameter parameter) => parameter.Value switch
    {
        NameReference reference => reference.SimpleName,
        LiteralExpression { LiteralKind: SyntaxKind.StringLiteral } literal => SyntaxFacts.GetStringValue(literal.Token.Text) ?? string.Empty,
        var other => other.ToString().Trim(),
    };
}
