using Vigil.Storage.Catalog;

namespace Vigil.Storage.Tests;

public sealed class CatalogTests
{
    [Fact]
    public void Persisted_column_type_values_never_change()
    {
        // These numbers are on disk in catalogs, WAL records and extents.
        Assert.Equal(
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
            new[] { ColumnType.Bool, ColumnType.Int, ColumnType.Long, ColumnType.Real, ColumnType.Decimal, ColumnType.DateTime,
                ColumnType.TimeSpan, ColumnType.String, ColumnType.Dynamic, ColumnType.Guid }.Select(t => (int)t));
        Assert.Equal([1, 2], new[] { UnknownPropertyPolicy.Drop, UnknownPropertyPolicy.RejectRow }.Select(p => (int)p));
    }

    [Fact]
    public void Tables_columns_and_retention_survive_reopen()
    {
        using var dir = new TempDirectory();
        var schema = new TableSchema("App_CL", [new ColumnDefinition("TimeGenerated", ColumnType.DateTime), new ColumnDefinition("A", ColumnType.String)]);
        using (var ws = Workspace.Open(dir.Path, TestData.Options()))
        {
            Assert.Equal(90, ws.DefaultRetentionDays);
            ws.CreateTable(schema, retentionDays: 30, UnknownPropertyPolicy.RejectRow);
            ws.AddColumns("App_CL", [new ColumnDefinition("B", ColumnType.Long)]);
            ws.SetDefaultRetention(120);
            Assert.Throws<InvalidOperationException>(() => ws.AddColumns("App_CL", [new ColumnDefinition("A", ColumnType.Long)]));
        }

        using (var ws = Workspace.Open(dir.Path, TestData.Options()))
        {
            var table = ws.GetTable("App_CL")!;
            Assert.Equal(["TimeGenerated:datetime", "A:string", "B:long"], table.Columns.Select(c => c.ToString()));
            Assert.Equal(30, ws.GetRetention("App_CL"));
            Assert.Equal(120, ws.DefaultRetentionDays);
            ws.SetRetention("App_CL", null);
            Assert.Equal(120, ws.GetRetention("App_CL"));
            Assert.Empty(new DirectoryInfo(dir.Path).GetFiles("*.tmp"));
        }
    }

    [Fact]
    public void Added_columns_read_as_null_in_older_extents()
    {
        using var dir = new TempDirectory();
        var clock = new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var ws = Workspace.Open(dir.Path, TestData.Options(clock));
        ws.CreateTable(new TableSchema("App_CL", [new ColumnDefinition("A", ColumnType.Long)]));
        ws.Ingest("App_CL", TestData.Utf8("{\"A\":1,\"B\":\"dropped\"}"), IngestFormat.JsonLines);
        ws.AddColumns("App_CL", [new ColumnDefinition("B", ColumnType.String), new ColumnDefinition("C", ColumnType.Real)]);
        ws.Ingest("App_CL", TestData.Utf8("{\"A\":2,\"B\":\"kept\",\"C\":0.5}"), IngestFormat.JsonLines);
        using var snapshot = ws.GetSnapshot();
        var rows = TestData.ReadRows(snapshot, "App_CL");
        Assert.Equal([1L, null, null], rows[0]);
        Assert.Equal([2L, "kept", 0.5], rows[1]);
        var old = snapshot.GetTable("App_CL")!.Extents[0];
        Assert.False(old.HasColumn(1));
        Assert.False(old.BlockMayContainTerm(1, 0, "kept"));
    }

    [Fact]
    public void Catalog_file_is_versioned_and_checksummed()
    {
        using var dir = new TempDirectory();
        new WorkspaceCatalog(90, new Dictionary<string, CatalogTable>()).Save(dir.Path);
        var bytes = File.ReadAllBytes(Path.Combine(dir.Path, WorkspaceCatalog.FileName));
        Assert.Equal("VVIGCAT1"u8.ToArray(), bytes[..8]);
        Assert.Equal(WorkspaceCatalog.Version, BitConverter.ToUInt16(bytes, 8));
        bytes[8] = 99; // an unknown future version
        File.WriteAllBytes(Path.Combine(dir.Path, WorkspaceCatalog.FileName), bytes);
        var error = Assert.Throws<StorageCorruptionException>(() => WorkspaceCatalog.Load(dir.Path));
        Assert.Contains("version", error.Message, StringComparison.Ordinal);
    }
}
