using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Plans <paramref name="subquery"/> with <paramref name="input"/> as the rows its first operator reads.</summary>
    private LogicalOperator PlanSubquery(Expression subquery, LogicalOperator input)
    {
        var saved = _implicitInput;
        _implicitInput = input;
        try
        {
            return PlanTabular(subquery);
        }
        finally
        {
            _implicitInput = saved;
        }
    }

    /// <summary>A subquery's leading operator (<c>sort by x | ...</c> inside partition/fork/facet) over the implicit input.</summary>
    private LogicalOperator PlanLeadingOperator(QueryOperator op) =>
        _implicitInput is { } input
            ? PlanOperator(op, input)
            : throw QueryException.NotSupported($"The tabular expression '{Snippet(op)}'");

    /// <summary>
    /// <c>T | partition [hints] by Column (subquery)</c>: T is computed once, the subquery runs over the rows of each
    /// distinct value of Column (in order of first appearance), and the results are concatenated. Strategy hints
    /// only change how Kusto distributes the work, not the result.
    /// </summary>
    private LogicalOperator PlanPartition(PartitionOperator partition, LogicalOperator input, TableSchema output)
    {
        if (partition.Body is not Expression body)
        {
            throw QueryException.NotSupported("partition with a { query } body");
        }

        if (partition.In is not null)
        {
            throw QueryException.NotSupported("partition ... in (values)");
        }

        var rows = Materialize(input, "partition");
        var key = PlanScalar(partition.By, rows.Schema);
        if (key is not ColumnExpr column)
        {
            throw new QueryException(QueryErrorKind.Semantic, "partition by needs a column.");
        }

        var values = new List<ScalarValue>();
        var seen = new HashSet<ScalarValue>();
        var keys = rows.Rows.Columns[column.Ordinal];
        for (var i = 0; i < rows.Rows.Count; i++)
        {
            var value = keys.GetValue(i);
            if (seen.Add(value))
            {
                values.Add(value);
            }
        }

        var parts = new List<LogicalOperator>(values.Count);
        foreach (var value in values)
        {
            var predicate = value.IsNull
                ? Call("isnull", [column], ScalarType.Bool, partition.By)
                : Call("==", [column, new ConstantExpr(value)], ScalarType.Bool, partition.By);
            parts.Add(PlanSubquery(body, new LogicalFilter(rows, predicate)));
        }

        if (parts.Count == 0)
        {
            // No partitions, no rows: the subquery is planned once only for its schema.
            var never = new ConstantExpr(ScalarValue.FromBool(false));
            return new LogicalFilter(PlanSubquery(body, new LogicalFilter(rows, never)), never);
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        foreach (var part in parts)
        {
            if (!part.Schema.Equals(parts[0].Schema))
            {
                throw QueryException.NotSupported($"partition whose parts have different schemas ({output})");
            }
        }

        return new LogicalUnion(parts, parts[0].Schema);
    }
}
