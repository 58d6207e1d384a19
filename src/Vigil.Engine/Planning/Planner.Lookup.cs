using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// lookup: a leftouter (default) or inner join that keeps every left row (no innerunique dedupe) and drops the
    /// right side's key columns, so the left keys stand for both.
    /// </summary>
    private LogicalProject PlanLookup(LookupOperator lookup, LogicalOperator left, TableSchema output)
    {
        var kind = ParameterText(lookup.Parameters, "kind") ?? "leftouter";

        if (kind is not ("leftouter" or "inner"))
        {
            throw new QueryException(QueryErrorKind.Semantic, $"lookup kind={kind} is not leftouter or inner.");
        }

        var right = PlanTabular(lookup.Right);
        var leftKeys = new List<ScalarExpr>();
        var rightKeys = new List<ScalarExpr>();
        foreach (var term in lookup.On.Expressions)
        {
            AddJoinKeys(term, left.Schema, right.Schema, leftKeys, rightKeys);
        }

        var rightKeyOrdinals = new HashSet<int>();
        foreach (var key in rightKeys)
        {
            if (key is ColumnExpr column)
            {
                rightKeyOrdinals.Add(column.Ordinal);
            }
        }

        var joined = TableSchema.WithUniqueNames([.. left.Schema.Columns, .. right.Schema.Columns]);
        var join = new LogicalJoin(left, right, kind, [.. leftKeys], [.. rightKeys], joined);
        var columns = new List<NamedExpr>();
        for (var i = 0; i < joined.Count; i++)
        {
            if (i >= left.Schema.Count && rightKeyOrdinals.Contains(i - left.Schema.Count))
            {
                continue;
            }

            var name = columns.Count < output.Count ? output.Columns[columns.Count].Name : joined.Columns[i].Name;
            columns.Add(new NamedExpr(name, new ColumnExpr(i, joined.Columns[i].Name, PlanTypes.Normalize(joined.Columns[i].Type))));
        }

        if (columns.Count != output.Count)
        {
            throw QueryException.NotSupported($"lookup whose result columns differ from the binder's ('{Snippet(lookup)}')");
        }

        return new LogicalProject(join, columns);
    }
}
