using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Optimizer;

/// <summary>Helpers passes share: rewriting every expression of a plan, splitting conjunctions.</summary>
internal static class PlanRewriter
{
    /// <summary>Rebuilds the plan bottom-up: children first, then <paramref name="rewrite"/> on each rebuilt operator.</summary>
    public static LogicalOperator BottomUp(LogicalOperator op, Func<LogicalOperator, LogicalOperator> rewrite)
    {
        if (op.Children.Count == 0)
        {
            return rewrite(op);
        }

        var children = new LogicalOperator[op.Children.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = BottomUp(op.Children[i], rewrite);
        }

        return rewrite(op.WithChildren(children));
    }

    /// <summary>The plan with <paramref name="rewrite"/> applied to every expression of every operator (children first).</summary>
    public static LogicalOperator MapExpressions(LogicalOperator op, Func<ScalarExpr, ScalarExpr> rewrite)
    {
        var children = new LogicalOperator[op.Children.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = MapExpressions(op.Children[i], rewrite);
        }

        ScalarExpr R(ScalarExpr e) => rewrite(e);
        SortKey K(SortKey k) => k with { Expression = R(k.Expression) };
        var rebuilt = children.Length == 0 ? op : op.WithChildren(children);
        return rebuilt switch
        {
            LogicalFilter f => new LogicalFilter(f.Input, R(f.Predicate)),
            LogicalProject p => new LogicalProject(p.Input, [.. p.Columns.Select(c => c with { Expression = R(c.Expression) })]),
            LogicalSort s => new LogicalSort(s.Input, [.. s.Keys.Select(K)]),
            LogicalTopN t => new LogicalTopN(t.Input, [.. t.Keys.Select(K)], t.Count),
            LogicalAggregate a => new LogicalAggregate(
                a.Input,
                [.. a.Groups.Select(g => g with { Expression = R(g.Expression) })],
                [.. a.Aggregates.Select(c => c with { Arguments = [.. c.Arguments.Select(R)] })]),
            LogicalValues v => v.WithRows([.. v.Rows.Select(row => row.Select(R).ToArray())]),
            LogicalRange r => r.With(R(r.From), R(r.To), R(r.Step)),
            LogicalScan s => s.WithFilters([.. s.Filters.Select(R)], s.Pruning),
            _ => rebuilt,
        };
    }

    /// <summary>Adds the conjuncts of <paramref name="predicate"/> (split on <c>and</c>) to <paramref name="into"/>.</summary>
    public static void SplitConjunction(ScalarExpr predicate, List<ScalarExpr> into)
    {
        if (predicate is CallExpr { Function.Name: "and" } call)
        {
            SplitConjunction(call.Arguments[0], into);
            SplitConjunction(call.Arguments[1], into);
        }
        else
        {
            into.Add(predicate);
        }
    }

    /// <summary>Replaces column ordinals through <paramref name="map"/> (old ordinal -> new column expression).</summary>
    public static ScalarExpr Remap(ScalarExpr expression, Func<ColumnExpr, ScalarExpr> map) =>
        expression.Rewrite(e => e is ColumnExpr c ? map(c) : e);
}
