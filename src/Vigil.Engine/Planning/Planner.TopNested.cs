using Vigil.Engine.Functions;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>One planned top-nested clause.</summary>
    private sealed record TopNestedLevel(long? Limit, ScalarExpr Of, ScalarValue? Others, AggregateCall Aggregate, bool Descending, Expression Syntax);

    /// <summary>
    /// <c>top-nested [N] of Expr [with others = C] by Aggregate [asc|desc], ...</c>: the input is computed once; each
    /// level groups the rows of its parent by Expr, keeps the N best by the aggregate (all without N), adds the
    /// "others" row (the aggregate over the remaining rows) when asked, and recurses into each kept value. The
    /// hierarchy is small by nature, so it is computed while planning and returned as rows.
    /// </summary>
    private LogicalValues PlanTopNested(TopNestedOperator topNested, LogicalOperator input, TableSchema output)
    {
        var rows = Materialize(input, "top-nested");
        var levels = new List<TopNestedLevel>();
        foreach (var clause in topNested.Clauses)
        {
            long? limit = clause.Limit is { } written ? ConstantLong(written, "top-nested") : null;
            var of = PlanScalar(Unname(clause.Of).Expression, rows.Schema);
            var by = clause.By;
            var descending = true;
            if (by is OrderedExpression ordered)
            {
                descending = ordered.Ordering?.Text != "asc";
                by = ordered.Expression;
            }

            by = Unname(by).Expression;
            while (by is ParenthesizedExpression parenthesized)
            {
                by = parenthesized.Expression;
            }

            if (by is not FunctionCallExpression call || _bound.GetInfo(call)?.IsAggregate != true)
            {
                throw QueryException.NotSupported($"top-nested by '{Snippet(clause.By)}' (only an aggregate call)");
            }

            var arguments = new List<ScalarExpr>();
            foreach (var argument in call.Arguments)
            {
                if (argument is not StarExpression)
                {
                    arguments.Add(PlanScalar(Unname(argument).Expression, rows.Schema));
                }
            }

            var type = PlanTypes.Normalize(_bound.GetType(call));
            var aggregate = new AggregateCall(NormalizeAggregateName(call.Name.SimpleName), [.. arguments], [new ColumnSymbol("\u0001aggregate", type)]);
            ScalarValue? others = null;
            if (clause.Others is { } othersExpression)
            {
                others = Optimizer.ConstantFolding.Fold(FunctionRegistry.Convert(PlanScalar(othersExpression, TableSchema.Empty), of.Type), _nowTicks) is ConstantExpr { Value: var value }
                    ? value
                    : throw new QueryException(QueryErrorKind.Semantic, "top-nested 'with others' needs a constant.");
            }

            levels.Add(new TopNestedLevel(limit, of, others, aggregate, descending, clause.Of));
        }

        var columns = new List<ColumnSymbol>();
        for (var i = 0; i < output.Count; i++)
        {
            var level = levels[Math.Min(i / 2, levels.Count - 1)];
            columns.Add(output.Columns[i].WithType(i % 2 == 0 ? level.Of.Type : level.Aggregate.Outputs[0].Type));
        }

        var results = new List<ScalarExpr[]>();
        ExpandTopNested(levels, 0, rows, [], results);
        return new LogicalValues(new TableSchema(columns), results, "top-nested");
    }

    private void ExpandTopNested(List<TopNestedLevel> levels, int depth, LogicalOperator source, List<ScalarValue> prefix, List<ScalarExpr[]> results)
    {
        if (depth == levels.Count)
        {
            results.Add([.. prefix.Select(v => (ScalarExpr)new ConstantExpr(v))]);
            return;
        }

        var level = levels[depth];
        var grouped = new LogicalAggregate(source, [new NamedExpr("\u0001value", level.Of)], [level.Aggregate]);
        var sorted = new LogicalSort(grouped, [new SortKey(new ColumnExpr(1, "\u0001aggregate", grouped.Schema.Columns[1].Type), level.Descending, false)]);
        var values = _run(sorted);
        var kept = level.Limit is { } limit ? (int)Math.Min(limit, values.Count) : values.Count;
        var keptValues = new List<ScalarValue>(kept);
        for (var i = 0; i < kept; i++)
        {
            var value = values.Columns[0].GetValue(i);
            keptValues.Add(value);
            var predicate = value.IsNull
                ? Call("isnull", [level.Of], ScalarType.Bool, level.Syntax)
                : Call("==", [level.Of, new ConstantExpr(value)], ScalarType.Bool, level.Syntax);
            ExpandTopNested(levels, depth + 1, new LogicalFilter(source, predicate), [.. prefix, value, values.Columns[1].GetValue(i)], results);
        }

        if (level.Others is not { } others || kept == values.Count)
        {
            return;
        }

        // The others row: the aggregate over every row whose value did not make the top; deeper levels are empty.
        ScalarExpr rest = new ConstantExpr(ScalarValue.FromBool(true));
        foreach (var value in keptValues)
        {
            var excluded = value.IsNull
                ? Call("isnotnull", [level.Of], ScalarType.Bool, level.Syntax)
                : Call("!=", [level.Of, new ConstantExpr(value)], ScalarType.Bool, level.Syntax);
            rest = Call("and", [rest, excluded], ScalarType.Bool, level.Syntax);
        }

        var total = _run(new LogicalAggregate(new LogicalFilter(source, rest), [], [level.Aggregate]));
        var row = new List<ScalarValue>(prefix) { others, total.Count > 0 ? total.Columns[0].GetValue(0) : ScalarValue.Null(level.Aggregate.Outputs[0].Type) };
        for (var d = depth + 1; d < levels.Count; d++)
        {
            row.Add(ScalarValue.Null(levels[d].Of.Type));
            row.Add(ScalarValue.Null(levels[d].Aggregate.Outputs[0].Type));
        }

        results.Add([.. row.Select(v => (ScalarExpr)new ConstantExpr(v))]);
    }
}
