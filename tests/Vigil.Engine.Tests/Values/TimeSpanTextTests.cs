using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class TimeSpanTextTests
{
    [Theory]
    [InlineData("1.12:30:55.1230000", "1.12:30:55.1230000")] // make-timespan-function.md
    [InlineData("-12:00:00", "-12:00:00")] // bin-at-function.md
    [InlineData("4.00:00:00", "4.00:00:00")] // totimespan-function.md
    [InlineData("00:03:00", "00:03:00")]
    [InlineData("00:00:00", "00:00:00")]
    [InlineData("00:00:00.0000001", "00:00:00.0000001")]
    [InlineData("-1.00:00:00.5", "-1.00:00:00.5000000")]
    public void Format_prints_days_only_when_present_and_a_seven_digit_fraction_only_when_nonzero(string value, string expected)
    {
        Assert.Equal(expected, TimeSpanText.Format(Ticks.Span(value)));
    }

    [Fact]
    public void Format_handles_the_extremes()
    {
        Assert.Equal("-10675199.02:48:05.4775808", TimeSpanText.Format(long.MinValue));
        Assert.Equal("10675199.02:48:05.4775807", TimeSpanText.Format(long.MaxValue));
        Span<char> small = stackalloc char[5];
        Assert.False(TimeSpanText.TryFormat(0, small, out _));
    }

    // scalar-data-types/timespan.md literal table, totimespan-function.md and the timespan suffixes of the KQL lexer.
    [Theory]
    [InlineData("2d", "2.00:00:00")]
    [InlineData("1.5h", "01:30:00")]
    [InlineData("30m", "00:30:00")]
    [InlineData("10s", "00:00:10")]
    [InlineData("0.1s", "00:00:00.1")]
    [InlineData("100ms", "00:00:00.1")]
    [InlineData("10microsecond", "00:00:00.00001")]
    [InlineData("1tick", "00:00:00.0000001")]
    [InlineData("15 seconds", "00:00:15")]
    [InlineData("2", "2.00:00:00")]
    [InlineData("0.12:34:56.7", "12:34:56.7")]
    [InlineData("0.00:03:00", "00:03:00")]
    [InlineData("0.00:01:00", "00:01:00")]
    [InlineData("1.02:03:04", "1.02:03:04")]
    [InlineData("02:03:04.5", "02:03:04.5")]
    [InlineData("29.09:00:05.12345", "29.09:00:05.12345")] // format-timespan-function.md
    [InlineData("-01:00:00", "-01:00:00")]
    [InlineData("-1d", "-1.00:00:00")]
    [InlineData("12:30", "12:30:00")]
    [InlineData("1:02:03:04", "1.02:03:04")]
    [InlineData("25min", "00:25:00")]
    [InlineData("2hrs", "02:00:00")]
    [InlineData("3 days", "3.00:00:00")]
    [InlineData("5millis", "00:00:00.005")]
    [InlineData("1500nanoseconds", "00:00:00.0000015")]
    [InlineData("7ticks", "00:00:00.0000007")]
    [InlineData("1H", "01:00:00")]
    public void TryParse_reads_clock_and_unit_forms(string text, string expected)
    {
        Assert.True(TimeSpanText.TryParse(text, out var ticks), text);
        Assert.Equal(Ticks.Span(expected), ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1w")] // no week unit in KQL
    [InlineData("24:00:00")]
    [InlineData("00:60:00")]
    [InlineData("00:00:60")]
    [InlineData("1:2:3:4:5")]
    [InlineData("1.5.3h")]
    [InlineData("100000000000000000d")]
    [InlineData("h")]
    public void TryParse_rejects_what_is_not_a_timespan(string text)
    {
        Assert.False(TimeSpanText.TryParse(text, out _));
    }

    [Fact]
    public void ParseLiteral_reads_null_and_values()
    {
        Assert.Equal(KqlLiteralKind.Null, TimeSpanText.ParseLiteral("null", out _));
        Assert.Equal(KqlLiteralKind.Value, TimeSpanText.ParseLiteral("15 seconds", out var seconds));
        Assert.Equal(15 * KqlTime.TicksPerSecond, seconds);
        Assert.Equal(KqlLiteralKind.Value, TimeSpanText.ParseLiteral("2", out var days));
        Assert.Equal(2 * KqlTime.TicksPerDay, days);
        Assert.Equal(KqlLiteralKind.Invalid, TimeSpanText.ParseLiteral("", out _));
    }
}
