using System.Globalization;

namespace Vigil.Engine.Values;

/// <summary>
/// The scalar arithmetic behind KQL's date and time functions, on ticks (see <see cref="KqlTime"/>). Methods named
/// <c>Try*</c> return false where Kusto returns null (a result out of the datetime range, an invalid component);
/// none throws. Weeks start on Sunday (<c>startofweek</c>, <c>endofweek</c> ends on Saturday, <c>dayofweek</c> counts
/// from Sunday); <c>week_of_year</c> is ISO 8601.
/// </summary>
internal static class DateTimeFunctions
{
    // ---- now(), ago() ------------------------------------------------------------------------------------------

    /// <summary><c>now(offset)</c>: the query's start instant plus an optional offset.</summary>
    public static bool TryNow(long queryNowTicks, long offsetTicks, out long ticks) =>
        TryAddTicks(queryNowTicks, offsetTicks, out ticks);

    /// <summary><c>ago(a)</c> = <c>now() - a</c>.</summary>
    public static bool TryAgo(long queryNowTicks, long timespanTicks, out long ticks)
    {
        if (timespanTicks == long.MinValue)
        {
            ticks = 0;
            return false;
        }

        return TryAddTicks(queryNowTicks, -timespanTicks, out ticks);
    }

    /// <summary><c>datetime + timespan</c>; false when the result leaves the datetime range.</summary>
    public static bool TryAddTicks(long dateTicks, long timespanTicks, out long ticks)
    {
        ticks = unchecked(dateTicks + timespanTicks);
        // Both operands are bounded by the datetime range only for the first; detect wrap-around explicitly.
        var overflow = ((dateTicks ^ ticks) & (timespanTicks ^ ticks)) < 0;
        return !overflow && KqlTime.IsValidDateTime(ticks);
    }

    // ---- start and end of day, week, month, year --------------------------------------------------------------

    public static bool TryStartOfDay(long ticks, long offset, out long result) =>
        TryShiftDays(ticks - (ticks % KqlTime.TicksPerDay), offset, 1, out result);

    public static bool TryEndOfDay(long ticks, long offset, out long result) =>
        TryEndOf(TryStartOfDay(ticks, unchecked(offset + 1), out var next), next, out result)
        || TryLastOfRange(TryStartOfDay(ticks, offset, out var start), start, KqlTime.TicksPerDay, out result);

    public static bool TryStartOfWeek(long ticks, long offset, out long result)
    {
        var dayStart = ticks - (ticks % KqlTime.TicksPerDay);
        var sunday = dayStart - ((long)KqlTime.ToDateTime(ticks).DayOfWeek * KqlTime.TicksPerDay);
        // 0001-01-01 is a Monday: the week holding it starts before the datetime range.
        return TryShiftDays(sunday, offset, 7, out result);
    }

    public static bool TryEndOfWeek(long ticks, long offset, out long result) =>
        TryEndOf(TryStartOfWeek(ticks, unchecked(offset + 1), out var next), next, out result)
        || TryLastOfRange(TryStartOfWeek(ticks, offset, out var start), start, KqlTime.TicksPerWeek, out result);

    public static bool TryStartOfMonth(long ticks, long offset, out long result)
    {
        var (year, month, _) = KqlTime.ToDateTime(ticks);
        return TryMonthStart(((Int128)year * 12) + month - 1 + offset, out result);
    }

    public static bool TryEndOfMonth(long ticks, long offset, out long result)
    {
        var (year, month, _) = KqlTime.ToDateTime(ticks);
        var index = ((Int128)year * 12) + month - 1 + offset;
        if (TryMonthStart(index + 1, out var next))
        {
            result = next - 1;
            return KqlTime.IsValidDateTime(result);
        }

        // December 9999: the month ends at the last tick of the range.
        result = KqlTime.MaxDateTimeTicks;
        return TryMonthStart(index, out _);
    }

    public static bool TryStartOfYear(long ticks, long offset, out long result)
    {
        var year = (Int128)KqlTime.ToDateTime(ticks).Year + offset;
        return TryMonthStart(year * 12, out result);
    }

    public static bool TryEndOfYear(long ticks, long offset, out long result)
    {
        var year = (Int128)KqlTime.ToDateTime(ticks).Year + offset;
        if (year == 9999)
        {
            result = KqlTime.MaxDateTimeTicks;
            return true;
        }

        if (TryMonthStart((year + 1) * 12, out var next))
        {
            result = next - 1;
            return KqlTime.IsValidDateTime(result);
        }

        result = 0;
        return false;
    }

    private static bool TryShiftDays(long start, long offset, long daysPerUnit, out long result)
    {
        result = 0;
        var shifted = start + ((Int128)offset * daysPerUnit * KqlTime.TicksPerDay);
        // A week that starts before 0001-01-01 (see TryStartOfWeek) has no representable start either.
        if (shifted < KqlTime.MinDateTimeTicks || shifted > KqlTime.MaxDateTimeTicks)
        {
            return false;
        }

        result = (long)shifted;
        return true;
    }

    private static bool TryMonthStart(Int128 monthIndex, out long result)
    {
        result = 0;
        var year = monthIndex / 12;
        if (monthIndex < 12 || year > 9999)
        {
            return false;
        }

        result = new DateTime((int)year, (int)(monthIndex % 12) + 1, 1).Ticks;
        return true;
    }

    private static bool TryEndOf(bool nextValid, long next, out long result)
    {
        result = next - 1;
        return nextValid && KqlTime.IsValidDateTime(result);
    }

    private static bool TryLastOfRange(bool startValid, long start, long length, out long result)
    {
        // The period holding the last representable instant ends at it.
        result = KqlTime.MaxDateTimeTicks;
        return startValid && start + length > KqlTime.MaxDateTimeTicks;
    }

    // ---- parts -------------------------------------------------------------------------------------------------

    /// <summary><c>dayofweek()</c>: days since the preceding Sunday, as a timespan.</summary>
    public static long DayOfWeek(long ticks) => (long)KqlTime.ToDateTime(ticks).DayOfWeek * KqlTime.TicksPerDay;

    public static int DayOfMonth(long ticks) => KqlTime.ToDateTime(ticks).Day;

    public static int DayOfYear(long ticks) => KqlTime.ToDateTime(ticks).DayOfYear;

    /// <summary><c>monthofyear()</c> and <c>getmonth()</c>.</summary>
    public static int MonthOfYear(long ticks) => KqlTime.ToDateTime(ticks).Month;

    public static int GetYear(long ticks) => KqlTime.ToDateTime(ticks).Year;

    public static int HourOfDay(long ticks) => (int)(ticks % KqlTime.TicksPerDay / KqlTime.TicksPerHour);

    /// <summary><c>week_of_year()</c>: the ISO 8601 week (week 1 holds the year's first Thursday).</summary>
    public static int WeekOfYear(long ticks) => ISOWeek.GetWeekOfYear(KqlTime.ToDateTime(ticks));

    /// <summary><c>datetime_part(part, d)</c>; <paramref name="part"/> from <see cref="DateTimePeriodFacts.TryParsePart"/>.</summary>
    public static long DatePart(DateTimePeriod part, long ticks)
    {
        var value = KqlTime.ToDateTime(ticks);
        var fraction = ticks % KqlTime.TicksPerSecond;
        return part switch
        {
            DateTimePeriod.Year => value.Year,
            DateTimePeriod.Quarter => ((value.Month - 1) / 3) + 1,
            DateTimePeriod.Month => value.Month,
            DateTimePeriod.WeekOfYear => ISOWeek.GetWeekOfYear(value),
            // A Sunday-based week with at least four days in the year is the one holding its first Wednesday.
            DateTimePeriod.LegacyWeekOfYear => CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(
                value, CalendarWeekRule.FirstFourDayWeek, System.DayOfWeek.Sunday),
            DateTimePeriod.Day => value.Day,
            DateTimePeriod.DayOfYear => value.DayOfYear,
            DateTimePeriod.Hour => value.Hour,
            DateTimePeriod.Minute => value.Minute,
            DateTimePeriod.Second => value.Second,
            DateTimePeriod.Millisecond => fraction / KqlTime.TicksPerMillisecond,
            DateTimePeriod.Microsecond => fraction / KqlTime.TicksPerMicrosecond,
            DateTimePeriod.Nanosecond => fraction * 100,
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Not a datetime_part part."),
        };
    }

    // ---- datetime_diff, datetime_add ---------------------------------------------------------------------------

    /// <summary>
    /// <c>datetime_diff(period, a, b)</c>: how many period boundaries lie between <paramref name="right"/> and
    /// <paramref name="left"/> (calendar semantics: both are truncated to the period, then subtracted; weeks start
    /// on Sunday), positive when <paramref name="left"/> is later.
    /// </summary>
    public static long DateDiff(DateTimePeriod period, long left, long right)
    {
        var a = KqlTime.ToDateTime(left);
        var b = KqlTime.ToDateTime(right);
        return period switch
        {
            DateTimePeriod.Year => a.Year - b.Year,
            DateTimePeriod.Quarter => (((long)a.Year * 4) + ((a.Month - 1) / 3)) - (((long)b.Year * 4) + ((b.Month - 1) / 3)),
            DateTimePeriod.Month => (((long)a.Year * 12) + a.Month) - (((long)b.Year * 12) + b.Month),
            DateTimePeriod.Week => (WeekNumberSinceEpoch(left) - WeekNumberSinceEpoch(right)),
            DateTimePeriod.Day => (left / KqlTime.TicksPerDay) - (right / KqlTime.TicksPerDay),
            DateTimePeriod.Hour => (left / KqlTime.TicksPerHour) - (right / KqlTime.TicksPerHour),
            DateTimePeriod.Minute => (left / KqlTime.TicksPerMinute) - (right / KqlTime.TicksPerMinute),
            DateTimePeriod.Second => (left / KqlTime.TicksPerSecond) - (right / KqlTime.TicksPerSecond),
            DateTimePeriod.Millisecond => (left / KqlTime.TicksPerMillisecond) - (right / KqlTime.TicksPerMillisecond),
            DateTimePeriod.Microsecond => (left / KqlTime.TicksPerMicrosecond) - (right / KqlTime.TicksPerMicrosecond),
            // Up to ~3.2e20 ns do not fit a long; like Kusto's long arithmetic, the product wraps.
            DateTimePeriod.Nanosecond => unchecked((left - right) * 100),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Not a datetime_diff period."),
        };
    }

    // Sunday-based week index; 0001-01-01 is a Monday, so shift by one day before dividing.
    private static long WeekNumberSinceEpoch(long ticks) => ((ticks / KqlTime.TicksPerDay) + 1) / 7;

    /// <summary><c>datetime_add(period, amount, d)</c>; months and years clamp the day (Jan 31 + 1 month = Feb 28/29).</summary>
    public static bool TryDateAdd(DateTimePeriod period, long amount, long ticks, out long result)
    {
        result = 0;
        Int128 delta;
        switch (period)
        {
            case DateTimePeriod.Year:
                return TryAddMonths(ticks, (Int128)amount * 12, out result);
            case DateTimePeriod.Quarter:
                return TryAddMonths(ticks, (Int128)amount * 3, out result);
            case DateTimePeriod.Month:
                return TryAddMonths(ticks, amount, out result);
            case DateTimePeriod.Week:
                delta = (Int128)amount * KqlTime.TicksPerWeek;
                break;
            case DateTimePeriod.Day:
                delta = (Int128)amount * KqlTime.TicksPerDay;
                break;
            case DateTimePeriod.Hour:
                delta = (Int128)amount * KqlTime.TicksPerHour;
                break;
            case DateTimePeriod.Minute:
                delta = (Int128)amount * KqlTime.TicksPerMinute;
                break;
            case DateTimePeriod.Second:
                delta = (Int128)amount * KqlTime.TicksPerSecond;
                break;
            case DateTimePeriod.Millisecond:
                delta = (Int128)amount * KqlTime.TicksPerMillisecond;
                break;
            case DateTimePeriod.Microsecond:
                delta = (Int128)amount * KqlTime.TicksPerMicrosecond;
                break;
            case DateTimePeriod.Nanosecond:
                delta = amount / 100;
                break;
            default:
                return false;
        }

        var sum = ticks + delta;
        if (sum < KqlTime.MinDateTimeTicks || sum > KqlTime.MaxDateTimeTicks)
        {
            return false;
        }

        result = (long)sum;
        return true;
    }

    private static bool TryAddMonths(long ticks, Int128 months, out long result)
    {
        result = 0;
        var value = KqlTime.ToDateTime(ticks);
        var index = ((Int128)value.Year * 12) + value.Month - 1 + months;
        if (index < 12 || index >= 10000 * 12)
        {
            return false;
        }

        var year = (int)(index / 12);
        var month = (int)(index % 12) + 1;
        var day = Math.Min(value.Day, DateTime.DaysInMonth(year, month));
        result = new DateTime(year, month, day).Ticks + (ticks % KqlTime.TicksPerDay);
        return true;
    }

    // ---- make_datetime, make_timespan, unixtime_*_todatetime ---------------------------------------------------

    /// <summary>
    /// <c>make_datetime(year, month, day[, hour, minute[, second]])</c>; <paramref name="second"/> is real and is
    /// rounded to the nearest tick (<c>0.1234567</c> gives <c>.1234567</c>). False for any invalid component.
    /// </summary>
    public static bool TryMakeDateTime(int year, int month, int day, int hour, int minute, double second, out long ticks)
    {
        ticks = 0;
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour < 0 || hour > 23 || minute < 0 || minute > 59 || !(second >= 0 && second < 60))
        {
            return false;
        }

        var secondTicks = (long)Math.Round(second * KqlTime.TicksPerSecond, MidpointRounding.AwayFromZero);
        if (secondTicks >= 60 * KqlTime.TicksPerSecond)
        {
            return false;
        }

        ticks = new DateTime(year, month, day).Ticks + (hour * KqlTime.TicksPerHour) + (minute * KqlTime.TicksPerMinute)
            + secondTicks;
        return true;
    }

    /// <summary>
    /// <c>make_timespan(day, hour, minute, second)</c> (the two- and three-argument forms pass zeros): hour 0-23,
    /// minute 0-59, second 0 up to 60 (exclusive), rounded to the nearest tick; false otherwise.
    /// </summary>
    public static bool TryMakeTimeSpan(long day, long hour, long minute, double second, out long ticks)
    {
        ticks = 0;
        if (day < 0 || day > long.MaxValue / KqlTime.TicksPerDay - 1 || hour < 0 || hour > 23 || minute < 0
            || minute > 59 || !(second >= 0 && second < 60))
        {
            return false;
        }

        var secondTicks = (long)Math.Round(second * KqlTime.TicksPerSecond, MidpointRounding.AwayFromZero);
        ticks = (day * KqlTime.TicksPerDay) + (hour * KqlTime.TicksPerHour) + (minute * KqlTime.TicksPerMinute) + secondTicks;
        return true;
    }

    /// <summary><c>unixtime_seconds_todatetime</c> and friends for integer input: <paramref name="ticksPerUnit"/> is 1e7, 1e4, 10.</summary>
    public static bool TryFromUnixTime(long units, long ticksPerUnit, out long ticks)
    {
        var offset = (Int128)units * ticksPerUnit;
        return TryFromEpochOffset(offset, out ticks);
    }

    /// <summary><c>unixtime_nanoseconds_todatetime(long)</c>: sub-tick nanoseconds are truncated toward zero.</summary>
    public static bool TryFromUnixNanoseconds(long nanoseconds, out long ticks) =>
        TryFromEpochOffset(nanoseconds / 100, out ticks);

    /// <summary>The <c>unixtime_*_todatetime</c> functions for real input, rounded to the nearest tick.</summary>
    public static bool TryFromUnixTime(double units, double ticksPerUnit, out long ticks)
    {
        ticks = 0;
        var offset = Math.Round(units * ticksPerUnit, MidpointRounding.AwayFromZero);
        if (!(offset >= -KqlTime.UnixEpochTicks && offset <= KqlTime.MaxDateTimeTicks - KqlTime.UnixEpochTicks))
        {
            return false;
        }

        return TryFromEpochOffset((long)offset, out ticks);
    }

    private static bool TryFromEpochOffset(Int128 offset, out long ticks)
    {
        var sum = KqlTime.UnixEpochTicks + offset;
        ticks = 0;
        if (sum < KqlTime.MinDateTimeTicks || sum > KqlTime.MaxDateTimeTicks)
        {
            return false;
        }

        ticks = (long)sum;
        return true;
    }
}
