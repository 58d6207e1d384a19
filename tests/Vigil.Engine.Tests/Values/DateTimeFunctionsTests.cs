using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class DateTimeFunctionsTests
{
    private static long Diff(string period, string left, string right)
    {
        Assert.True(DateTimePeriodFacts.TryParsePeriod(period, out var p));
        return DateTimeFunctions.DateDiff(p, Ticks.Of(left), Ticks.Of(right));
    }

    // datetime-diff-function.md example: 17, 2, 13, 5, 29, 2, 5, 10, 100, 100, -700.
    [Fact]
    public void DateDiff_matches_the_reference_example()
    {
        Assert.Equal(17, Diff("year", "2017-01-01", "2000-12-31"));
        Assert.Equal(2, Diff("quarter", "2017-07-01", "2017-03-30"));
        Assert.Equal(13, Diff("month", "2017-01-01", "2015-12-30"));
        Assert.Equal(5, Diff("week", "2017-10-29 00:00", "2017-09-30 23:59"));
        Assert.Equal(29, Diff("day", "2017-10-29 00:00", "2017-09-30 23:59"));
        Assert.Equal(2, Diff("hour", "2017-10-31 01:00", "2017-10-30 23:59"));
        Assert.Equal(5, Diff("minute", "2017-10-30 23:05:01", "2017-10-30 23:00:59"));
        Assert.Equal(10, Diff("second", "2017-10-30 23:00:10.100", "2017-10-30 23:00:00.900"));
        Assert.Equal(100, Diff("millisecond", "2017-10-30 23:00:00.200100", "2017-10-30 23:00:00.100900"));
        Assert.Equal(100, Diff("microsecond", "2017-10-30 23:00:00.1009001", "2017-10-30 23:00:00.1008009"));
        Assert.Equal(-700, Diff("nanosecond", "2017-10-30 23:00:00.0000000", "2017-10-30 23:00:00.0000007"));
    }

    [Fact]
    public void DateDiff_counts_week_boundaries_from_sunday()
    {
        Assert.Equal(0, Diff("Week", "2017-10-28", "2017-10-22")); // Saturday and the Sunday before
        Assert.Equal(1, Diff("WEEK", "2017-10-29", "2017-10-28")); // Sunday and the Saturday before
        Assert.Equal(-1, Diff("week", "2017-10-28", "2017-10-29"));
    }

    // datetime-part-function.md example.
    [Fact]
    public void DatePart_matches_the_reference_example()
    {
        var ticks = Ticks.Of("2017-10-30 01:02:03.7654321");
        long Part(string name)
        {
            Assert.True(DateTimePeriodFacts.TryParsePart(name, out var part), name);
            return DateTimeFunctions.DatePart(part, ticks);
        }

        Assert.Equal(2017, Part("year"));
        Assert.Equal(4, Part("quarter"));
        Assert.Equal(10, Part("month"));
        Assert.Equal(44, Part("week_of_year"));
        Assert.Equal(30, Part("day"));
        Assert.Equal(303, Part("dayOfYear"));
        Assert.Equal(1, Part("hour"));
        Assert.Equal(2, Part("minute"));
        Assert.Equal(3, Part("second"));
        Assert.Equal(765, Part("millisecond"));
        Assert.Equal(765432, Part("microsecond"));
        Assert.Equal(765432100, Part("nanosecond"));
        Assert.False(DateTimePeriodFacts.TryParsePart("week", out _));
        Assert.False(DateTimePeriodFacts.TryParsePeriod("week_of_year", out _));
        Assert.False(DateTimePeriodFacts.TryParsePeriod("fortnight", out _));
    }

    // datetime-part-function.md note: the obsolete weekofyear part counts Sunday-based weeks from the one holding
    // the year's first Wednesday.
    [Theory]
    [InlineData("2017-10-30", 44)]
    [InlineData("2021-01-01", 53)] // a Friday: the first Wednesday is Jan 6, so Jan 1 still belongs to 2020's last week
    [InlineData("2021-01-03", 1)] // Sunday starting the week of Jan 6
    [InlineData("2020-01-01", 1)] // a Wednesday
    [InlineData("2020-12-31", 53)]
    public void Legacy_weekofyear_part_starts_with_the_first_wednesday(string date, long expected)
    {
        Assert.True(DateTimePeriodFacts.TryParsePart("weekofyear", out var part));
        Assert.Equal(expected, DateTimeFunctions.DatePart(part, Ticks.Of(date)));
        Assert.False(DateTimePeriodFacts.TryParsePeriod("weekofyear", out _));
    }

    // week-of-year-function.md examples.
    [Theory]
    [InlineData("2020-12-31", 53)]
    [InlineData("2020-06-15", 25)]
    [InlineData("1970-01-01", 1)]
    [InlineData("2000-01-01", 52)]
    public void WeekOfYear_is_iso_8601(string date, int expected)
    {
        Assert.Equal(expected, DateTimeFunctions.WeekOfYear(Ticks.Of(date)));
    }

    // day-of-month-function.md, day-of-year-function.md, getyear-function.md, monthofyear, hourofday, dayofweek.
    [Fact]
    public void Simple_parts_match_the_reference_examples()
    {
        Assert.Equal(14, DateTimeFunctions.DayOfMonth(Ticks.Of("2015-12-14")));
        Assert.Equal(348, DateTimeFunctions.DayOfYear(Ticks.Of("2015-12-14")));
        Assert.Equal(2015, DateTimeFunctions.GetYear(Ticks.Of("2015-10-12")));
        Assert.Equal(10, DateTimeFunctions.MonthOfYear(Ticks.Of("2015-10-12")));
        Assert.Equal(23, DateTimeFunctions.HourOfDay(Ticks.Of("2015-12-31 23:59:59.9")));
        Assert.Equal(KqlTime.TicksPerDay, DateTimeFunctions.DayOfWeek(Ticks.Of("2015-12-14"))); // a Monday: 1.00:00:00
        Assert.Equal(0, DateTimeFunctions.DayOfWeek(Ticks.Of("2015-12-13 10:00")));
    }

    private static string Add(string period, long amount, string date)
    {
        Assert.True(DateTimePeriodFacts.TryParsePeriod(period, out var p));
        Assert.True(DateTimeFunctions.TryDateAdd(p, amount, Ticks.Of(date), out var result));
        return DateTimeText.Format(result, DateTimeTextStyle.Table);
    }

    // datetime-add-function.md examples.
    [Fact]
    public void DateAdd_matches_the_reference_examples()
    {
        Assert.Equal("2018-01-01 00:00:00.0000000", Add("year", 1, "2017-01-01"));
        Assert.Equal("2017-04-01 00:00:00.0000000", Add("quarter", 1, "2017-01-01"));
        Assert.Equal("2017-02-01 00:00:00.0000000", Add("month", 1, "2017-01-01"));
        Assert.Equal("2017-01-08 00:00:00.0000000", Add("week", 1, "2017-01-01"));
        Assert.Equal("2017-01-02 00:00:00.0000000", Add("day", 1, "2017-01-01"));
        Assert.Equal("2017-01-01 01:00:00.0000000", Add("hour", 1, "2017-01-01"));
        Assert.Equal("2017-01-01 00:01:00.0000000", Add("minute", 1, "2017-01-01"));
        Assert.Equal("2017-01-01 00:00:01.0000000", Add("second", 1, "2017-01-01"));
        Assert.Equal("2012-01-01 00:00:00.0000000", Add("year", -5, "2017-01-01"));
        Assert.Equal("2020-01-01 00:00:00.0000000", Add("quarter", 12, "2017-01-01"));
        Assert.Equal("2015-10-01 00:00:00.0000000", Add("month", -15, "2017-01-01"));
        Assert.Equal("2018-12-02 00:00:00.0000000", Add("week", 100, "2017-01-01"));
    }

    [Fact]
    public void DateAdd_clamps_the_day_and_rejects_out_of_range_results()
    {
        Assert.Equal("2017-02-28 10:00:00.0000000", Add("month", 1, "2017-01-31 10:00"));
        Assert.Equal("2017-02-28 00:00:00.0000000", Add("year", 1, "2016-02-29"));
        Assert.Equal("2017-01-01 00:00:00.0000010", Add("microsecond", 1, "2017-01-01"));
        Assert.Equal("2017-01-01 00:00:00.0000002", Add("nanosecond", 250, "2017-01-01"));
        Assert.False(DateTimeFunctions.TryDateAdd(DateTimePeriod.Year, 1, KqlTime.MaxDateTimeTicks, out _));
        Assert.False(DateTimeFunctions.TryDateAdd(DateTimePeriod.Day, -1, 0, out _));
        Assert.False(DateTimeFunctions.TryDateAdd(DateTimePeriod.Month, long.MaxValue, 0, out _));
        Assert.False(DateTimeFunctions.TryDateAdd(DateTimePeriod.Second, long.MinValue, 0, out _));
    }

    private delegate bool Boundary(long ticks, long offset, out long result);

    private static string[] Offsets(Boundary boundary, string date) =>
    [
        .. new long[] { -1, 0, 1 }.Select(offset =>
        {
            Assert.True(boundary(Ticks.Of(date), offset, out var result));
            return DateTimeText.Format(result, DateTimeTextStyle.Table);
        }),
    ];

    // startofday-function.md, startofmonth-function.md, endofweek-function.md (offsets -1, 0, 1).
    [Fact]
    public void Start_and_end_of_periods_match_the_reference_examples()
    {
        Assert.Equal(["2016-12-31 00:00:00.0000000", "2017-01-01 00:00:00.0000000", "2017-01-02 00:00:00.0000000"],
            Offsets(DateTimeFunctions.TryStartOfDay, "2017-01-01 10:10:17"));
        Assert.Equal(["2016-12-01 00:00:00.0000000", "2017-01-01 00:00:00.0000000", "2017-02-01 00:00:00.0000000"],
            Offsets(DateTimeFunctions.TryStartOfMonth, "2017-01-01 10:10:17"));
        Assert.Equal(["2016-12-31 23:59:59.9999999", "2017-01-07 23:59:59.9999999", "2017-01-14 23:59:59.9999999"],
            Offsets(DateTimeFunctions.TryEndOfWeek, "2017-01-01 10:10:17"));
        Assert.Equal(["2016-12-25 00:00:00.0000000", "2017-01-01 00:00:00.0000000", "2017-01-08 00:00:00.0000000"],
            Offsets(DateTimeFunctions.TryStartOfWeek, "2017-01-01 10:10:17"));
        Assert.Equal(["2016-01-01 00:00:00.0000000", "2017-01-01 00:00:00.0000000", "2018-01-01 00:00:00.0000000"],
            Offsets(DateTimeFunctions.TryStartOfYear, "2017-01-01 10:10:17"));
        Assert.Equal(["2016-12-31 23:59:59.9999999", "2017-01-01 23:59:59.9999999", "2017-01-02 23:59:59.9999999"],
            Offsets(DateTimeFunctions.TryEndOfDay, "2017-01-01 10:10:17"));
        Assert.Equal(["2016-12-31 23:59:59.9999999", "2017-01-31 23:59:59.9999999", "2017-02-28 23:59:59.9999999"],
            Offsets(DateTimeFunctions.TryEndOfMonth, "2017-01-01 10:10:17"));
        Assert.Equal(["2016-12-31 23:59:59.9999999", "2017-12-31 23:59:59.9999999", "2018-12-31 23:59:59.9999999"],
            Offsets(DateTimeFunctions.TryEndOfYear, "2017-01-01 10:10:17"));
    }

    [Fact]
    public void Periods_at_the_edges_of_the_range_end_at_the_last_tick_or_are_null()
    {
        var last = KqlTime.MaxDateTimeTicks;
        Assert.True(DateTimeFunctions.TryEndOfDay(last, 0, out var endOfDay) && endOfDay == last);
        Assert.True(DateTimeFunctions.TryEndOfMonth(last, 0, out var endOfMonth) && endOfMonth == last);
        Assert.True(DateTimeFunctions.TryEndOfYear(last, 0, out var endOfYear) && endOfYear == last);
        Assert.True(DateTimeFunctions.TryEndOfWeek(last, 0, out var endOfWeek) && endOfWeek == last);
        Assert.False(DateTimeFunctions.TryStartOfDay(last, 1, out _));
        Assert.False(DateTimeFunctions.TryStartOfMonth(0, -1, out _));
        Assert.False(DateTimeFunctions.TryStartOfWeek(0, 0, out _)); // the week of 0001-01-01 starts on 0000-12-31
        Assert.False(DateTimeFunctions.TryStartOfYear(0, long.MaxValue, out _));
        Assert.False(DateTimeFunctions.TryEndOfDay(0, long.MaxValue, out _));
        Assert.False(DateTimeFunctions.TryEndOfWeek(0, long.MinValue, out _));
    }

    // make-datetime-function.md examples; make-timespan-function.md example.
    [Fact]
    public void MakeDateTime_and_MakeTimeSpan_match_the_reference_examples()
    {
        Assert.True(DateTimeFunctions.TryMakeDateTime(2017, 10, 1, 0, 0, 0, out var date));
        Assert.Equal("2017-10-01 00:00:00.0000000", DateTimeText.Format(date, DateTimeTextStyle.Table));
        Assert.True(DateTimeFunctions.TryMakeDateTime(2017, 10, 1, 12, 10, 0, out var dateTime));
        Assert.Equal("2017-10-01 12:10:00.0000000", DateTimeText.Format(dateTime, DateTimeTextStyle.Table));
        Assert.True(DateTimeFunctions.TryMakeDateTime(2017, 10, 1, 12, 11, 0.1234567, out var precise));
        Assert.Equal("2017-10-01 12:11:00.1234567", DateTimeText.Format(precise, DateTimeTextStyle.Table));
        Assert.True(DateTimeFunctions.TryMakeTimeSpan(1, 12, 30, 55.123, out var span));
        Assert.Equal("1.12:30:55.1230000", TimeSpanText.Format(span));
        Assert.True(DateTimeFunctions.TryMakeDateTime(2017, 10, 1, 12, 11, 0.3, out var rounded));
        Assert.Equal("2017-10-01 12:11:00.3000000", DateTimeText.Format(rounded, DateTimeTextStyle.Table));
    }

    [Theory]
    [InlineData(2017, 2, 29, 0, 0, 0.0)]
    [InlineData(0, 1, 1, 0, 0, 0.0)]
    [InlineData(10000, 1, 1, 0, 0, 0.0)]
    [InlineData(2017, 13, 1, 0, 0, 0.0)]
    [InlineData(2017, 1, 1, 24, 0, 0.0)]
    [InlineData(2017, 1, 1, 0, 60, 0.0)]
    [InlineData(2017, 1, 1, 0, 0, 60.0)]
    [InlineData(2017, 1, 1, 0, 0, -1.0)]
    [InlineData(2017, 1, 1, 0, 0, double.NaN)]
    public void MakeDateTime_rejects_invalid_components(int year, int month, int day, int hour, int minute, double second)
    {
        Assert.False(DateTimeFunctions.TryMakeDateTime(year, month, day, hour, minute, second, out _));
    }

    // unixtime-*-todatetime-function.md examples: all give 2019-01-01.
    [Fact]
    public void Unix_time_conversions_match_the_reference_examples()
    {
        var expected = Ticks.Of("2019-01-01");
        Assert.True(DateTimeFunctions.TryFromUnixTime(1546300800L, KqlTime.TicksPerSecond, out var seconds));
        Assert.Equal(expected, seconds);
        Assert.True(DateTimeFunctions.TryFromUnixTime(1546300800000L, KqlTime.TicksPerMillisecond, out var millis));
        Assert.Equal(expected, millis);
        Assert.True(DateTimeFunctions.TryFromUnixTime(1546300800000000L, KqlTime.TicksPerMicrosecond, out var micros));
        Assert.Equal(expected, micros);
        Assert.True(DateTimeFunctions.TryFromUnixNanoseconds(1546300800000000000L, out var nanos));
        Assert.Equal(expected, nanos);
        Assert.True(DateTimeFunctions.TryFromUnixTime(1546300800.5, KqlTime.TicksPerSecond, out var fractional));
        Assert.Equal(expected + (KqlTime.TicksPerSecond / 2), fractional);
        Assert.False(DateTimeFunctions.TryFromUnixTime(long.MaxValue, KqlTime.TicksPerSecond, out _));
        Assert.False(DateTimeFunctions.TryFromUnixTime(double.NaN, KqlTime.TicksPerSecond, out _));
        Assert.False(DateTimeFunctions.TryFromUnixTime(-1e12, KqlTime.TicksPerSecond, out _));
    }

    [Fact]
    public void Now_and_ago_are_relative_to_the_query_start()
    {
        var now = Ticks.Of("2024-05-01 12:00");
        Assert.True(DateTimeFunctions.TryAgo(now, KqlTime.TicksPerDay, out var yesterday));
        Assert.Equal(Ticks.Of("2024-04-30 12:00"), yesterday);
        Assert.True(DateTimeFunctions.TryAgo(now, -KqlTime.TicksPerHour, out var future));
        Assert.Equal(Ticks.Of("2024-05-01 13:00"), future);
        Assert.True(DateTimeFunctions.TryNow(now, 0, out var same) && same == now);
        Assert.False(DateTimeFunctions.TryAgo(now, long.MinValue, out _));
        Assert.False(DateTimeFunctions.TryAgo(now, long.MaxValue, out _));
        Assert.False(DateTimeFunctions.TryAddTicks(KqlTime.MaxDateTimeTicks, long.MaxValue, out _));
    }
}
