using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// active_users_count(IdColumn, TimelineColumn, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin [, dim, ...]):
    /// an appearance of an id at t (within the analyzed bins) is active when the id appears in at least
    /// ActivePeriodsCount distinct Periods (bin(t', Period)) within the lookback (t - LookbackWindow, t] — the
    /// reference's example counts B on 7/4 (6/29, 6/30, 7/4) but not on 7/8, so the window excludes its start.
    /// Rows before Start count only in lookbacks. Output per bin and dimension combination: the distinct count of ids
    /// with an active appearance in the bin; bins without any are left out, as in the reference's example.
    /// </summary>
    private LogicalValues PlanActiveUsersCount(FunctionCallExpression call, LogicalOperator input)
    {
        const string plugin = "active_users_count";
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 8)
        {
            throw new QueryException(QueryErrorKind.Semantic, "active_users_count needs IdColumn, TimelineColumn, Start, End, LookbackWindow, Period, ActivePeriodsCount and Bin.");
        }

        var idColumn = input.Schema.IndexOf(PluginColumn(arguments[0], input.Schema, $"{plugin} id column"));
        var (timelineColumn, timelineType) = ActivityTimelineColumn(arguments[1], input.Schema, plugin);
        var timeline = ActivityTimeline.Create(timelineType, PluginConstant(arguments[2], $"{plugin} start"),
            PluginConstant(arguments[3], $"{plugin} end"), PluginConstant(arguments[7], $"{plugin} bin"), plugin);
        var lookback = ActivityTimeline.Span(PluginConstant(arguments[4], $"{plugin} lookback window"), timelineType, plugin, "lookback window");
        var period = ActivityTimeline.Span(PluginConstant(arguments[5], $"{plugin} period"), timelineType, plugin, "period");
        var activeValue = PluginConstant(arguments[6], $"{plugin} active periods count");
        var activePeriods = activeValue.IsNull ? 0 : activeValue.Type switch
        {
            ScalarType.Int or ScalarType.Long => activeValue.Int64,
            ScalarType.Real => (long)Math.Ceiling(activeValue.Real),
            ScalarType.Decimal => (long)Math.Ceiling(activeValue.Decimal),
            _ => 0,
        };
        if (activePeriods < 1)
        {
            throw new QueryException(QueryErrorKind.Semantic, "active_users_count's ActivePeriodsCount must be a positive number.");
        }

        var dimensions = ActivityDimensions(arguments, 8, input.Schema, plugin);
        var columns = new List<ColumnSymbol> { new(input.Schema.Columns[timelineColumn].Name, timelineType) };
        columns.AddRange(ActivityDimensionColumns(input.Schema, dimensions));
        columns.Add(new ColumnSymbol("dcount", ScalarType.Long));
        var schema = TableSchema.WithUniqueNames(columns);

        var rows = new List<ScalarValue[]>();
        foreach (var group in ActivityGroups(input, idColumn, timelineColumn, dimensions))
        {
            var byId = new Dictionary<ScalarValue, List<long>>();
            foreach (var (position, id) in group.Rows)
            {
                if (id.IsNull)
                {
                    continue;
                }

                if (!byId.TryGetValue(id, out var positions))
                {
                    byId[id] = positions = [];
                }

                positions.Add(position);
            }

            var active = new SortedDictionary<long, HashSet<ScalarValue>>();
            foreach (var (id, positions) in byId)
            {
                positions.Sort();

                // Slide (t - lookback, t] over the id's appearances, counting the appearances in each Period.
                var inWindow = new Dictionary<long, int>();
                var left = 0;
                for (var right = 0; right < positions.Count; right++)
                {
                    var t = positions[right];
                    Increment(inWindow, PeriodOf(positions[right], period), 1);
                    while (positions[left] <= t - lookback)
                    {
                        Increment(inWindow, PeriodOf(positions[left], period), -1);
                        left++;
                    }

                    var bin = timeline.Floor(t);
                    if (inWindow.Count >= activePeriods && timeline.Contains(bin))
                    {
                        if (!active.TryGetValue(bin, out var ids))
                        {
                            active[bin] = ids = [];
                        }

                        ids.Add(id);
                    }
                }
            }

            foreach (var (bin, ids) in active)
            {
                var row = new ScalarValue[schema.Count];
                row[0] = timeline.Value(bin);
                group.Key.CopyTo(row, 1);
                row[^1] = ScalarValue.FromLong(ids.Count);
                rows.Add(row);
            }
        }

        return PluginResult(schema, rows);
    }

    private static void Increment(Dictionary<long, int> counts, long key, int delta)
    {
        var count = counts.GetValueOrDefault(key) + delta;
        if (count == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count;
        }
    }
}
