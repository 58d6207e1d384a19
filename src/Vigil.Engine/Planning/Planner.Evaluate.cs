using Vigil.Engine.Optimizer;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

/// <summary>
/// <c>evaluate plugin(...)</c>. The plugins here decide their output columns from the data (bag_unpack, pivot) or
/// reshape whole tables (narrow, rolling_percentile, the IP lookups), so each runs its input while planning
/// (<see cref="Materialize(LogicalOperator)"/>) and becomes a table of values; the rest of the query plans over that as usual.
/// </summary>
internal sealed partial class Planner
{
    private LogicalOperator PlanEvaluate(EvaluateOperator evaluate, LogicalOperator input, TableSchema output)
    {
        if (evaluate.Plugin is not FunctionCallExpression call)
        {
            throw QueryException.NotSupported("An evaluate without a plugin call");
        }

        var name = call.Name.SimpleName;
        return name switch
        {
            "bag_unpack" => PlanBagUnpack(evaluate, call, input, output),
            "narrow" => PlanNarrow(input),
            "pivot" => PlanPivot(evaluate, call, input, output),
            "rolling_percentile" => PlanRollingPercentile(call, input),
            "dcount_intersect" => PlanDcountIntersect(call, input),
            "basket" => PlanBasket(call, input),
            "autocluster" => PlanAutocluster(call, input),
            "diffpatterns" => PlanDiffPatterns(call, input),
            "sliding_window_counts" => PlanSlidingWindowCounts(call, input),
            "activity_counts_metrics" => PlanActivityCountsMetrics(call, input),
            "activity_metrics" => PlanActivityMetrics(call, input),
            "active_users_count" => PlanActiveUsersCount(call, input),
            "activity_engagement" => PlanActivityEngagement(call, input),
            "sequence_detect" => PlanSequenceDetect(call, input),
            "funnel_sequence_completion" => PlanFunnelSequenceCompletion(call, input),
            "schema_merge" => PlanSchemaMerge(call, input),
            "ipv4_lookup" or "ipv6_lookup" => PlanIpLookup(call, input, output, name == "ipv6_lookup"),
            "geo_polygon_lookup" or "geo_line_lookup" => PlanGeoLookup(call, input, output, name == "geo_line_lookup"),
            _ => throw QueryException.NotSupported($"The evaluate plugin '{name}'"),
        };
    }

    /// <summary>The plugin's positional arguments and its <c>name = value</c> options.</summary>
    private static (List<Expression> Positional, Dictionary<string, Expression> Named) PluginArguments(FunctionCallExpression call)
    {
        var positional = new List<Expression>();
        var named = new Dictionary<string, Expression>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in call.Arguments)
        {
            if (argument is SimpleNamedExpression option)
            {
                named[option.Name.SimpleName] = option.Expression;
            }
            else
            {
                positional.Add(argument);
            }
        }

        return (positional, named);
    }

    /// <summary>The value of a constant plugin argument.</summary>
    private ScalarValue PluginConstant(Expression expression, string what)
    {
        var planned = PlanScalar(expression, TableSchema.Empty);
        return ConstantFolding.TryFold(planned, _nowTicks)
            ?? throw new QueryException(QueryErrorKind.Semantic, $"The {what} must be a constant.");
    }

    /// <summary>The input column an argument names.</summary>
    private static string PluginColumn(Expression expression, TableSchema schema, string what)
    {
        var (_, unnamed) = Unname(expression);
        if (unnamed is NameReference reference && schema.IndexOf(reference.SimpleName) >= 0)
        {
            return reference.SimpleName;
        }

        throw new QueryException(QueryErrorKind.Semantic, $"The {what} must be a column of the input.");
    }

    /// <summary>Rows computed while planning, as a table of constants with <paramref name="schema"/>.</summary>
    private static LogicalValues PluginResult(TableSchema schema, List<ScalarValue[]> rows)
    {
        var planned = new List<ScalarExpr[]>(rows.Count);
        foreach (var row in rows)
        {
            var cells = new ScalarExpr[schema.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = new ConstantExpr(PluginValues.Fit(row[c], schema.Columns[c].Type));
            }

            planned.Add(cells);
        }

        return new LogicalValues(schema, planned, "evaluate");
    }

    /// <summary>narrow(): one row (Row, Column, Value as text) per cell of the input, row by row.</summary>
    private LogicalValues PlanNarrow(LogicalOperator input)
    {
        var rows = new List<ScalarValue[]>();
        var index = 0L;
        foreach (var row in Materialize(input))
        {
            for (var c = 0; c < row.Length; c++)
            {
                rows.Add([ScalarValue.FromLong(index), ScalarValue.FromString(input.Schema.Columns[c].Name), ScalarValue.FromString(PluginValues.Text(row[c]))]);
            }

            index++;
        }

        return PluginResult(new TableSchema(
        [
            new ColumnSymbol("Row", ScalarType.Long),
            new ColumnSymbol("Column", ScalarType.String),
            new ColumnSymbol("Value", ScalarType.String),
        ]), rows);
    }
}
