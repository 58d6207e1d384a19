using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Values;

/// <summary>
/// The per-row paths (span formatting and parsing, binning, calendar arithmetic) allocate nothing on the managed
/// heap. Counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/> after a warm-up; no timing involved.
/// </summary>
public sealed class AllocationTests
{
    private static long AllocatedBy(Action action)
    {
        action(); // warm-up: static initializers, first-call JIT paths
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Formatting_into_spans_does_not_allocate()
    {
        var ticks = Ticks.Of("2015-12-31 23:59:59.9");
        Assert.True(TemporalFormat.TryCreateDateTime("yyyy-MM-dd [hh:mm:ss.FFF tt] dddd", out var dateFormat));
        Assert.True(TemporalFormat.TryCreateTimeSpan("d.hh:mm:ss.fffffff", out var spanFormat));
        var guid = Guid.NewGuid();
        var allocated = AllocatedBy(() =>
        {
            Span<char> buffer = stackalloc char[64];
            DateTimeText.TryFormat(ticks, buffer, out _);
            DateTimeText.TryFormat(ticks, buffer, out _, DateTimeTextStyle.Trimmed);
            TimeSpanText.TryFormat(-123456789012345, buffer, out _);
            RealText.TryFormat(0.1 + 0.2, buffer, out _);
            RealText.TryFormatJsonNumber(42, buffer, out _);
            IntegerText.TryFormat(long.MinValue, buffer, out _);
            DecimalText.TryFormat(1.50m, buffer, out _);
            GuidText.TryFormat(guid, buffer, out _);
            BoolText.TryFormat(true, buffer, out _);
            dateFormat!.TryFormat(ticks, buffer, out _);
            spanFormat!.TryFormat(123456789012345, buffer, out _);
        });
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Parsing_from_spans_does_not_allocate()
    {
        var allocated = AllocatedBy(() =>
        {
            DateTimeText.TryParse("2014-05-25T08:20:03.123456Z", out _);
            DateTimeText.TryParse("2014-11-08 15:55", out _);
            DateTimeText.TryParse("Sat, 8 Nov 14 15:05:02 GMT", out _);
            DateTimeText.TryParse("not a date", out _);
            TimeSpanText.TryParse("1.02:03:04.5", out _);
            TimeSpanText.TryParse("2.5h", out _);
            TimeSpanText.TryParse("10microsecond", out _);
            RealText.TryParse("1.5e10", out _);
            IntegerText.TryParseLong("-42", out _);
            IntegerText.TryParseInt("2.5", out _);
            DecimalText.TryParse("1.25", out _);
            BoolText.TryParse("True", out _);
            GuidText.TryParse("74be27de-1e4e-49d9-b579-fe0b331d3642", out _);
            GuidText.TryParse("0123456789ab-cdef-0123-456789abcdef", out _);
        });
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Calendar_arithmetic_and_binning_do_not_allocate()
    {
        var ticks = Ticks.Of("2017-10-30 01:02:03.7654321");
        var allocated = AllocatedBy(() =>
        {
            Binning.TryBin(ticks, KqlTime.TicksPerHour, out _);
            Binning.TryBinAt(ticks, KqlTime.TicksPerDay, KqlTime.UnixEpochTicks, out _);
            Binning.TryBin(4.5, 1.0, out _);
            DateTimeFunctions.TryStartOfWeek(ticks, 1, out _);
            DateTimeFunctions.TryEndOfMonth(ticks, -1, out _);
            DateTimeFunctions.TryEndOfYear(ticks, 0, out _);
            DateTimeFunctions.DatePart(DateTimePeriod.WeekOfYear, ticks);
            DateTimeFunctions.DateDiff(DateTimePeriod.Week, ticks, KqlTime.UnixEpochTicks);
            DateTimeFunctions.TryDateAdd(DateTimePeriod.Month, 13, ticks, out _);
            DateTimeFunctions.TryMakeDateTime(2017, 10, 1, 12, 11, 0.5, out _);
            DateTimePeriodFacts.TryParsePeriod("Millisecond", out _);
            KqlArithmetic.TryModulo(-14L, 12L, out _);
        });
        Assert.Equal(0, allocated);
    }
}
