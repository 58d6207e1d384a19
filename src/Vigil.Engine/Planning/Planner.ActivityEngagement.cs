using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// activity_engagement(IdColumn, TimelineColumn, [Start, End,] InnerActivityWindow, OuterActivityWindow [, dim, ...]):
    /// per inner window (periods of InnerActivityWindow from Start) and dimension combination: the distinct ids of the
    /// inner window, of the outer window ending with it (that window and the Outer/Inner - 1 before it; rows before
    /// Start count there) and their ratio; the dimension columns come last. Without Start and End the windows run from
    /// the first row's (binned from 0) to the last row. Inner windows without rows are left out.
    /// </summary>
    private LogicalValues PlanActivityEngagement(FunctionCallExpression call, LogicalOperator input)
    {
        const string plugin = "activity_engagement";
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 4)
        {
            throw new QueryException(QueryErrorKind.Semantic, "activity_engagement needs IdColumn, TimelineColumn, InnerActivityWindow and OuterActivityWindow.");
        }

        var idColumn = input.Schema.IndexOf(PluginColumn(arguments[0], input.Schema, $"{plugin} id column"));
        var (timelineColumn, timelineType) = ActivityTimelineColumn(arguments[1], input.Schema, plugin);
        var withRange = arguments.Count >= 6 && !IsInputColumn(arguments[4], input.Schema) && !IsInputColumn(arguments[5], input.Schema);
        var innerIndex = withRange ? 4 : 2;
        var inner = ActivityTimeline.Span(PluginConstant(arguments[innerIndex], $"{plugin} inner window"), timelineType, plugin, "inner activity window");
        var outer = ActivityTimeline.Span(PluginConstant(arguments[innerIndex + 1], $"{plugin} outer window"), timelineType, plugin, "outer activity window");
        var dimensions = ActivityDimensions(arguments, innerIndex + 2, input.Schema, plugin);
        var groups = ActivityGroups(input, idColumn, timelineColumn, dimensions);
        ScalarValue start, end;
        if (withRange)
        {
            start = PluginConstant(arguments[2], $"{plugin} start");
            end = PluginConstant(arguments[3], $"{plugin} end");
        }
        else
        {
            (start, end) = ActivityObservedRange(groups, timelineType, min => PeriodOf(min, inner));
        }

        var innerStep = timelineType is ScalarType.DateTime or ScalarType.TimeSpan ? ScalarValue.FromTimeSpan(inner) : ScalarValue.FromLong(inner);
        var timeline = ActivityTimeline.Create(timelineType, start, end, innerStep, plugin);
        var windowBins = Math.Max(1, outer / inner);

        var columns = new List<ColumnSymbol>
        {
            new(input.Schema.Columns[timelineColumn].Name, timelineType),
            new("dcount_activities_inner", ScalarType.Long),
            new("dcount_activities_outer", ScalarType.Long),
            new("activity_ratio", ScalarType.Real),
        };
        columns.AddRange(ActivityDimensionColumns(input.Schema, dimensions));
        var schema = TableSchema.WithUniqueNames(columns);

        var rows = new List<ScalarValue[]>();
        var cells = 0L;
        foreach (var group in groups)
        {
            var innerIds = new SortedDictionary<long, HashSet<ScalarValue>>();
            var outerIds = new Dictionary<long, HashSet<ScalarValue>>();
            foreach (var (position, id) in group.Rows)
            {
                if (id.IsNull)
                {
                    continue;
                }

                var period = timeline.Floor(position);
                if (timeline.Contains(period))
                {
                    AddId(innerIds, period, id);
                }

                var k = 0L;
                if (period < timeline.First)
                {
                    // Skip straight to the first analyzed window (Floor aligns positions to Start).
                    k = (timeline.First - period) / inner;
                    period = timeline.First;
                }

                for (; k < windowBins && period <= timeline.End; k++, period = timeline.Next(period))
                {
                    if (timeline.Contains(period))
                    {
                        if (++cells > MaxActivityCells)
                        {
                            throw new QueryException(QueryErrorKind.Runtime, $"{plugin}: the rows spread over too many windows; use a shorter outer window or fewer rows.");
                        }

                        AddId(outerIds, period, id);
                    }
                }
            }

            foreach (var (period, ids) in innerIds)
            {
                var outerCount = outerIds[period].Count;
                var row = new ScalarValue[schema.Count];
                row[0] = timeline.Value(period);
                row[1] = ScalarValue.FromLong(ids.Count);
                row[2] = ScalarValue.FromLong(outerCount);
                row[3] = ScalarValue.FromReal((double)ids.Count / outerCount);
                group.Key.CopyTo(row, 4);
                rows.Add(row);
            }
        }

        return PluginResult(schema, rows);
    }

    private static void AddId(IDictionary<long, HashSet<ScalarValue>> sets, long period, ScalarValue id)
    {
        if (!sets.TryGetValue(period, out var ids))
        {
            sets[period] = ids = [];
        }

        ids.Add(id);
    }
}
