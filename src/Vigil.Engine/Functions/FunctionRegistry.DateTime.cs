using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The datetime and timespan: construction, parts, periods, formatting, unix times, time zones.</summary>
    private static void AddDateTimeFunctions(Registrar add)
    {
        add(BinAt, "bin_at");
        add(
            (_, a, t) => a.Length is >= 3 and <= 6
                ? Fixed(new MakeDateTimeFunction(), [.. a.Select((x, i) => Convert(x, i == 5 ? ScalarType.Real : ScalarType.Long))], ScalarType.DateTime)
                : null,
            "make_datetime");
        add(
            (_, a, t) => a.Length is >= 2 and <= 4
                ? Fixed(new MakeTimeSpanFunction(), [.. a.Select((x, i) => Convert(x, i == 2 && a.Length == 3 || i == 3 ? ScalarType.Real : ScalarType.Long))], ScalarType.TimeSpan)
                : null,
            "make_timespan");
        add(
            (n, a, t) => a.Length == 1 && PlanTypes.IsNumeric(a[0].Type)
                ? Fixed(new UnixTimeFunction(n), [Convert(a[0], a[0].Type is ScalarType.Real or ScalarType.Decimal ? ScalarType.Real : ScalarType.Long)], ScalarType.DateTime)
                : null,
            "unixtime_seconds_todatetime", "unixtime_milliseconds_todatetime", "unixtime_microseconds_todatetime", "unixtime_nanoseconds_todatetime");
        add(
            (n, a, t) => a.Length == 2 ? Fixed(new DateTimePartFunction(n), [Convert(a[0], ScalarType.String), Convert(a[1], ScalarType.DateTime)], ScalarType.Int) : null,
            "datetime_part", "datepart");
        add(
            (n, a, t) => a.Length == 2 ? Fixed(new TemporalFormatFunction(n), [Convert(a[0], ScalarType.DateTime), Convert(a[1], ScalarType.String)], ScalarType.String) : null,
            "format_datetime");
        add(
            (n, a, t) => a.Length == 2 ? Fixed(new TemporalFormatFunction(n), [Convert(a[0], ScalarType.TimeSpan), Convert(a[1], ScalarType.String)], ScalarType.String) : null,
            "format_timespan");
        add(
            (n, a, t) => a.Length == 2 ? Fixed(new TimeZoneFunction(n), [Convert(a[0], ScalarType.DateTime), Convert(a[1], ScalarType.String)], ScalarType.DateTime) : null,
            "datetime_utc_to_local", "datetime_local_to_utc");
        add((_, a, t) => a.Length == 0 ? Fixed(new ListTimeZonesFunction(), a, ScalarType.Dynamic) : null, "datetime_list_timezones");
        add(Around, "around");

        // The obsolete weekofyear() is not ISO 8601: its week 1 holds the year's first Wednesday (week-of-year-function.md).
        add((n, a, t) => a.Length == 1 ? Fixed(new DatePartFunction(n), [Convert(a[0], ScalarType.DateTime)], ScalarType.Int) : null, "weekofyear");
    }

    private static ScalarExpr? BinAt(string name, ScalarExpr[] arguments, ScalarType type)
    {
        if (arguments.Length != 3)
        {
            return null;
        }

        ScalarType[] types = type switch
        {
            ScalarType.DateTime => [ScalarType.DateTime, ScalarType.TimeSpan, ScalarType.DateTime],
            ScalarType.TimeSpan => [ScalarType.TimeSpan, ScalarType.TimeSpan, ScalarType.TimeSpan],
            ScalarType.Int or ScalarType.Long or ScalarType.Real => [type, type, type],
            _ => [],
        };
        if (types.Length == 0 || (type is ScalarType.DateTime or ScalarType.TimeSpan && arguments[1].Type != ScalarType.TimeSpan))
        {
            return null;
        }

        return Fixed(new BinAtFunction(), [Convert(arguments[0], types[0]), Convert(arguments[1], types[1]), Convert(arguments[2], types[2])], type);
    }

    private static ScalarExpr? Around(string name, ScalarExpr[] arguments, ScalarType type)
    {
        if (arguments.Length != 3)
        {
            return null;
        }

        var kind = arguments[0].Type;
        if (kind is ScalarType.DateTime or ScalarType.TimeSpan)
        {
            return arguments[2].Type == ScalarType.TimeSpan && (arguments[1].Type == kind)
                ? Fixed(new AroundFunction(), arguments, ScalarType.Bool)
                : null;
        }

        return PlanTypes.IsNumeric(kind) && PlanTypes.IsNumeric(arguments[1].Type) && PlanTypes.IsNumeric(arguments[2].Type)
            ? Fixed(new AroundFunction(), Reals(arguments), ScalarType.Bool)
            : null;
    }
}
