using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class TemporalFormatTests
{
    private static string FormatDateTime(string date, string format)
    {
        Assert.True(TemporalFormat.TryCreateDateTime(format, out var compiled), format);
        return compiled!.Format(Ticks.Of(date));
    }

    private static string FormatTimeSpan(string span, string format)
    {
        Assert.True(TemporalFormat.TryCreateTimeSpan(format, out var compiled), format);
        return compiled!.Format(Ticks.Span(span));
    }

    // format-datetime-function.md examples.
    [Theory]
    [InlineData("yy-MM-dd [HH:mm:ss]", "17-01-29 [09:00:05]")]
    [InlineData("yyyy-M-dd [H:mm:ss]", "2017-1-29 [9:00:05]")]
    [InlineData("yy-MM-dd [hh:mm:ss tt]", "17-01-29 [09:00:05 AM]")]
    public void Format_datetime_matches_the_reference_examples(string format, string expected)
    {
        Assert.Equal(expected, FormatDateTime("2017-01-29 09:00:05", format));
    }

    // format-datetime-function.md table of specifiers.
    [Theory]
    [InlineData("2009-06-01 13:45:30", "d", "1")]
    [InlineData("2009-06-15 13:45:30", "d", "15")]
    [InlineData("2009-06-01 13:45:30", "dd", "01")]
    [InlineData("2009-06-15 13:45:30.617", "f", "6")]
    [InlineData("2009-06-15 13:45:30.05", "f", "0")]
    [InlineData("2009-06-15 13:45:30.617", "ff", "61")]
    [InlineData("2009-06-15 13:45:30.005", "ff", "00")]
    [InlineData("2009-06-15 13:45:30.617", "fff", "617")]
    [InlineData("2009-06-15 13:45:30.0005", "fff", "000")]
    [InlineData("2009-06-15 13:45:30.6175", "ffff", "6175")]
    [InlineData("2009-06-15 13:45:30.61754", "fffff", "61754")]
    [InlineData("2009-06-15 13:45:30.617542", "ffffff", "617542")]
    [InlineData("2009-06-15 13:45:30.6175425", "fffffff", "6175425")]
    [InlineData("2009-06-15 13:45:30.000115", "fffffff", "0001150")]
    [InlineData("2009-06-15 13:45:30.617", "F", "6")]
    [InlineData("2009-06-15 13:45:30.05", "F", "")]
    [InlineData("2009-06-15 13:45:30.617", "FF", "61")]
    [InlineData("2009-06-15 13:45:30.005", "FF", "")]
    [InlineData("2009-06-15 13:45:30.5275", "FFFF", "5275")]
    [InlineData("2009-06-15 13:45:30.000115", "FFFFFFF", "000115")]
    [InlineData("2009-06-15 01:45:30", "h", "1")]
    [InlineData("2009-06-15 13:45:30", "h", "1")]
    [InlineData("2009-06-15 01:45:30", "hh", "01")]
    [InlineData("2009-06-15 13:45:30", "hh", "01")]
    [InlineData("2009-06-15 00:45:30", "hh", "12")]
    [InlineData("2009-06-15 13:45:30", "H", "13")]
    [InlineData("2009-06-15 01:45:30", "HH", "01")]
    [InlineData("2009-06-15 01:09:30", "m", "9")]
    [InlineData("2009-06-15 01:09:30", "mm", "09")]
    [InlineData("2009-06-15 13:45:30", "M", "6")]
    [InlineData("2009-06-15 13:45:30", "MM", "06")]
    [InlineData("2009-06-15 13:45:09", "s", "9")]
    [InlineData("2009-06-15 13:45:09", "ss", "09")]
    [InlineData("0001-01-01", "y", "1")]
    [InlineData("0900-01-01", "y", "0")]
    [InlineData("2009-06-15 13:45:30", "y", "9")]
    [InlineData("2019-06-15 13:45:30", "y", "19")]
    [InlineData("0001-01-01", "yy", "01")]
    [InlineData("1900-01-01", "yy", "00")]
    [InlineData("0900-01-01", "yyyy", "0900")]
    [InlineData("2009-06-15 13:45:09", "tt", "PM")]
    [InlineData("2009-06-15 13:45:30", "HH:mm:ss.FFF", "13:45:30")] // an empty F run drops the point before it
    [InlineData("2009-06-15 13:45:30.5", "HH:mm:ss.FFF", "13:45:30.5")]
    [InlineData("2009-06-15 13:45:30", "ddd, dd MMM yyyy", "Mon, 15 Jun 2009")]
    [InlineData("2009-06-15 13:45:30", "dddd MMMM", "Monday June")]
    [InlineData("2009-06-15 13:45:30", "yyyy-MM-ddTHH:mm:ss'Z'", "2009-06-15T13:45:30Z")]
    [InlineData("2009-06-15 13:45:30", "yyyy_MM_dd\\h", "2009_06_15h")]
    public void Format_datetime_specifiers_match_the_reference_table(string date, string format, string expected)
    {
        Assert.Equal(expected, FormatDateTime(date, format));
    }

    // format-timespan-function.md example and table.
    [Theory]
    [InlineData("29.09:00:05.12345", "dd.hh:mm:ss:FF", "29.09:00:05:12")]
    [InlineData("29.09:00:05.12345", "ddd.h:mm:ss [fffffff]", "029.9:00:05 [1234500]")]
    [InlineData("15.13:45:30", "d", "15")]
    [InlineData("15.13:45:30", "dd", "15")]
    [InlineData("15.13:45:30", "ddd", "015")]
    [InlineData("15.01:45:30", "H", "1")]
    [InlineData("15.13:45:30", "HH", "13")]
    [InlineData("15.01:09:30", "m", "9")]
    [InlineData("15.01:09:30", "mm", "09")]
    [InlineData("15.13:45:09", "s", "9")]
    [InlineData("15.13:45:09", "ss", "09")]
    [InlineData("15.13:45:30.6175425", "fffffff", "6175425")]
    [InlineData("15.13:45:30.0500000", "F", "")]
    [InlineData("-01:30:00", "hh:mm", "01:30")]
    public void Format_timespan_matches_the_reference(string span, string format, string expected)
    {
        Assert.Equal(expected, FormatTimeSpan(span, format));
    }

    [Theory]
    [InlineData("yyyy-MM-dd zzz")]
    [InlineData("fffffffff")]
    [InlineData("'unterminated")]
    [InlineData("trailing\\")]
    [InlineData("K")]
    public void Unsupported_datetime_formats_are_rejected(string format)
    {
        Assert.False(TemporalFormat.TryCreateDateTime(format, out _));
    }

    [Theory]
    [InlineData("yyyy")]
    [InlineData("MM")]
    [InlineData("tt")]
    [InlineData("ddddddddd")]
    public void Unsupported_timespan_formats_are_rejected(string format)
    {
        Assert.False(TemporalFormat.TryCreateTimeSpan(format, out _));
    }

    [Fact]
    public void TryFormat_reports_a_too_small_destination()
    {
        Assert.True(TemporalFormat.TryCreateDateTime("yyyy-MM-dd", out var compiled));
        Span<char> small = stackalloc char[4];
        Assert.False(compiled!.TryFormat(Ticks.Of("2009-06-15"), small, out _));
        Span<char> enough = stackalloc char[10];
        Assert.True(compiled.TryFormat(Ticks.Of("2009-06-15"), enough, out var written));
        Assert.Equal("2009-06-15", enough[..written].ToString());
    }
}
