using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>The rows a subquery without its own source reads (mv-apply's <c>on (...)</c>, partition, fork and facet bodies), or null.</summary>
    private LogicalOperator? _implicitInput;

    private LogicalMvApply PlanMvApply(MvApplyOperator mvApply, LogicalOperator input, TableSchema output)
    {
        var expansion = PlanExpansion(mvApply.Parameters, mvApply.Expressions, mvApply.Limit, input, null);
        var feed = new ApplyFeed();
        var rows = new LogicalApplyRows(expansion.Prepared.Schema, feed);
        var expanded = ExpandNode(expansion with { Prepared = new LogicalProject(rows, IdentityColumns(rows.Schema)) });

        var outer = _implicitInput;
        _implicitInput = expanded;
        LogicalOperator subquery;
        try
        {
            subquery = PlanTabular(mvApply.Subquery);
        }
        finally
        {
            _implicitInput = outer;
        }

        // The row's other columns come first: not expanded and not replaced by the subquery's (the binder's rule).
        var expandedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ordinal in expansion.Ordinals)
        {
            expandedNames.Add(expansion.Prepared.Schema.Columns[ordinal].Name);
        }

        if (expansion.IndexName is { } indexName)
        {
            expandedNames.Add(indexName);
        }

        var kept = new List<int>();
        var columns = new List<ColumnSymbol>();
        for (var i = 0; i < input.Schema.Count; i++)
        {
            var column = input.Schema.Columns[i];
            if (!expandedNames.Contains(column.Name) && !subquery.Schema.Contains(column.Name))
            {
                kept.Add(i);
                columns.Add(column);
            }
        }

        columns.AddRange(subquery.Schema.Columns);
        if (columns.Count != output.Count)
        {
            throw QueryException.NotSupported($"mv-apply whose result columns differ from the subquery's ('{Snippet(mvApply)}')");
        }

        return new LogicalMvApply(expansion.Prepared, subquery, feed, [.. kept], new TableSchema(columns));
    }

    private static List<NamedExpr> IdentityColumns(TableSchema schema)
    {
        var columns = new List<NamedExpr>(schema.Count);
        foreach (var column in schema.Columns)
        {
            columns.Add(new NamedExpr(column.Name, ColumnOf(schema, column.Name)));
        }

        return columns;
    }
}
