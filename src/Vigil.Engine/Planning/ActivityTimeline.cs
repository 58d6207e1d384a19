using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning;

/// <summary>
/// The analysis periods of the activity plugins (sliding_window_counts, activity_*_metrics, active_users_count):
/// from Start to End by a fixed step (periods start at Start, as bin_at(t, step, Start)), or by calendar weeks,
/// months or years ('week', 'month', 'year': periods start at startofweek/startofmonth/startofyear). Positions are
/// ticks for datetime and timespan timelines and the numbers themselves for integer ones.
/// </summary>
internal sealed class ActivityTimeline
{
    private enum Calendar { None, Week, Month, Year }

    private readonly Calendar _calendar;
    private readonly long _step;

    private ActivityTimeline(ScalarType type, long first, long end, long step, Calendar calendar)
    {
        Type = type;
        First = first;
        End = end;
        _step = step;
        _calendar = calendar;
    }

    /// <summary>The timeline column's type (the output's period column has it too).</summary>
    public ScalarType Type { get; }

    /// <summary>The first period's start.</summary>
    public long First { get; }

    /// <summary>The last position analyzed (periods start at or before it).</summary>
    public long End { get; }

    /// <summary>The fixed step, or 0 for calendar periods.</summary>
    public long FixedStep => _calendar == Calendar.None ? _step : 0;

    public static ActivityTimeline Create(ScalarType timelineType, ScalarValue start, ScalarValue end, ScalarValue step, string plugin)
    {
        if (timelineType is not (ScalarType.DateTime or ScalarType.TimeSpan or ScalarType.Long or ScalarType.Int))
        {
            throw QueryException.NotSupported($"{plugin} over a timeline of type {timelineType}");
        }

        var first = Position(start, timelineType, plugin, "start");
        var last = Position(end, timelineType, plugin, "end");
        if (step.Type == ScalarType.String && !step.IsNull)
        {
            var calendar = step.String switch
            {
                "week" => Calendar.Week,
                "month" => Calendar.Month,
                "year" => Calendar.Year,
                _ => throw new QueryException(QueryErrorKind.Semantic, $"{plugin}'s step must be a constant or one of 'week', 'month' and 'year'."),
            };
            if (timelineType != ScalarType.DateTime)
            {
                throw new QueryException(QueryErrorKind.Semantic, $"{plugin}: calendar steps need a datetime timeline.");
            }

            var timeline = new ActivityTimeline(timelineType, 0, last, 0, calendar);
            return new ActivityTimeline(timelineType, timeline.Floor(first), last, 0, calendar);
        }

        var size = Span(step, timelineType, plugin, "step");
        return new ActivityTimeline(timelineType, first, last, size, Calendar.None);
    }

    /// <summary>A constant start or end as a position on a timeline of <paramref name="type"/>.</summary>
    public static long Position(ScalarValue value, ScalarType type, string plugin, string what)
    {
        var fits = value.Type == type
            || (type is (ScalarType.Long or ScalarType.Int) && value.Type is (ScalarType.Long or ScalarType.Int));
        if (value.IsNull || !fits)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"{plugin}'s {what} must be a {type} like the timeline column.");
        }

        return value.Int64;
    }

    /// <summary>A constant length (timespan for datetime and timespan timelines, a whole number otherwise), positive.</summary>
    public static long Span(ScalarValue value, ScalarType type, string plugin, string what)
    {
        long size;
        if (type is ScalarType.DateTime or ScalarType.TimeSpan)
        {
            size = !value.IsNull && value.Type == ScalarType.TimeSpan ? value.Int64 : 0;
        }
        else
        {
            size = value.IsNull ? 0 : value.Type switch
            {
                ScalarType.Int or ScalarType.Long => value.Int64,
                ScalarType.Real when value.Real == Math.Floor(value.Real) && Math.Abs(value.Real) < 1e15 => (long)value.Real,
                _ => 0,
            };
        }

        if (size <= 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"{plugin}'s {what} must be a positive {(type is ScalarType.DateTime or ScalarType.TimeSpan ? "timespan" : "whole number")}.");
        }

        return size;
    }

    /// <summary>The start of the period holding <paramref name="position"/>.</summary>
    public long Floor(long position)
    {
        long result;
        switch (_calendar)
        {
            case Calendar.Week:
                return DateTimeFunctions.TryStartOfWeek(position, 0, out result) ? result : position;
            case Calendar.Month:
                return DateTimeFunctions.TryStartOfMonth(position, 0, out result) ? result : position;
            case Calendar.Year:
                return DateTimeFunctions.TryStartOfYear(position, 0, out result) ? result : position;
            default:
                var offset = position - First;
                var steps = offset >= 0 ? offset / _step : -((-offset + _step - 1) / _step);
                return First + (steps * _step);
        }
    }

    /// <summary>The start of the period after the one starting at <paramref name="period"/>.</summary>
    public long Next(long period)
    {
        long result;
        return _calendar switch
        {
            Calendar.Week => DateTimeFunctions.TryStartOfWeek(period, 1, out result) ? result : long.MaxValue,
            Calendar.Month => DateTimeFunctions.TryStartOfMonth(period, 1, out result) ? result : long.MaxValue,
            Calendar.Year => DateTimeFunctions.TryStartOfYear(period, 1, out result) ? result : long.MaxValue,
            _ => period > long.MaxValue - _step ? long.MaxValue : period + _step,
        };
    }

    /// <summary>The start of the period before the one starting at <paramref name="period"/>.</summary>
    public long Previous(long period)
    {
        long result;
        return _calendar switch
        {
            Calendar.Week => DateTimeFunctions.TryStartOfWeek(period, -1, out result) ? result : long.MinValue,
            Calendar.Month => DateTimeFunctions.TryStartOfMonth(period, -1, out result) ? result : long.MinValue,
            Calendar.Year => DateTimeFunctions.TryStartOfYear(period, -1, out result) ? result : long.MinValue,
            _ => period < long.MinValue + _step ? long.MinValue : period - _step,
        };
    }

    /// <summary>Whether a period starting at <paramref name="period"/> is analyzed.</summary>
    public bool Contains(long period) => period >= First && period <= End;

    /// <summary>A position as a value of the timeline's type.</summary>
    public ScalarValue Value(long position) => Type == ScalarType.Int ? ScalarValue.FromInt((int)position) : ScalarValue.FromInt64(Type, position);
}
