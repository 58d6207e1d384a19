using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim, ...]): per period (by Step from Start
    /// to End) and dimension combination: count of rows, dcount of ids, new_dcount (ids not seen in any earlier period)
    /// and aggregated_dcount (ids seen from the first period through this one). Periods without rows are left out.
    /// </summary>
    private LogicalValues PlanActivityCountsMetrics(FunctionCallExpression call, LogicalOperator input)
    {
        const string plugin = "activity_counts_metrics";
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 5)
        {
            throw new QueryException(QueryErrorKind.Semantic, "activity_counts_metrics needs IdColumn, TimelineColumn, Start, End and Step.");
        }

        var idColumn = input.Schema.IndexOf(PluginColumn(arguments[0], input.Schema, $"{plugin} id column"));
        var (timelineColumn, timelineType) = ActivityTimelineColumn(arguments[1], input.Schema, plugin);
        var timeline = ActivityTimeline.Create(timelineType, PluginConstant(arguments[2], $"{plugin} start"),
            PluginConstant(arguments[3], $"{plugin} end"), PluginConstant(arguments[4], $"{plugin} step"), plugin);
        var dimensions = ActivityDimensions(arguments, 5, input.Schema, plugin);

        var columns = new List<ColumnSymbol> { new(input.Schema.Columns[timelineColumn].Name, timelineType) };
        columns.AddRange(ActivityDimensionColumns(input.Schema, dimensions));
        columns.Add(new ColumnSymbol("count", ScalarType.Long));
        columns.Add(new ColumnSymbol("dcount", ScalarType.Long));
        columns.Add(new ColumnSymbol("new_dcount", ScalarType.Long));
        columns.Add(new ColumnSymbol("aggregated_dcount", ScalarType.Long));
        var schema = TableSchema.WithUniqueNames(columns);

        var rows = new List<ScalarValue[]>();
        foreach (var group in ActivityGroups(input, idColumn, timelineColumn, dimensions))
        {
            var periods = ActivityPeriods(timeline, group);
            var seen = new HashSet<ScalarValue>();
            foreach (var (period, (count, ids)) in periods)
            {
                var fresh = 0L;
                foreach (var id in ids)
                {
                    fresh += seen.Add(id) ? 1 : 0;
                }

                var row = new ScalarValue[schema.Count];
                row[0] = timeline.Value(period);
                group.Key.CopyTo(row, 1);
                row[^4] = ScalarValue.FromLong(count);
                row[^3] = ScalarValue.FromLong(ids.Count);
                row[^2] = ScalarValue.FromLong(fresh);
                row[^1] = ScalarValue.FromLong(seen.Count);
                rows.Add(row);
            }
        }

        return PluginResult(schema, rows);
    }

    /// <summary>A group's rows by the analyzed period they fall in: the row count and the distinct non-null ids.</summary>
    private static SortedDictionary<long, (long Count, HashSet<ScalarValue> Ids)> ActivityPeriods(ActivityTimeline timeline, ActivityGroup group)
    {
        var periods = new SortedDictionary<long, (long Count, HashSet<ScalarValue> Ids)>();
        foreach (var (position, id) in group.Rows)
        {
            var period = timeline.Floor(position);
            if (!timeline.Contains(period))
            {
                continue;
            }

            periods.TryGetValue(period, out var cell);
            cell.Ids ??= [];
            if (!id.IsNull)
            {
                cell.Ids.Add(id);
            }

            periods[period] = (cell.Count + 1, cell.Ids);
        }

        return periods;
    }
}
