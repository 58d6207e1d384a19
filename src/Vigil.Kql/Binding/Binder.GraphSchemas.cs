using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Node and edge properties of the graphs built so far, keyed by the (open, unique) schema instance their
    /// make-graph returned, so that graph-to-table can give exact columns instead of an open schema.
    /// </summary>
    private readonly Dictionary<TableSchema, (IReadOnlyList<ColumnSymbol> Nodes, IReadOnlyList<ColumnSymbol> Edges)> _graphs =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>The graph of a simple make-graph (no partitions, at most one nodes table), or an open schema.</summary>
    private Rows RegisterGraph(MakeGraphOperator makeGraph, Rows edges, ScalarType sourceType, IReadOnlyList<Rows> nodeTables)
    {
        var graph = new Rows(TableSchema.Empty.AsOpen(), false);
        if (makeGraph.PartitionBy is not null || nodeTables.Count > 1 || edges.Schema.IsOpen || nodeTables.Any(t => t.Schema.IsOpen))
        {
            return graph;
        }

        IReadOnlyList<ColumnSymbol> nodes = nodeTables.Count == 1 ? nodeTables[0].Schema.Columns : [];
        foreach (var parameter in makeGraph.Parameters.Concat(makeGraph.TrailingParameters))
        {
            if (parameter.Name.Text == "with_node_id" && parameter.Value is NameReference name && nodeTables.Count == 0)
            {
                nodes = [new ColumnSymbol(name.SimpleName, sourceType)];
            }
        }

        _graphs[graph.Schema] = (nodes, edges.Schema.Columns);
        return graph;
    }

    /// <summary>graph-mark-components adds a long component id to the nodes of a known graph.</summary>
    private Rows MarkGraphComponents(GraphMarkComponentsOperator mark, Rows input)
    {
        var graph = new Rows(TableSchema.Empty.AsOpen(), false);
        if (_graphs.TryGetValue(input.Schema, out var known))
        {
            var name = "ComponentId";
            foreach (var parameter in mark.Parameters)
            {
                if (parameter.Name.Text == "with_component_id" && parameter.Value is NameReference reference)
                {
                    name = reference.SimpleName;
                }
            }

            _graphs[graph.Schema] = ([.. known.Nodes, new ColumnSymbol(name, ScalarType.Long)], known.Edges);
        }

        return graph;
    }

    /// <summary>The exact columns of a single unnamed graph-to-table output over a known graph, else null.</summary>
    private TableSchema? GraphTableSchema(GraphToTableOperator toTable, Rows input)
    {
        if (toTable.Outputs.Count != 1 || toTable.Outputs[0].Name is not null || !_graphs.TryGetValue(input.Schema, out var graph))
        {
            return null;
        }

        var output = toTable.Outputs[0];
        var nodes = output.Keyword.Text == "nodes";
        var columns = new List<ColumnSymbol>();
        foreach (var name in new[] { nodes ? "with_node_id" : "with_source_id", nodes ? string.Empty : "with_target_id" })
        {
            foreach (var parameter in output.Parameters)
            {
                if (parameter.Name.Text == name && parameter.Value is NameReference reference)
                {
                    columns.Add(new ColumnSymbol(reference.SimpleName, ScalarType.Long));
                }
            }
        }

        columns.AddRange(nodes ? graph.Nodes : graph.Edges);
        return TableSchema.WithUniqueNames(columns);
    }
}
