using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>make_datetime(year, month, day [, hour, minute [, second]])</c> over long components and a real second;
/// an invalid component gives null (<see cref="DateTimeFunctions.TryMakeDateTime"/>).
/// </summary>
internal sealed class MakeDateTimeFunction() : RowFunction("make_datetime")
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        Span<int> parts = stackalloc int[5];
        for (var i = 0; i < parts.Length; i++)
        {
            var value = i < arguments.Length && arguments[i].Type != ScalarType.Real ? arguments[i].Int64 : 0;
            if (value is < int.MinValue or > int.MaxValue)
            {
                return ScalarValue.Null(ScalarType.DateTime);
            }

            parts[i] = (int)value;
        }

        var second = arguments.Length == 6 ? arguments[5].Real : 0;
        return DateTimeFunctions.TryMakeDateTime(parts[0], parts[1], parts[2], parts[3], parts[4], second, out var ticks)
            ? ScalarValue.FromDateTime(ticks)
            : ScalarValue.Null(ScalarType.DateTime);
    }
}

/// <summary>
/// <c>make_timespan(hour, minute)</c>, <c>make_timespan(hour, minute, second)</c> and
/// <c>make_timespan(day, hour, minute, second)</c>; the second is real; an invalid component gives null.
/// </summary>
internal sealed class MakeTimeSpanFunction() : RowFunction("make_timespan")
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        var (day, hour, minute, second) = arguments.Length switch
        {
            2 => (0L, arguments[0].Int64, arguments[1].Int64, 0.0),
            3 => (0L, arguments[0].Int64, arguments[1].Int64, arguments[2].Real),
            _ => (arguments[0].Int64, arguments[1].Int64, arguments[2].Int64, arguments[3].Real),
        };
        return DateTimeFunctions.TryMakeTimeSpan(day, hour, minute, second, out var ticks)
            ? ScalarValue.FromTimeSpan(ticks)
            : ScalarValue.Null(ScalarType.TimeSpan);
    }
}

/// <summary>
/// <c>unixtime_seconds_todatetime</c>, <c>unixtime_milliseconds_todatetime</c>, <c>unixtime_microseconds_todatetime</c>
/// and <c>unixtime_nanoseconds_todatetime</c>: integers exactly (sub-tick nanoseconds truncated), reals rounded to the
/// nearest tick; a result outside the datetime range is null.
/// </summary>
internal sealed class UnixTimeFunction(string name) : ScalarFunction(name)
{
    private readonly long _ticksPerUnit = name switch
    {
        "unixtime_seconds_todatetime" => KqlTime.TicksPerSecond,
        "unixtime_milliseconds_todatetime" => KqlTime.TicksPerMillisecond,
        "unixtime_microseconds_todatetime" => KqlTime.TicksPerMicrosecond,
        _ => 0,
    };

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            bool ok;
            if (input.Kind == PhysicalKind.Real)
            {
                ok = DateTimeFunctions.TryFromUnixTime(input.Real[i], _ticksPerUnit == 0 ? 0.01 : _ticksPerUnit, out result.Int64[i]);
            }
            else
            {
                ok = _ticksPerUnit == 0
                    ? DateTimeFunctions.TryFromUnixNanoseconds(input.Int64[i], out result.Int64[i])
                    : DateTimeFunctions.TryFromUnixTime(input.Int64[i], _ticksPerUnit, out result.Int64[i]);
            }

            if (!ok)
            {
                result.SetNull(i);
            }
        }
    }
}
