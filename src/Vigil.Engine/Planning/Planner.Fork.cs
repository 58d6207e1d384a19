using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>The name Kusto gives a fork or facet result table that has no name of its own.</summary>
    private const string GenericResultName = "GenericResult";

    /// <summary>The result tables of a trailing fork or facet; null while the query has one result.</summary>
    private List<NamedPlan>? _resultTables;

    /// <summary>
    /// <c>T | fork [name=](subquery) ...</c>: one result table per subquery, each over T (computed once). A table is
    /// named by <c>name=</c>, else by a trailing <c>| as Name</c> in its subquery, else <c>GenericResult</c>.
    /// </summary>
    private LogicalOperator PlanFork(ForkOperator fork, LogicalOperator input)
    {
        RequireLastOperator(fork);
        var rows = Materialize(input, "fork");
        var tables = new List<NamedPlan>();
        foreach (var branch in fork.Branches)
        {
            var name = branch.Name?.SimpleName ?? TrailingAsName(branch.Query) ?? GenericResultName;
            tables.Add(new NamedPlan(name, PlanSubquery(branch.Query, rows)));
        }

        if (tables.Count == 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "fork needs at least one subquery.");
        }

        _resultTables = tables;
        return tables[0].Plan;
    }

    /// <summary>
    /// <c>T | facet by C1, C2 [with (subquery)]</c>: the subquery's table first (when given), then one table per
    /// column with its distinct values and their row counts (<c>C1, count_C1</c>).
    /// </summary>
    private LogicalOperator PlanFacet(FacetOperator facet, LogicalOperator input)
    {
        RequireLastOperator(facet);
        var rows = Materialize(input, "facet");
        var tables = new List<NamedPlan>();
        if (facet.With is { } with)
        {
            tables.Add(new NamedPlan(TrailingAsName(with.Expression) ?? GenericResultName, PlanSubquery(with.Expression, rows)));
        }

        foreach (var expression in facet.Expressions)
        {
            if (expression is not NameReference { Name: not WildcardedName } column)
            {
                throw new QueryException(QueryErrorKind.Semantic, $"facet by takes column names: '{Snippet(expression)}'.");
            }

            var key = ColumnOf(rows.Schema, column.SimpleName);
            var counted = new LogicalAggregate(
                rows,
                [new NamedExpr(key.Name, key)],
                [new AggregateCall("count", [], [new ColumnSymbol("count_" + key.Name, ScalarType.Long)])]);
            tables.Add(new NamedPlan(GenericResultName, counted));
        }

        _resultTables = tables;
        return tables[0].Plan;
    }

    /// <summary>fork and facet return several tables, so nothing may follow them and they cannot feed a subquery.</summary>
    private static void RequireLastOperator(QueryOperator op)
    {
        if (op.Parent is not PipeExpression { Parent: ExpressionStatement })
        {
            throw QueryException.NotSupported($"'{op.Keyword.Text}' other than as the last operator of the query");
        }
    }

    /// <summary>The name of a subquery's trailing <c>| as Name</c>, or null.</summary>
    private static string? TrailingAsName(Expression query) => query switch
    {
        ParenthesizedExpression parenthesized => TrailingAsName(parenthesized.Expression),
        PipeExpression { Operator: AsOperator @as } => @as.Name.SimpleName,
        AsOperator @as => @as.Name.SimpleName,
        _ => null,
    };
}
