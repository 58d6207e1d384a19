using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// funnel_sequence_completion(IdColumn, TimelineColumn, Start, End, BinSize, StateColumn, Sequence, MaxSequenceStepPeriods):
    /// each bin (BinSize from Start to End) is analyzed alone, over its own rows. For each period P of
    /// MaxSequenceStepPeriods and each step k of Sequence: the distinct ids having the first state at some t0 and then
    /// the states of steps 1..k in order, at or after one another, the k-th no later than t0 + P (the earliest match
    /// of each step is taken, which reaches furthest). States compare as text. Output per bin with rows: TimelineColumn,
    /// StateColumn, Period, dcount, by period then step.
    /// </summary>
    private LogicalValues PlanFunnelSequenceCompletion(FunctionCallExpression call, LogicalOperator input)
    {
        const string plugin = "funnel_sequence_completion";
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 8)
        {
            throw new QueryException(QueryErrorKind.Semantic, "funnel_sequence_completion needs IdColumn, TimelineColumn, Start, End, BinSize, StateColumn, Sequence and MaxSequenceStepPeriods.");
        }

        var idColumn = input.Schema.IndexOf(PluginColumn(arguments[0], input.Schema, $"{plugin} id column"));
        var (timelineColumn, timelineType) = ActivityTimelineColumn(arguments[1], input.Schema, plugin);
        var timeline = ActivityTimeline.Create(timelineType, PluginConstant(arguments[2], $"{plugin} start"),
            PluginConstant(arguments[3], $"{plugin} end"), PluginConstant(arguments[4], $"{plugin} bin size"), plugin);
        var stateColumn = input.Schema.IndexOf(PluginColumn(arguments[5], input.Schema, $"{plugin} state column"));
        var sequence = PluginArray(arguments[6], $"{plugin} sequence");
        var states = sequence.ConvertAll(v => v.Kind == Values.DynamicKind.String ? v.StringValue : v.ToString());
        if (states.Count == 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "funnel_sequence_completion's sequence must be a non-empty array.");
        }

        var spanType = timelineType is ScalarType.DateTime or ScalarType.TimeSpan ? ScalarType.TimeSpan : ScalarType.Long;
        var periods = new List<long>();
        foreach (var value in PluginArray(arguments[7], $"{plugin} periods"))
        {
            var period = PluginValues.FromDynamic(value, spanType);
            periods.Add(ActivityTimeline.Span(period, timelineType, plugin, "max sequence step period"));
        }

        // Per bin, per id: its (time, step) events for the states of the sequence, in time order.
        var bins = new SortedDictionary<long, Dictionary<ScalarValue, List<(long Time, int State)>>>();
        foreach (var row in Materialize(input))
        {
            var position = row[timelineColumn];
            var id = row[idColumn];
            if (position.IsNull || id.IsNull)
            {
                continue;
            }

            var bin = timeline.Floor(position.Int64);
            if (!timeline.Contains(bin))
            {
                continue;
            }

            if (!bins.TryGetValue(bin, out var ids))
            {
                bins[bin] = ids = [];
            }

            var state = states.IndexOf(PluginValues.Text(row[stateColumn]));
            if (id.Type == ScalarType.Dynamic)
            {
                id = ScalarValue.FromString(PluginValues.Text(id));
            }

            if (!ids.TryGetValue(id, out var events))
            {
                ids[id] = events = [];
            }

            if (state >= 0)
            {
                events.Add((position.Int64, state));
            }
        }

        var columns = new List<ColumnSymbol>
        {
            new(input.Schema.Columns[timelineColumn].Name, timelineType),
            new(input.Schema.Columns[stateColumn].Name, ScalarType.String),
            new("Period", spanType),
            new("dcount", ScalarType.Long),
        };
        var schema = TableSchema.WithUniqueNames(columns);
        var rows = new List<ScalarValue[]>();
        foreach (var (bin, ids) in bins)
        {
            foreach (var period in periods)
            {
                var reached = new long[states.Count];
                foreach (var events in ids.Values)
                {
                    events.Sort((a, b) => a.Time.CompareTo(b.Time));
                    var furthest = FurthestStep(events, states.Count, period);
                    for (var k = 0; k <= furthest; k++)
                    {
                        reached[k]++;
                    }
                }

                for (var k = 0; k < states.Count; k++)
                {
                    rows.Add([
                        timeline.Value(bin),
                        ScalarValue.FromString(states[k]),
                        spanType == ScalarType.TimeSpan ? ScalarValue.FromTimeSpan(period) : ScalarValue.FromLong(period),
                        ScalarValue.FromLong(reached[k]),
                    ]);
                }
            }
        }

        return PluginResult(schema, rows);
    }

    /// <summary>The last step of the sequence an id's time-ordered events reach within <paramref name="period"/> of a start (-1 if none).</summary>
    private static int FurthestStep(List<(long Time, int State)> events, int steps, long period)
    {
        var best = -1;
        for (var start = 0; start < events.Count && best < steps - 1; start++)
        {
            if (events[start].State != 0)
            {
                continue;
            }

            var step = 0;
            var t0 = events[start].Time;
            for (var next = start + 1; next < events.Count && step < steps - 1; next++)
            {
                if (events[next].Time - t0 > period)
                {
                    break;
                }

                if (events[next].State == step + 1)
                {
                    step++;
                }
            }

            best = Math.Max(best, step);
        }

        return best;
    }

    /// <summary>A constant dynamic array argument's items.</summary>
    private List<Values.DynamicValue> PluginArray(Expression argument, string what)
    {
        var value = PluginConstant(argument, what);
        if (value.IsNull || value.Type != ScalarType.Dynamic || value.Dynamic.Kind != Values.DynamicKind.Array)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"The {what} must be a dynamic array.");
        }

        return [.. value.Dynamic.ArrayItems.ToArray()];
    }
}
