using Vigil.Testing;

namespace Vigil.Cli.Tests.WorkspaceCommands;

public sealed class IngestAndTablesTests : IDisposable
{
    private readonly TempDirectory _dir = new("vigil-ingest-");

    public void Dispose() => _dir.Dispose();

    private string Data => Path.Combine(_dir.Path, "ws");

    [Fact]
    public void Ingest_reports_accepted_and_rejected_rows_and_keeps_the_accepted_ones()
    {
        var file = _dir.Write("events.jsonl",
            "{\"Timestamp\":\"2026-11-20T10:00:00Z\",\"DeviceName\":\"pc1\",\"ProcessCommandLine\":\"cmd /c whoami\"}\n" +
            "{\"Timestamp\":\"not a date\",\"DeviceName\":\"pc2\"}\n" +
            "{\"Timestamp\":\"2026-11-21T11:00:00Z\",\"DeviceName\":\"pc3\"}\n");
        var (code, stdout, stderr) = CliRunner.Run("ingest", "--data", Data, "--table", "DeviceProcessEvents", file);
        Assert.Equal(1, code);
        Assert.Contains("2 rows accepted, 1 rejected", stdout, StringComparison.Ordinal);
        Assert.Contains("row 2:", stderr, StringComparison.Ordinal);
        Assert.Contains("not a date", stderr, StringComparison.Ordinal);

        var (queryCode, result, queryError) = CliRunner.Run("query", "--data", Data, "--format", "csv",
            "DeviceProcessEvents | order by DeviceName asc | project DeviceName");
        Assert.True(queryCode == 0, queryError);
        Assert.Equal("DeviceName\npc1\npc3\n", result.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Tables_lists_rows_time_range_and_retention()
    {
        var file = _dir.Write("e.csv", "Timestamp,DeviceName\n2026-11-20T10:00:00Z,pc1\n2026-11-22T08:30:00Z,pc2\n");
        Assert.Equal(0, CliRunner.Run("ingest", "--data", Data, "--table", "DeviceInfo", file).ExitCode);
        var (code, stdout, _) = CliRunner.Run("tables", "--data", Data);
        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n'), l => l.StartsWith("DeviceInfo", StringComparison.Ordinal));
        Assert.Matches(@"^DeviceInfo\s+2\s+[\d.]+ (B|KiB)\s+2026-11-20 10:00:00\s+2026-11-22 08:30:00\s+90 d$", line);
    }

    [Fact]
    public void Unknown_table_and_missing_file_are_user_errors_that_ingest_nothing()
    {
        var file = _dir.Write("e.jsonl", "{\"DeviceName\":\"pc1\"}\n");
        var (code, _, stderr) = CliRunner.Run("ingest", "--data", Data, "--table", "NoSuchTable", file);
        Assert.Equal(2, code);
        Assert.Contains("NoSuchTable", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("ingest", "--data", Data, "--table", "DeviceInfo", file, Path.Combine(_dir.Path, "missing.jsonl"));
        Assert.Equal(2, code);
        Assert.Contains("missing.jsonl", stderr, StringComparison.Ordinal);
        Assert.Contains("no tables", CliRunner.Run("tables", "--data", Data).Stdout, StringComparison.Ordinal);
    }
}
