using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class DateTimeTextTests
{
    // scalar-data-types/datetime.md: datetime(2015-12-31 23:59:59.9); tostring() gives ISO 8601 with 7 digits and Z.
    [Fact]
    public void Format_kusto_style_has_seven_fraction_digits_and_Z()
    {
        Assert.Equal("2015-12-31T23:59:59.9000000Z", DateTimeText.Format(Ticks.Of("2015-12-31 23:59:59.9")));
        Assert.Equal("0001-01-01T00:00:00.0000000Z", DateTimeText.Format(KqlTime.MinDateTimeTicks));
        Assert.Equal("9999-12-31T23:59:59.9999999Z", DateTimeText.Format(KqlTime.MaxDateTimeTicks));
    }

    [Fact]
    public void Format_trimmed_style_drops_trailing_zeros_and_the_bare_point()
    {
        Assert.Equal("2015-12-31T23:59:59.9Z", DateTimeText.Format(Ticks.Of("2015-12-31 23:59:59.9"), DateTimeTextStyle.Trimmed));
        Assert.Equal("2017-05-14T12:00:00Z", DateTimeText.Format(Ticks.Of("2017-05-14 12:00"), DateTimeTextStyle.Trimmed));
        Assert.Equal("2017-10-01T12:11:00.1234567Z",
            DateTimeText.Format(Ticks.Of("2017-10-01 12:11:00.1234567"), DateTimeTextStyle.Trimmed));
    }

    // The reference's result tables (e.g. make-datetime-function.md) print "2017-10-01 12:11:00.1234567".
    [Fact]
    public void Format_table_style_matches_the_reference_tables()
    {
        Assert.Equal("2017-10-01 12:11:00.1234567",
            DateTimeText.Format(Ticks.Of("2017-10-01 12:11:00.1234567"), DateTimeTextStyle.Table));
    }

    [Fact]
    public void TryFormat_reports_a_too_small_destination_and_out_of_range_values()
    {
        Span<char> small = stackalloc char[10];
        Assert.False(DateTimeText.TryFormat(0, small, out _));
        Span<char> enough = stackalloc char[DateTimeText.MaxLength];
        Assert.False(DateTimeText.TryFormat(-1, enough, out _));
        Assert.False(DateTimeText.TryFormat(KqlTime.MaxDateTimeTicks + 1, enough, out _));
        Assert.Equal("", DateTimeText.Format(-1));
    }

    // scalar-data-types/datetime.md "Supported formats": every example of every table.
    [Theory]
    [InlineData("2014-05-25T08:20:03.123456Z", "2014-05-25 08:20:03.123456")]
    [InlineData("2014-05-25T08:20:03.123456", "2014-05-25 08:20:03.123456")]
    [InlineData("2014-05-25T08:20", "2014-05-25 08:20")]
    [InlineData("2014-11-08 15:55:55.123456Z", "2014-11-08 15:55:55.123456")]
    [InlineData("2014-11-08 15:55:55", "2014-11-08 15:55:55")]
    [InlineData("2014-11-08 15:55", "2014-11-08 15:55")]
    [InlineData("2014-11-08", "2014-11-08")]
    [InlineData("Sat, 8 Nov 14 15:05:02 GMT", "2014-11-08 15:05:02")]
    [InlineData("Sat, 8 Nov 14 15:05:02", "2014-11-08 15:05:02")]
    [InlineData("Sat, 8 Nov 14 15:05", "2014-11-08 15:05")]
    [InlineData("Sat, 8 Nov 14 15:05 GMT", "2014-11-08 15:05")]
    [InlineData("8 Nov 14 15:05:02 GMT", "2014-11-08 15:05:02")]
    [InlineData("8 Nov 14 15:05:02", "2014-11-08 15:05:02")]
    [InlineData("8 Nov 14 15:05", "2014-11-08 15:05")]
    [InlineData("8 Nov 14 15:05 GMT", "2014-11-08 15:05")]
    [InlineData("Saturday, 08-Nov-14 15:05:02 GMT", "2014-11-08 15:05:02")]
    [InlineData("Saturday, 08-Nov-14 15:05:02", "2014-11-08 15:05:02")]
    [InlineData("Saturday, 08-Nov-14 15:05 GMT", "2014-11-08 15:05")]
    [InlineData("Saturday, 08-Nov-14 15:05", "2014-11-08 15:05")]
    [InlineData("08-Nov-14 15:05:02 GMT", "2014-11-08 15:05:02")]
    [InlineData("08-Nov-14 15:05:02", "2014-11-08 15:05:02")]
    [InlineData("08-Nov-14 15:05 GMT", "2014-11-08 15:05")]
    [InlineData("08-Nov-14 15:05", "2014-11-08 15:05")]
    [InlineData("2014-11-08 15:05:25 GMT", "2014-11-08 15:05:25")]
    [InlineData("2014-11-08 15:05 GMT", "2014-11-08 15:05")]
    [InlineData("2014-11-08T15:05:25", "2014-11-08 15:05:25")]
    [InlineData("2014-11-08T15:05:25 GMT", "2014-11-08 15:05:25")]
    [InlineData("2014-11-08T15:05 GMT", "2014-11-08 15:05")]
    public void TryParse_accepts_every_documented_format(string text, string expected)
    {
        Assert.True(DateTimeText.TryParse(text, out var ticks), text);
        Assert.Equal(Ticks.Of(expected), ticks);
    }

    [Theory]
    [InlineData("Sat, 08 Nov 2014 15:05:02 GMT", "2014-11-08 15:05:02")] // RFC 1123
    [InlineData("2015-12-31 23:59:59.9", "2015-12-31 23:59:59.9")] // todatetime-function.md
    [InlineData("  2015-12-31  ", "2015-12-31")]
    [InlineData("2015-1-2", "2015-01-02")]
    [InlineData("2014-05-25T08:20:03+02:00", "2014-05-25 06:20:03")]
    [InlineData("2014-05-25T08:20:03-0530", "2014-05-25 13:50:03")]
    [InlineData("2014-05-25 08:20:03 UTC", "2014-05-25 08:20:03")]
    [InlineData("Tue, 25 May 2021 08:20:03 PST", "2021-05-25 16:20:03")]
    [InlineData("2014-05-25T08:20:03.123456789Z", "2014-05-25 08:20:03.1234567")] // digits past the 7th are dropped
    [InlineData("12-02-2022", "2022-12-02")] // todatetime-function.md: todatetime('12-02-2022') == datetime('12-02-2022')
    [InlineData("2015/12/31 10:00", "2015-12-31 10:00")]
    [InlineData("1999-12-31T23:00:00-01:00", "2000-01-01")]
    [InlineData("1/2/2023 3:04:05 PM", "2023-01-02 15:04:05")] // Windows event text, via the invariant fallback
    [InlineData("2023-01-02 15:04:05.123 +0000", "2023-01-02 15:04:05.123")]
    [InlineData("2023-01-02t15:04:05z", "2023-01-02 15:04:05")]
    public void TryParse_accepts_other_common_forms(string text, string expected)
    {
        Assert.True(DateTimeText.TryParse(text, out var ticks), text);
        Assert.Equal(Ticks.Of(expected), ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad")]
    [InlineData("a string that is not a date")]
    [InlineData("2015-13-01")]
    [InlineData("2015-02-29")]
    [InlineData("2015-12-31 24:00")]
    [InlineData("2015-12-31 23:60")]
    [InlineData("2015-12-31T10:00:00+25:00")]
    [InlineData("0001-01-01T00:00:00+01:00")] // before the datetime range
    [InlineData("Sat, 8 Noo 14 15:05:02 GMT")]
    [InlineData("2015-12-31 10:00 XYZ")]
    public void TryParse_rejects_what_is_not_a_datetime(string text)
    {
        Assert.False(DateTimeText.TryParse(text, out _));
    }

    [Fact]
    public void ParseLiteral_handles_now_null_quotes_and_components()
    {
        Assert.Equal(KqlLiteralKind.Now, DateTimeText.ParseLiteral("", out _));
        Assert.Equal(KqlLiteralKind.Now, DateTimeText.ParseLiteral("  ", out _));
        Assert.Equal(KqlLiteralKind.Null, DateTimeText.ParseLiteral("null", out _));
        Assert.Equal(KqlLiteralKind.Value, DateTimeText.ParseLiteral("2015-12-31 23:59:59.9", out var plain));
        Assert.Equal(Ticks.Of("2015-12-31 23:59:59.9"), plain);
        // bin-function.md: datetime('2007-04-07')
        Assert.Equal(KqlLiteralKind.Value, DateTimeText.ParseLiteral("'2007-04-07'", out var quoted));
        Assert.Equal(Ticks.Of("2007-04-07"), quoted);
        // endofweek-function.md: datetime(2025, 6, 14)
        Assert.Equal(KqlLiteralKind.Value, DateTimeText.ParseLiteral("2025, 6, 14", out var components));
        Assert.Equal(Ticks.Of("2025-06-14"), components);
        Assert.Equal(KqlLiteralKind.Value, DateTimeText.ParseLiteral("2017,10,01,12,11,0.1234567", out var full));
        Assert.Equal(Ticks.Of("2017-10-01 12:11:00.1234567"), full);
        Assert.Equal(KqlLiteralKind.Invalid, DateTimeText.ParseLiteral("2025, 13, 14", out _));
        Assert.Equal(KqlLiteralKind.Invalid, DateTimeText.ParseLiteral("2025, 6", out _));
        Assert.Equal(KqlLiteralKind.Invalid, DateTimeText.ParseLiteral("tomorrow", out _));
    }
}
