namespace Vigil.Simulator.Tests;

public sealed class DeterminismTests
{
    private static readonly SimulationOptions Small = new()
    {
        Seed = 42,
        Days = 2,
        Devices = 6,
        End = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc),
        BatchRows = 500,
    };

    [Fact]
    public void The_same_seed_gives_identical_rows()
    {
        var first = MemorySink.Generate(Small);
        var second = MemorySink.Generate(Small);
        Assert.Equal(first.Tables.Keys, second.Tables.Keys);
        foreach (var (table, rows) in first.Tables)
        {
            Assert.True(rows.ToString() == second.Tables[table].ToString(), $"{table} differs between two runs with the same seed");
        }
    }

    [Fact]
    public void A_different_seed_gives_different_rows()
    {
        var first = MemorySink.Generate(Small);
        var other = MemorySink.Generate(Small with { Seed = 43 });
        foreach (var table in new[] { "DeviceProcessEvents", "DeviceNetworkEvents", "DeviceInfo", "EmailEvents", "IdentityInfo" })
        {
            Assert.NotEqual(first.Tables[table].ToString(), other.Tables[table].ToString());
        }
    }

    [Fact]
    public void The_batch_size_does_not_change_the_rows()
    {
        var small = MemorySink.Generate(Small);
        var large = MemorySink.Generate(Small with { BatchRows = 100_000 });
        foreach (var (table, rows) in small.Tables)
        {
            Assert.Equal(rows.ToString(), large.Tables[table].ToString());
        }
    }

    [Fact]
    public void Every_row_lies_in_the_window_that_ends_at_the_given_end()
    {
        var sink = MemorySink.Generate(Small);
        var start = Small.End.AddDays(-Small.Days);
        foreach (var (table, _) in sink.Tables)
        {
            foreach (var row in sink.Rows(table))
            {
                using var document = System.Text.Json.JsonDocument.Parse(row);
                var time = document.RootElement.GetProperty("Timestamp").GetDateTime().ToUniversalTime();
                Assert.True(time >= start && time < Small.End, $"{table}: {time:o} is outside [{start:o}, {Small.End:o})");
            }
        }
    }

    [Fact]
    public void Out_of_range_options_are_refused_with_the_option_named()
    {
        var e = Assert.Throws<ArgumentException>(() => MemorySink.Generate(Small with { Days = 0 }));
        Assert.Contains("days", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => MemorySink.Generate(Small with { Devices = SimulationOptions.MaxDevices + 1 }));
        Assert.Contains("devices", e.Message, StringComparison.Ordinal);
    }
}
