namespace Vigil.Storage.Tests;

public sealed class TermFilterCacheTests
{
    private static readonly TableSchema Schema = new("Cache_CL", [
        new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
        new ColumnDefinition("CommandLine", ColumnType.String),
    ]);

    private static Workspace Open(TempDirectory dir, long cacheBytes)
    {
        var options = TestData.Options(new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)), blockRows: 50);
        var ws = Workspace.Open(dir.Path, new WorkspaceOptions
        {
            BackgroundMaintenance = false,
            TimeProvider = options.TimeProvider,
            BlockRows = options.BlockRows,
            TermFilterCacheBytes = cacheBytes,
        });
        ws.CreateTable(Schema);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            text.Append("{\"CommandLine\":\"").Append(i == 120 ? "mimikatz.exe privilege::debug" : $"svchost.exe -k netsvcs /id:{i}").Append("\"}\n");
        }

        ws.Ingest("Cache_CL", TestData.Utf8(text.ToString()), IngestFormat.JsonLines);
        return ws;
    }

    private static List<int> BlocksWith(ExtentSnapshot extent, string term) =>
        Enumerable.Range(0, extent.BlockCount).Where(b => extent.BlockMayContainTerm(1, b, term)).ToList();

    [Fact]
    public void Repeated_term_lookups_read_each_filter_once_and_answer_the_same()
    {
        using var dir = new TempDirectory();
        using var ws = Open(dir, 1 << 20);
        using var snapshot = ws.GetSnapshot();
        var extent = Assert.Single(snapshot.GetTable("Cache_CL")!.Extents);
        var first = BlocksWith(extent, "mimikatz");
        Assert.Contains(2, first);
        Assert.Equal(extent.BlockCount, ws.TermFilters.Misses);
        Assert.Equal(0, ws.TermFilters.Hits);

        // Another term, another snapshot: the filters come from the cache.
        using var later = ws.GetSnapshot();
        var again = BlocksWith(Assert.Single(later.GetTable("Cache_CL")!.Extents), "netsvcs");
        Assert.Equal(extent.BlockCount, again.Count);
        Assert.Equal(first, BlocksWith(extent, "mimikatz"));
        Assert.Equal(extent.BlockCount, ws.TermFilters.Misses);
        Assert.Equal(2L * extent.BlockCount, ws.TermFilters.Hits);
    }

    [Fact]
    public void The_cache_stays_within_its_budget_and_still_answers()
    {
        using var dir = new TempDirectory();
        using var ws = Open(dir, 300); // room for about two small filters
        using var snapshot = ws.GetSnapshot();
        var extent = Assert.Single(snapshot.GetTable("Cache_CL")!.Extents);
        for (var round = 0; round < 3; round++)
        {
            Assert.Contains(2, BlocksWith(extent, "mimikatz"));
            Assert.InRange(ws.TermFilters.Bytes, 1, 300);
        }

        // Least recently used entries went: cycling through more blocks than fit reads them again.
        Assert.True(ws.TermFilters.Misses > extent.BlockCount);
    }

    [Fact]
    public void A_zero_budget_turns_the_cache_off()
    {
        using var dir = new TempDirectory();
        using var ws = Open(dir, 0);
        using var snapshot = ws.GetSnapshot();
        var extent = Assert.Single(snapshot.GetTable("Cache_CL")!.Extents);
        Assert.Contains(2, BlocksWith(extent, "mimikatz"));
        Assert.Contains(2, BlocksWith(extent, "mimikatz"));
        Assert.Equal(0, ws.TermFilters.Bytes);
        Assert.Equal(0, ws.TermFilters.Hits);
    }
}
