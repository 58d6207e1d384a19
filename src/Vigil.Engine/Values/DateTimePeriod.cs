namespace Vigil.Engine.Values;

/// <summary>
/// The periods of <c>datetime_add</c> and <c>datetime_diff</c>, and the parts of <c>datetime_part</c>
/// (<see cref="WeekOfYear"/> and <see cref="DayOfYear"/> are parts only, <see cref="Week"/> a period only).
/// </summary>
internal enum DateTimePeriod
{
    Year,
    Quarter,
    Month,
    Week,
    WeekOfYear,

    /// <summary>The obsolete <c>weekofyear</c> part: Sunday-based weeks, week 1 holds the year's first Wednesday.</summary>
    LegacyWeekOfYear,
    Day,
    DayOfYear,
    Hour,
    Minute,
    Second,
    Millisecond,
    Microsecond,
    Nanosecond,
}

internal static class DateTimePeriodFacts
{
    /// <summary>A period name as <c>datetime_add</c>/<c>datetime_diff</c> take it (case-insensitive).</summary>
    public static bool TryParsePeriod(ReadOnlySpan<char> name, out DateTimePeriod period) =>
        TryParse(name, out period)
        && period is not DateTimePeriod.WeekOfYear and not DateTimePeriod.LegacyWeekOfYear and not DateTimePeriod.DayOfYear;

    /// <summary>A part name as <c>datetime_part</c> takes it (case-insensitive).</summary>
    public static bool TryParsePart(ReadOnlySpan<char> name, out DateTimePeriod part) =>
        TryParse(name, out part) && part != DateTimePeriod.Week;

    private static bool TryParse(ReadOnlySpan<char> name, out DateTimePeriod period)
    {
        Span<char> lower = stackalloc char[16];
        name = name.Trim();
        if (name.Length > lower.Length)
        {
            period = default;
            return false;
        }

        lower = lower[..name.Length];
        name.ToLowerInvariant(lower);
        DateTimePeriod? result = lower switch
        {
            "year" => DateTimePeriod.Year,
            "quarter" => DateTimePeriod.Quarter,
            "month" => DateTimePeriod.Month,
            "week" => DateTimePeriod.Week,
            "week_of_year" => DateTimePeriod.WeekOfYear,
            "weekofyear" => DateTimePeriod.LegacyWeekOfYear,
            "day" => DateTimePeriod.Day,
            "dayofyear" => DateTimePeriod.DayOfYear,
            "hour" => DateTimePeriod.Hour,
            "minute" => DateTimePeriod.Minute,
            "second" => DateTimePeriod.Second,
            "millisecond" => DateTimePeriod.Millisecond,
            "microsecond" => DateTimePeriod.Microsecond,
            "nanosecond" => DateTimePeriod.Nanosecond,
            _ => null,
        };
        period = result.GetValueOrDefault();
        return result.HasValue;
    }
}
