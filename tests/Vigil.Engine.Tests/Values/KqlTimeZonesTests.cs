using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class KqlTimeZonesTests
{
    private static string LocalToUtc(string local, string zone)
    {
        Assert.True(KqlTimeZones.TryLocalToUtc(Ticks.Of(local), zone, out var utc), zone);
        return DateTimeText.Format(utc, DateTimeTextStyle.Table);
    }

    private static string UtcToLocal(string utc, string zone)
    {
        Assert.True(KqlTimeZones.TryUtcToLocal(Ticks.Of(utc), zone, out var local), zone);
        return DateTimeText.Format(local, DateTimeTextStyle.Table);
    }

    // datetime-local-to-utc-function.md, first example.
    [Theory]
    [InlineData("Europe/Paris", "2020-02-02 19:02:20.0000000")]
    [InlineData("America/Chicago", "2020-02-03 02:02:20.0000000")]
    [InlineData("US/Pacific", "2020-02-03 04:02:20.0000000")]
    [InlineData("us/pacific", "2020-02-03 04:02:20.0000000")]
    [InlineData("UTC", "2020-02-02 20:02:20.0000000")]
    public void Local_to_utc_matches_the_reference(string zone, string expected)
    {
        Assert.Equal(expected, LocalToUtc("2020-02-02 20:02:20", zone));
    }

    // datetime-local-to-utc-function.md, the daylight-saving example in Europe/Brussels.
    [Theory]
    [InlineData("2022-03-27 01:00", "2022-03-27 00:00:00.0000000", "2022-03-27 01:00:00.0000000")]
    [InlineData("2022-03-27 02:00", "2022-03-27 00:00:00.0000000", "2022-03-27 01:00:00.0000000")]
    [InlineData("2022-03-27 03:00", "2022-03-27 01:00:00.0000000", "2022-03-27 03:00:00.0000000")]
    [InlineData("2022-03-27 04:00", "2022-03-27 02:00:00.0000000", "2022-03-27 04:00:00.0000000")]
    public void Daylight_saving_gap_matches_the_reference(string local, string utc, string backToLocal)
    {
        var converted = LocalToUtc(local, "Europe/Brussels");
        Assert.Equal(utc, converted);
        Assert.Equal(backToLocal, UtcToLocal(converted[..19], "Europe/Brussels"));
    }

    [Fact]
    public void Unknown_zones_and_out_of_range_results_are_null()
    {
        Assert.False(KqlTimeZones.TryUtcToLocal(Ticks.Of("2020-01-01"), "Mars/Olympus_Mons", out _));
        Assert.False(KqlTimeZones.TryLocalToUtc(Ticks.Of("2020-01-01"), "", out _));
        Assert.False(KqlTimeZones.TryUtcToLocal(KqlTime.MaxDateTimeTicks, "Asia/Tokyo", out _));
        Assert.False(KqlTimeZones.TryUtcToLocal(0, "America/New_York", out _));
        Assert.Equal("2020-07-01 09:00:00.0000000", UtcToLocal("2020-07-01 00:00", "Asia/Tokyo"));
    }
}
