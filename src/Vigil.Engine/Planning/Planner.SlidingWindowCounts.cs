using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// sliding_window_counts(IdColumn, TimelineColumn, Start, End, LookbackWindow, Bin [, dim, ...]): for each period
    /// (by Bin, from Start to End) and dimension combination, the count of rows and distinct count of ids in the
    /// lookback window ending with that period: the period and the LookbackWindow/Bin - 1 periods before it (the
    /// lookback rounds down to whole bins; rows before Start still count in the windows they reach). Periods whose
    /// window holds no rows are left out, as a summarize over the windows would.
    /// </summary>
    private LogicalValues PlanSlidingWindowCounts(FunctionCallExpression call, LogicalOperator input)
    {
        const string plugin = "sliding_window_counts";
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 6)
        {
            throw new QueryException(QueryErrorKind.Semantic, "sliding_window_counts needs IdColumn, TimelineColumn, Start, End, LookbackWindow and Bin.");
        }

        var idColumn = input.Schema.IndexOf(PluginColumn(arguments[0], input.Schema, $"{plugin} id column"));
        var (timelineColumn, timelineType) = ActivityTimelineColumn(arguments[1], input.Schema, plugin);
        var timeline = ActivityTimeline.Create(timelineType, PluginConstant(arguments[2], $"{plugin} start"),
            PluginConstant(arguments[3], $"{plugin} end"), PluginConstant(arguments[5], $"{plugin} bin"), plugin);
        var lookback = ActivityTimeline.Span(PluginConstant(arguments[4], $"{plugin} lookback window"), timelineType, plugin, "lookback window");
        if (timeline.FixedStep == 0 && timelineType == ScalarType.DateTime)
        {
            throw QueryException.NotSupported($"{plugin} with a calendar bin ('week', 'month' or 'year')");
        }

        var windowBins = Math.Max(1, lookback / timeline.FixedStep);
        var dimensions = ActivityDimensions(arguments, 6, input.Schema, plugin);
        var groups = ActivityGroups(input, idColumn, timelineColumn, dimensions);

        var columns = new List<ColumnSymbol> { new(input.Schema.Columns[timelineColumn].Name, timelineType) };
        columns.AddRange(ActivityDimensionColumns(input.Schema, dimensions));
        columns.Add(new ColumnSymbol("Count", ScalarType.Long));
        columns.Add(new ColumnSymbol("dcount", ScalarType.Long));
        var schema = TableSchema.WithUniqueNames(columns);

        var rows = new List<ScalarValue[]>();
        var cells = 0L;
        foreach (var group in groups)
        {
            var windows = new SortedDictionary<long, (long Count, HashSet<ScalarValue> Ids)>();
            foreach (var (position, id) in group.Rows)
            {
                var period = timeline.Floor(position);
                var k = 0L;
                if (period < timeline.First)
                {
                    // Skip straight to the first analyzed period (Floor aligns positions to Start).
                    k = (timeline.First - period) / timeline.FixedStep;
                    period = timeline.First;
                }

                for (; k < windowBins; k++, period = timeline.Next(period))
                {
                    if (period > timeline.End)
                    {
                        break;
                    }

                    if (!timeline.Contains(period))
                    {
                        continue;
                    }

                    if (++cells > MaxActivityCells)
                    {
                        throw new QueryException(QueryErrorKind.Runtime, $"{plugin}: the rows spread over too many windows; use a shorter lookback, a larger bin or fewer rows.");
                    }

                    windows.TryGetValue(period, out var window);
                    window.Ids ??= [];
                    if (!id.IsNull)
                    {
                        window.Ids.Add(id);
                    }

                    windows[period] = (window.Count + 1, window.Ids);
                }
            }

            foreach (var (period, window) in windows)
            {
                var row = new ScalarValue[schema.Count];
                row[0] = timeline.Value(period);
                group.Key.CopyTo(row, 1);
                row[^2] = ScalarValue.FromLong(window.Count);
                row[^1] = ScalarValue.FromLong(window.Ids.Count);
                rows.Add(row);
            }
        }

        return PluginResult(schema, rows);
    }
}
