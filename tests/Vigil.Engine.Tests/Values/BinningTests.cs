using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

public sealed class BinningTests
{
    // bin-function.md examples.
    [Fact]
    public void Bin_matches_the_reference_examples()
    {
        Assert.True(Binning.TryBin(4.5, 1, out var real));
        Assert.Equal(4, real);
        Assert.True(Binning.TryBin(16 * KqlTime.TicksPerDay, 7 * KqlTime.TicksPerDay, out var span));
        Assert.Equal(14 * KqlTime.TicksPerDay, span);
        Assert.True(Binning.TryBinDateTime(Ticks.Of("1970-05-11 13:45:07"), KqlTime.TicksPerDay, out var date));
        Assert.Equal(Ticks.Of("1970-05-11"), date);
    }

    [Fact]
    public void Bin_rounds_toward_negative_infinity_and_rejects_non_positive_sizes()
    {
        Assert.True(Binning.TryBin(-1L, 10L, out var negative));
        Assert.Equal(-10, negative);
        Assert.True(Binning.TryBin(-10L, 10L, out var exact));
        Assert.Equal(-10, exact);
        Assert.True(Binning.TryBin(-0.5, 1.0, out var real));
        Assert.Equal(-1, real);
        Assert.False(Binning.TryBin(5L, 0L, out _));
        Assert.False(Binning.TryBin(5L, -1L, out _));
        Assert.False(Binning.TryBin(5.0, 0.0, out _));
        Assert.False(Binning.TryBin(5.0, double.NaN, out _));
        Assert.False(Binning.TryBin(long.MinValue, 10L, out _)); // the bin start does not fit a long
    }

    // Weekly bins are counted from 0001-01-01, a Monday.
    [Fact]
    public void Bin_of_datetimes_by_weeks_starts_on_mondays()
    {
        Assert.True(Binning.TryBinDateTime(Ticks.Of("2023-01-05 10:00"), KqlTime.TicksPerWeek, out var week));
        Assert.Equal(Ticks.Of("2023-01-02"), week);
    }

    // bin-at-function.md examples.
    [Fact]
    public void BinAt_matches_the_reference_examples()
    {
        Assert.True(Binning.TryBinAt(6.5, 2.5, 7, out var real));
        Assert.Equal(4.5, real);
        Assert.True(Binning.TryBinAt(KqlTime.TicksPerHour, KqlTime.TicksPerDay, 12 * KqlTime.TicksPerHour, out var span));
        Assert.Equal("-12:00:00", TimeSpanText.Format(span));
        Assert.True(Binning.TryBinAtDateTime(Ticks.Of("2017-05-15 10:20"), KqlTime.TicksPerDay, Ticks.Of("1970-01-01 12:00"), out var noon));
        Assert.Equal("2017-05-14T12:00:00Z", DateTimeText.Format(noon, DateTimeTextStyle.Trimmed));
        Assert.True(Binning.TryBinAtDateTime(Ticks.Of("2017-05-17 10:20"), 7 * KqlTime.TicksPerDay, Ticks.Of("2017-06-04"), out var sunday));
        Assert.Equal("2017-05-14T00:00:00Z", DateTimeText.Format(sunday, DateTimeTextStyle.Trimmed));
        var fixedPoint = Ticks.Of("2018-02-24 15:14");
        string Bin(string value)
        {
            Assert.True(Binning.TryBinAtDateTime(Ticks.Of(value), KqlTime.TicksPerDay, fixedPoint, out var result));
            return DateTimeText.Format(result, DateTimeTextStyle.Trimmed);
        }

        Assert.Equal("2018-02-24T15:14:00Z", Bin("2018-02-24 15:14"));
        Assert.Equal("2018-02-24T15:14:00Z", Bin("2018-02-24 15:24"));
        Assert.Equal("2018-02-23T15:14:00Z", Bin("2018-02-23 16:14"));
        Assert.Equal("2018-02-23T15:14:00Z", Bin("2018-02-23 17:29"));
        Assert.Equal("2018-02-26T15:14:00Z", Bin("2018-02-26 15:14"));
        Assert.False(Binning.TryBinAt(1L, 0L, 0L, out _));
        Assert.False(Binning.TryBinAtDateTime(5, KqlTime.TicksPerDay, KqlTime.TicksPerHour, out _));
    }

    [Property(MaxTest = 1000)]
    public Property Bin_is_idempotent_and_at_most_one_bin_below() =>
        Prop.ForAll(ValueGenerators.AnyLong.ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (value, size) =>
        {
            if (!Binning.TryBin(value, size, out var once))
            {
                return (value < long.MinValue + size).ToProperty();
            }

            return (Binning.TryBin(once, size, out var twice) && twice == once && once <= value
                && (Int128)value - once < size && once % size == 0).ToProperty();
        });

    [Property(MaxTest = 1000)]
    public Property Real_bin_is_idempotent() =>
        Prop.ForAll(Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (value, size) =>
        {
            var x = value / 7.0;
            var s = size / 4.0;
            return Binning.TryBin(x, s, out var once) && Binning.TryBin(once, s, out var twice) && twice == once && once <= x;
        });

    [Property(MaxTest = 1000)]
    public Property BinAt_aligns_to_the_fixed_point() =>
        Prop.ForAll(ValueGenerators.DateTimeTicks.ToArbitrary(), ValueGenerators.DateTimeTicks.ToArbitrary(),
            Gen.Choose(1, int.MaxValue).ToArbitrary(), (value, fixedPoint, size) =>
            {
                if (!Binning.TryBinAt(value, size, fixedPoint, out var binned))
                {
                    return false;
                }

                return binned <= value && value - binned < size && ((Int128)binned - fixedPoint) % size == 0
                    && Binning.TryBinAt(binned, size, fixedPoint, out var again) && again == binned;
            });
}
