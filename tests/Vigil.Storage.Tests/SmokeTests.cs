namespace Vigil.Storage.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Ingested_json_lines_come_back_from_a_snapshot_and_after_reopen()
    {
        using var dir = new TempDirectory();
        var schema = new TableSchema("Events_CL", [
            new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
            new ColumnDefinition("Name", ColumnType.String),
            new ColumnDefinition("Count", ColumnType.Long),
        ]);
        using (var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero)))))
        {
            ws.CreateTable(schema);
            var result = ws.Ingest("Events_CL", TestData.Utf8("""
                {"TimeGenerated":"2024-01-02T03:04:05Z","Name":"a","Count":1}
                {"TimeGenerated":"2024-01-02T03:04:06Z","Name":"b","Count":"2"}
                """), IngestFormat.JsonLines);
            Assert.Equal(2, result.AcceptedRows);
            Assert.Empty(result.Failures);
            using var snapshot = ws.GetSnapshot();
            var rows = TestData.ReadRows(snapshot, "Events_CL");
            Assert.Equal(2, rows.Count);
            Assert.Equal("b", rows[1][1]);
            Assert.Equal(2L, rows[1][2]);
        }

        using (var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero)))))
        {
            using var snapshot = ws.GetSnapshot();
            var rows = TestData.ReadRows(snapshot, "Events_CL");
            Assert.Equal(2, rows.Count);
            Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), rows[0][0]);
        }
    }
}
