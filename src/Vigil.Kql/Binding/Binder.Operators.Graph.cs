using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// make-graph, graph-match, graph-shortest-paths, graph-to-table, graph-mark-components: a graph's node and edge
    /// properties are known only when it is built, so graph results are open schemas, except the columns a
    /// <c>project</c> clause names. Pattern variables bind as values of unknown type.
    /// </summary>
    private Rows? BindGraphOperator(QueryOperator op, Rows input, Context context)
    {
        var open = new Rows(TableSchema.Empty.AsOpen(), false);
        switch (op)
        {
            case MakeGraphOperator makeGraph:
            {
                var sourceType = BindScalar(makeGraph.Source, context);
                BindScalar(makeGraph.Target, context);
                var nodeTables = new List<Rows>();
                if (makeGraph.Tables is { } tables)
                {
                    foreach (var table in tables.Tables)
                    {
                        nodeTables.Add(BindTabular(table.Table, context));
                    }
                }

                // partitioned-by (...) runs the subquery over each partition's graph and returns its rows.
                return makeGraph.PartitionBy is { } partition ? BindSubquery(partition.Subquery, open, context)
                    : RegisterGraph(makeGraph, input, sourceType, nodeTables);
            }

            case GraphMatchOperator match:
                return BindGraphPatterns(match.Patterns, match.Where, match.Project, context);
            case GraphShortestPathsOperator paths:
                return BindGraphPatterns(paths.Patterns, paths.Where, paths.Project, context);
            case GraphToTableOperator toTable:
                foreach (var output in toTable.Outputs)
                {
                    if (output.Name is { } name)
                    {
                        context.Scope.Declare(new TabularVariableSymbol(name.SimpleName, TableSchema.Empty.AsOpen(), isParameter: false, isMaterialized: false));
                    }
                }

                return GraphTableSchema(toTable, input) is { } exact ? new Rows(exact, false) : open;
            case GraphMarkComponentsOperator mark:
                return MarkGraphComponents(mark, input);
            default:
                return null;
        }
    }

    private Rows BindGraphPatterns(
        IReadOnlyList<GraphMatchPattern> patterns, GraphWhereClause? where, GraphProjectClause? project, Context context)
    {
        var scope = new Scope(context.Scope);
        foreach (var pattern in patterns)
        {
            foreach (var element in pattern.Elements)
            {
                var name = element switch
                {
                    GraphMatchNode node => node.Name,
                    GraphMatchEdge edge => edge.Name,
                    _ => null,
                };
                if (name is not null)
                {
                    scope.Declare(new ScalarVariableSymbol(name.SimpleName, ScalarType.Unknown, isParameter: false));
                }
            }
        }

        var patternContext = Context.ForRows(scope, new Rows(TableSchema.Empty.AsOpen(), false));
        if (where is not null)
        {
            ExpectBool(where.Predicate, BindScalar(where.Predicate, patternContext));
        }

        return project is null
            ? new Rows(TableSchema.Empty.AsOpen(), false)
            : BindProject(project.Expressions, new Rows(TableSchema.Empty, false), patternContext, serializedKept: false);
    }
}
