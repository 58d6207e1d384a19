using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

/// <summary>
/// Where Kusto's behaviour is .NET's (its formats mirror .NET custom format strings, its calendar is .NET's
/// Gregorian calendar), .NET serves as an independent oracle over random inputs.
/// </summary>
public sealed class OraclePropertyTests
{
    private static readonly string[] DateSpecifiers =
    [
        "d", "dd", "ddd", "dddd", "f", "ff", "fff", "ffff", "fffff", "ffffff", "fffffff", "F", "FF", "FFF", "FFFF",
        "FFFFF", "FFFFFF", "FFFFFFF", "h", "hh", "H", "HH", "m", "mm", "M", "MM", "MMM", "MMMM", "s", "ss", "y", "yy",
        "yyy", "yyyy", "yyyyy", "t", "tt",
    ];

    private static readonly string[] Separators = [" ", "/", "-", ":", ",", ".", "_", "[", "]"];

    private static Gen<string> FormatOf(string[] specifiers) =>
        Gen.ArrayOf(Gen.Zip(Gen.Elements(specifiers), Gen.Elements(Separators)))
            .Select(parts => "[" + string.Concat(parts.Select(p => p.Item1 + p.Item2)) + "]");

    [Property(MaxTest = 1000)]
    public Property Datetime_text_matches_dotnet_round_trip_formats() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), ticks =>
        {
            var value = new DateTime(ticks, DateTimeKind.Utc);
            return DateTimeText.Format(ticks) == value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
                && DateTimeText.Format(ticks, DateTimeTextStyle.Trimmed) == value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        });

    [Property(MaxTest = 1000)]
    public Property Format_datetime_agrees_with_dotnet_custom_formats() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), FormatOf(DateSpecifiers).ToArbitrary(), (ticks, format) =>
        {
            Assert.True(TemporalFormat.TryCreateDateTime(format, out var compiled));
            var expected = new DateTime(ticks).ToString(format, CultureInfo.InvariantCulture);
            var actual = compiled!.Format(ticks);
            return (actual == expected).Label($"{format}: {actual} vs {expected}");
        });

    [Property(MaxTest = 1000)]
    public Property Format_timespan_agrees_with_dotnet_custom_formats() =>
        Prop.ForAll(ValueGenerators.AnyLong.ToArbitrary(), FormatOf(
            ["d", "dd", "ddd", "dddddddd", "h", "hh", "m", "mm", "s", "ss", "f", "fff", "fffffff", "F", "FFF", "FFFFFFF"]).ToArbitrary(),
            (ticks, format) =>
            {
                Assert.True(TemporalFormat.TryCreateTimeSpan(format, out var compiled));
                // .NET wants literal characters escaped in timespan formats.
                var dotnetFormat = string.Concat(format.Select(ch => char.IsAsciiLetter(ch) ? ch.ToString() : "\\" + ch));
                var expected = TimeSpan.FromTicks(ticks).ToString(dotnetFormat, CultureInfo.InvariantCulture);
                var actual = compiled!.Format(ticks);
                return (actual == expected).Label($"{format}: {actual} vs {expected}");
            });

    [Property(MaxTest = 1000)]
    public Property Calendar_parts_agree_with_dotnet() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), ticks =>
        {
            var value = new DateTime(ticks);
            return DateTimeFunctions.DatePart(DateTimePeriod.Year, ticks) == value.Year
                && DateTimeFunctions.DatePart(DateTimePeriod.Month, ticks) == value.Month
                && DateTimeFunctions.DatePart(DateTimePeriod.Day, ticks) == value.Day
                && DateTimeFunctions.DatePart(DateTimePeriod.DayOfYear, ticks) == value.DayOfYear
                && DateTimeFunctions.DatePart(DateTimePeriod.Hour, ticks) == value.Hour
                && DateTimeFunctions.DatePart(DateTimePeriod.Minute, ticks) == value.Minute
                && DateTimeFunctions.DatePart(DateTimePeriod.Second, ticks) == value.Second
                && DateTimeFunctions.DatePart(DateTimePeriod.Millisecond, ticks) == value.Millisecond
                && DateTimeFunctions.DatePart(DateTimePeriod.WeekOfYear, ticks) == ISOWeek.GetWeekOfYear(value)
                && DateTimeFunctions.DayOfWeek(ticks) == (long)value.DayOfWeek * KqlTime.TicksPerDay
                && DateTimeFunctions.HourOfDay(ticks) == value.Hour;
        });

    [Property(MaxTest = 1000)]
    public Property Start_and_end_of_periods_bracket_the_instant() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), ticks =>
        {
            var ok = true;
            if (DateTimeFunctions.TryStartOfDay(ticks, 0, out var dayStart) && DateTimeFunctions.TryEndOfDay(ticks, 0, out var dayEnd))
            {
                ok &= dayStart <= ticks && ticks <= dayEnd && new DateTime(dayStart).TimeOfDay == TimeSpan.Zero
                    && (dayEnd == KqlTime.MaxDateTimeTicks || dayEnd + 1 == dayStart + KqlTime.TicksPerDay);
            }

            if (DateTimeFunctions.TryStartOfWeek(ticks, 0, out var weekStart))
            {
                ok &= weekStart <= ticks && ticks - weekStart < KqlTime.TicksPerWeek
                    && new DateTime(weekStart).DayOfWeek == System.DayOfWeek.Sunday;
            }

            ok &= DateTimeFunctions.TryStartOfMonth(ticks, 0, out var monthStart) && new DateTime(monthStart).Day == 1
                && monthStart <= ticks && new DateTime(monthStart).Month == new DateTime(ticks).Month;
            ok &= DateTimeFunctions.TryEndOfMonth(ticks, 0, out var monthEnd) && monthEnd >= ticks
                && new DateTime(monthEnd).Month == new DateTime(ticks).Month
                && (monthEnd == KqlTime.MaxDateTimeTicks || new DateTime(monthEnd + 1).Day == 1);
            ok &= DateTimeFunctions.TryStartOfYear(ticks, 0, out var yearStart) && new DateTime(yearStart).DayOfYear == 1
                && new DateTime(yearStart).Year == new DateTime(ticks).Year;
            return ok;
        });

    [Property(MaxTest = 1000)]
    public Property Date_add_of_months_agrees_with_dotnet() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), Gen.Choose(-200_000, 200_000).ToArbitrary(), (ticks, months) =>
        {
            var ok = DateTimeFunctions.TryDateAdd(DateTimePeriod.Month, months, ticks, out var result);
            DateTime expected;
            try
            {
                expected = new DateTime(ticks).AddMonths(months);
            }
            catch (ArgumentOutOfRangeException)
            {
                return !ok;
            }

            return ok && result == expected.Ticks;
        });

    [Property(MaxTest = 1000)]
    public Property Date_diff_of_days_and_adding_them_back_agree() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), ValueGenerators.DateTimeTicks.ToArbitrary(), (a, b) =>
        {
            var days = DateTimeFunctions.DateDiff(DateTimePeriod.Day, a, b);
            Assert.True(DateTimeFunctions.TryStartOfDay(b, days, out var shifted));
            Assert.True(DateTimeFunctions.TryStartOfDay(a, 0, out var aDay));
            var months = DateTimeFunctions.DateDiff(DateTimePeriod.Month, a, b);
            var (ay, am, _) = new DateTime(a);
            var (by, bm, _) = new DateTime(b);
            return shifted == aDay && months == ((ay - by) * 12) + am - bm
                && DateTimeFunctions.DateDiff(DateTimePeriod.Nanosecond, a, a) == 0
                && DateTimeFunctions.DateDiff(DateTimePeriod.Week, a, b) == -DateTimeFunctions.DateDiff(DateTimePeriod.Week, b, a);
        });
}
