using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>format_datetime(datetime, format)</c> and <c>format_timespan(timespan, format)</c> through
/// <see cref="TemporalFormat"/>. The format is usually a constant: the last compiled one is reused. A null value
/// or an unsupported format gives an empty string (strings are never null).
/// </summary>
internal sealed class TemporalFormatFunction(string name) : ScalarFunction(name)
{
    private readonly bool _forTimeSpan = name == "format_timespan";

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var values = arguments[0];
        var formats = arguments[1];
        string? lastText = null;
        TemporalFormat? format = null;
        for (var i = 0; i < rowCount; i++)
        {
            var text = formats.GetString(i);
            if (!ReferenceEquals(text, lastText) && text != lastText)
            {
                lastText = text;
                var ok = _forTimeSpan ? TemporalFormat.TryCreateTimeSpan(text, out format) : TemporalFormat.TryCreateDateTime(text, out format);
                if (!ok)
                {
                    format = null;
                }
            }

            result.Strings[i] = values.IsNull(i) || format is null ? string.Empty : format.Format(values.Int64[i]);
        }
    }
}

/// <summary><c>datetime_utc_to_local(datetime, zone)</c> and <c>datetime_local_to_utc(datetime, zone)</c> (<see cref="KqlTimeZones"/>).</summary>
internal sealed class TimeZoneFunction(string name) : ScalarFunction(name)
{
    private readonly bool _toLocal = name == "datetime_utc_to_local";

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments[..1], result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            if (result.IsNull(i))
            {
                continue;
            }

            var zone = arguments[1].GetString(i);
            var ok = _toLocal
                ? KqlTimeZones.TryUtcToLocal(arguments[0].Int64[i], zone, out result.Int64[i])
                : KqlTimeZones.TryLocalToUtc(arguments[0].Int64[i], zone, out result.Int64[i]);
            if (!ok)
            {
                result.SetNull(i);
            }
        }
    }
}

/// <summary><c>datetime_list_timezones()</c>: the time zone names the system database knows, sorted, as a dynamic array.</summary>
internal sealed class ListTimeZonesFunction() : ScalarFunction("datetime_list_timezones")
{
    private static readonly Lazy<DynamicValue> Names = new(() =>
    {
        var ids = TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id).Order(StringComparer.Ordinal)
            .Select(id => (DynamicValue?)DynamicValue.FromString(id)).ToArray();
        return DynamicValue.FromArray(ids);
    });

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            result.Dynamic[i] = Names.Value;
        }
    }
}
