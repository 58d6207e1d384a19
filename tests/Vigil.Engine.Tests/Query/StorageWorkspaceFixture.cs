using System.Globalization;
using System.Text;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Engine.Tests.Query;

/// <summary>
/// A small workspace in a temp directory, built through the storage API: table Events_CL with 3,000 rows one minute
/// apart (two ingestions, so two extents; 256-row blocks so pruning has blocks to skip), plus a built-in table
/// created by its first ingestion. Times are recent so retention keeps them.
/// </summary>
public sealed class StorageWorkspaceFixture : IDisposable
{
    public const int Rows = 3000;

    private readonly TempDirectory _dir = new("vigil-engine-");

    public StorageWorkspaceFixture()
    {
        Start = new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc).AddDays(-3);
        Workspace = SchemaMapping.OpenWorkspace(
            Path.Combine(_dir.Path, "ws"),
            new WorkspaceOptions { BackgroundMaintenance = false, BlockRows = 256 });
        Workspace.CreateTable(new TableSchema("Events_CL",
        [
            new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
            new ColumnDefinition("Computer", ColumnType.String),
            new ColumnDefinition("EventId", ColumnType.Long),
            new ColumnDefinition("Level", ColumnType.Int),
            new ColumnDefinition("Message", ColumnType.String),
            new ColumnDefinition("Data", ColumnType.Dynamic),
        ]));
        Ingest("Events_CL", 0, Rows / 2);
        Ingest("Events_CL", Rows / 2, Rows);
        using var device = new MemoryStream(Encoding.UTF8.GetBytes(
            $"{{\"Timestamp\":\"{Iso(Start)}\",\"DeviceName\":\"pc-1\",\"FileName\":\"cmd.exe\"}}\n{{\"Timestamp\":\"{Iso(Start.AddMinutes(1))}\",\"DeviceName\":\"pc-2\",\"FileName\":\"powershell.exe\"}}\n"));
        Workspace.Ingest("DeviceProcessEvents", device, IngestFormat.JsonLines);
        Engine = new QueryEngine(Workspace);
    }

    public DateTime Start { get; }

    public Workspace Workspace { get; }

    public QueryEngine Engine { get; }

    /// <summary>A datetime literal for <c>Start + minutes</c>.</summary>
    public string At(int minutes) => $"datetime({Iso(Start.AddMinutes(minutes))})";

    public void Dispose()
    {
        Workspace.Dispose();
        _dir.Dispose();
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private void Ingest(string table, int from, int to)
    {
        var text = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            // One rare term ("needle") in row 1234 only; every 10th row has no Level (null).
            var message = i == 1234 ? "found the needle here" : $"event number {i % 50} on host";
            var level = i % 10 == 0 ? "null" : (i % 4).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture,
                $"{{\"TimeGenerated\":\"{Iso(Start.AddMinutes(i))}\",\"Computer\":\"host-{i % 7}\",\"EventId\":{4600 + (i % 30)},\"Level\":{level},\"Message\":\"{message}\",\"Data\":{{\"n\":{i}}}}}\n");
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var result = Workspace.Ingest(table, stream, IngestFormat.JsonLines);
        if (result.FailedRows > 0)
        {
            throw new InvalidOperationException("fixture ingestion failed: " + result.Failures[0].Reason);
        }
    }
}
