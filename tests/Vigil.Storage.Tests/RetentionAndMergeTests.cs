namespace Vigil.Storage.Tests;

public sealed class RetentionAndMergeTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TableSchema Schema = new("Ret_CL", [
        new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
        new ColumnDefinition("N", ColumnType.Long),
    ]);

    private static string Rows(int from, int to, DateTimeOffset time)
    {
        var text = new System.Text.StringBuilder();
        for (var i = from; i < to; i++)
        {
            text.Append("{\"TimeGenerated\":\"").Append(time.AddMinutes(i - from).UtcDateTime.ToString("o")).Append("\",\"N\":").Append(i).Append("}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Rows_past_retention_vanish_from_reads_at_once_and_from_disk_after_compaction()
    {
        using var dir = new TempDirectory();
        var clock = new ManualClock(Start);
        using var ws = Workspace.Open(dir.Path, TestData.Options(clock, blockRows: 16));
        ws.CreateTable(Schema, retentionDays: 10);
        ws.Ingest("Ret_CL", TestData.Utf8(Rows(0, 50, Start.AddDays(-20))), IngestFormat.JsonLines);   // will be wholly expired
        ws.Ingest("Ret_CL", TestData.Utf8(Rows(50, 60, Start.AddDays(-9.999)) + Rows(60, 70, Start.AddDays(-5))), IngestFormat.JsonLines);
        ws.Ingest("Ret_CL", TestData.Utf8(Rows(70, 80, Start.AddDays(-1))), IngestFormat.JsonLines);

        using (var snapshot = ws.GetSnapshot())
        {
            Assert.Equal(2, snapshot.GetTable("Ret_CL")!.Extents.Count); // the wholly expired extent is left out
            Assert.Equal(Enumerable.Range(50, 30).Select(i => (long)i), TestData.ReadRows(snapshot, "Ret_CL").Select(r => (long)r[1]!));
        }

        clock.Now = Start.AddDays(1); // rows 50..59 now expire too (they lie in the middle extent)
        using (var snapshot = ws.GetSnapshot())
        {
            var table = snapshot.GetTable("Ret_CL")!;
            Assert.True(table.Extents[0].RequiresRetentionFilter);
            Assert.False(table.Extents[1].RequiresRetentionFilter);
            Assert.Equal(Enumerable.Range(60, 20).Select(i => (long)i), TestData.ReadRows(snapshot, "Ret_CL").Select(r => (long)r[1]!));
        }

        var filesBefore = Directory.GetFiles(Path.Combine(dir.Path, "extents")).Length;
        Assert.Equal(3, filesBefore);
        ws.Compact();
        using (var snapshot = ws.GetSnapshot())
        {
            var table = snapshot.GetTable("Ret_CL")!;
            Assert.Equal(20, table.StoredRowCount); // expired rows are gone from disk, not just hidden
            Assert.All(table.Extents, e => Assert.False(e.RequiresRetentionFilter));
            Assert.Equal(Enumerable.Range(60, 20).Select(i => (long)i), TestData.ReadRows(snapshot, "Ret_CL").Select(r => (long)r[1]!).Order());
        }

        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "extents")));
    }

    [Fact]
    public void Small_extents_merge_into_one_and_rows_are_unchanged()
    {
        using var dir = new TempDirectory();
        var clock = new ManualClock(Start);
        using var ws = Workspace.Open(dir.Path, TestData.Options(clock, blockRows: 8));
        ws.CreateTable(Schema);
        for (var i = 0; i < 10; i++)
        {
            ws.Ingest("Ret_CL", TestData.Utf8(Rows(i * 7, i * 7 + 7, Start.AddHours(-1))), IngestFormat.JsonLines);
        }

        using var before = ws.GetSnapshot();
        Assert.Equal(10, before.GetTable("Ret_CL")!.Extents.Count);
        ws.Compact();
        using var after = ws.GetSnapshot();
        var table = after.GetTable("Ret_CL")!;
        var extent = Assert.Single(table.Extents);
        Assert.Equal(70, extent.RowCount);
        Assert.Equal(9, extent.BlockCount);
        Assert.Equal(Enumerable.Range(0, 70).Select(i => (long)i), TestData.ReadRows(after, "Ret_CL").Select(r => (long)r[1]!));

        // The older snapshot still reads the merged-away extents through its open handles.
        Assert.Equal(70, TestData.ReadRows(before, "Ret_CL").Count);
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "extents")));

        ws.Dispose();
        using var reopened = Workspace.Open(dir.Path, TestData.Options(clock));
        using var snapshot = reopened.GetSnapshot();
        Assert.Equal(70, TestData.ReadRows(snapshot, "Ret_CL").Count);
    }

    [Fact]
    public void Time_range_pruning_uses_block_and_extent_min_max()
    {
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Start), blockRows: 10));
        ws.CreateTable(Schema);
        ws.Ingest("Ret_CL", TestData.Utf8(Rows(0, 30, Start.AddDays(-2))), IngestFormat.JsonLines);
        using var snapshot = ws.GetSnapshot();
        var extent = Assert.Single(snapshot.GetTable("Ret_CL")!.Extents);
        Assert.True(extent.TryGetRange(0, out var whole));
        Assert.Equal(Start.AddDays(-2).UtcDateTime, whole.MinDateTime);
        Assert.Equal(Start.AddDays(-2).AddMinutes(29).UtcDateTime, whole.MaxDateTime);
        Assert.True(extent.TryGetBlockRange(0, 1, out var second));
        Assert.Equal(Start.AddDays(-2).AddMinutes(10).UtcDateTime, second.MinDateTime);
        Assert.Equal(Start.AddDays(-2).AddMinutes(19).UtcDateTime, second.MaxDateTime);
        Assert.True(extent.TryGetBlockRange(1, 2, out var numbers));
        Assert.Equal((20L, 29L), (numbers.MinInt64, numbers.MaxInt64));
    }

    [Fact]
    public void Concurrent_ingestions_all_land_exactly_once()
    {
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, new WorkspaceOptions { TimeProvider = new ManualClock(Start), WalBatchRows = 5, BlockRows = 32, TargetExtentRows = 200 });
        ws.CreateTable(Schema);
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var result = ws.Ingest("Ret_CL", TestData.Utf8(Rows(t * 100, t * 100 + 100, Start.AddHours(-1))), IngestFormat.JsonLines);
            Assert.Equal(100, result.AcceptedRows);
        });
        ws.Compact();
        using var snapshot = ws.GetSnapshot();
        Assert.Equal(Enumerable.Range(0, 1600).Select(i => (long)i), TestData.ReadRows(snapshot, "Ret_CL").Select(r => (long)r[1]!).Order());
        Assert.Empty(ws.Problems);
    }
}
