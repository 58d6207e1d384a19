using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// activity_metrics(IdColumn, TimelineColumn, [Start, End,] Window [, dim, ...]): per period and dimension
    /// combination: dcount_values, dcount_newvalues (ids not seen in the period just before), retention_rate (ids
    /// also seen in the period before, over that period's distinct count; NaN when it had none) and churn_rate
    /// (1 - retention_rate); the dimension columns come last. Without Start and End the periods run from the first
    /// row's period (binned from 0) to the last row. Periods without rows are left out.
    /// </summary>
    private LogicalValues PlanActivityMetrics(FunctionCallExpression call, LogicalOperator input)
    {
        const string plugin = "activity_metrics";
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 3)
        {
            throw new QueryException(QueryErrorKind.Semantic, "activity_metrics needs IdColumn, TimelineColumn and Window.");
        }

        var idColumn = input.Schema.IndexOf(PluginColumn(arguments[0], input.Schema, $"{plugin} id column"));
        var (timelineColumn, timelineType) = ActivityTimelineColumn(arguments[1], input.Schema, plugin);

        // Start and End are given when the fourth argument is not a dimension column.
        var withRange = arguments.Count >= 5 && !IsInputColumn(arguments[3], input.Schema);
        var windowIndex = withRange ? 4 : 2;
        var dimensions = ActivityDimensions(arguments, windowIndex + 1, input.Schema, plugin);
        var groups = ActivityGroups(input, idColumn, timelineColumn, dimensions);
        var step = PluginConstant(arguments[windowIndex], $"{plugin} window");
        ScalarValue start, end;
        if (withRange)
        {
            start = PluginConstant(arguments[2], $"{plugin} start");
            end = PluginConstant(arguments[3], $"{plugin} end");
        }
        else
        {
            // Periods are aligned to multiples of a fixed window from 0; calendar windows (strings) align themselves.
            var size = step.Type == ScalarType.String ? 0 : ActivityTimeline.Span(step, timelineType, plugin, "window");
            (start, end) = ActivityObservedRange(groups, timelineType, size == 0 ? min => min : min => PeriodOf(min, size));
        }

        var timeline = ActivityTimeline.Create(timelineType, start, end, step, plugin);
        var columns = new List<ColumnSymbol>
        {
            new(input.Schema.Columns[timelineColumn].Name, timelineType),
            new("dcount_values", ScalarType.Long),
            new("dcount_newvalues", ScalarType.Long),
            new("retention_rate", ScalarType.Real),
            new("churn_rate", ScalarType.Real),
        };
        columns.AddRange(ActivityDimensionColumns(input.Schema, dimensions));
        var schema = TableSchema.WithUniqueNames(columns);

        var rows = new List<ScalarValue[]>();
        foreach (var group in groups)
        {
            var periods = ActivityPeriods(timeline, group);
            foreach (var (period, (_, ids)) in periods)
            {
                var previous = periods.TryGetValue(timeline.Previous(period), out var before) ? before.Ids : [];
                var returning = 0L;
                foreach (var id in ids)
                {
                    returning += previous.Contains(id) ? 1 : 0;
                }

                var retention = previous.Count == 0 ? double.NaN : (double)returning / previous.Count;
                var row = new ScalarValue[schema.Count];
                row[0] = timeline.Value(period);
                row[1] = ScalarValue.FromLong(ids.Count);
                row[2] = ScalarValue.FromLong(ids.Count - returning);
                row[3] = ScalarValue.FromReal(retention);
                row[4] = ScalarValue.FromReal(1 - retention);
                group.Key.CopyTo(row, 5);
                rows.Add(row);
            }
        }

        return PluginResult(schema, rows);
    }

    /// <summary>Whether the argument names a column of the input.</summary>
    private static bool IsInputColumn(Expression argument, TableSchema schema) =>
        Unname(argument).Expression is NameReference reference && schema.IndexOf(reference.SimpleName) >= 0;
}
