using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Engine;
using Vigil.Server.Security;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>The query API's <c>timespan</c> restricts the tables a query reads, over a workspace with data.</summary>
public sealed class TimespanTests : IAsyncLifetime
{
    private static readonly DateTime Recent = DateTime.UtcNow.AddMinutes(-30);
    private static readonly DateTime Old = DateTime.UtcNow.AddDays(-3);

    private readonly TempDirectory _directory = new();
    private LiveServer? _server;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        using (var workspace = SchemaMapping.OpenWorkspace(_directory.Path))
        {
            var lines = string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"TimeGenerated\":\"{Recent:O}\",\"Computer\":\"recent\"}}\n{{\"TimeGenerated\":\"{Old:O}\",\"Computer\":\"old\"}}\n");
            using var data = new MemoryStream(Encoding.UTF8.GetBytes(lines));
            var result = workspace.Ingest("Heartbeat", data, IngestFormat.JsonLines);
            Assert.Equal(2, result.AcceptedRows);
        }

        // Plain HTTP where configured: this class is about timespans, not transport.
        _server = await LiveServer.StartAsync(o => o with { DataDirectory = _directory.Path, Urls = "http://127.0.0.1:0" });
        _client = _server.CreateClient(_server.Token("analyst", VigilRole.Reader));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task NoTimespan_ReadsEveryRow() =>
        Assert.Equal(["old", "recent"], await ComputersAsync(new { query = "Heartbeat | project Computer | order by Computer asc" }));

    [Fact]
    public async Task DurationTimespan_KeepsOnlyRowsInTheLastPeriod() =>
        Assert.Equal(["recent"], await ComputersAsync(new { query = "Heartbeat | project Computer", timespan = "PT1H" }));

    [Fact]
    public async Task IntervalTimespan_KeepsOnlyRowsBetweenStartAndEnd()
    {
        var interval = string.Create(CultureInfo.InvariantCulture, $"{Old.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}/{Old.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.Equal(["old"], await ComputersAsync(new { query = "Heartbeat | project Computer", timespan = interval }));
    }

    [Fact]
    public async Task Timespan_AppliesToEveryTableInAUnion() =>
        Assert.Equal(["recent"], await ComputersAsync(new { query = "union Heartbeat, (Heartbeat | where Computer == 'old') | project Computer", timespan = "P1D" }));

    private async Task<string[]> ComputersAsync(object body)
    {
        using var response = await _client.PostAsJsonAsync(_server!.QueryPath, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var table = Assert.Single(json.RootElement.GetProperty("tables").EnumerateArray());
        return table.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString() ?? "(null)").ToArray();
    }
}
