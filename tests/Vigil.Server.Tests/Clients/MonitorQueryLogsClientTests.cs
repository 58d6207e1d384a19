using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Server.Security;
using Vigil.Storage;
using Vigil.Engine;
using Vigil.Testing;

namespace Vigil.Server.Tests.Clients;

/// <summary>
/// Microsoft's <c>@azure/monitor-query-logs</c> LogsQueryClient, unmodified, against a live server over HTTPS: a
/// TokenCredential handing it a <c>vigil token</c> JWT, the generated certificate trusted via NODE_EXTRA_CA_CERTS.
/// </summary>
public sealed class MonitorQueryLogsClientTests
{
    private const string Client = "monitor-query-logs";

    [Fact]
    public async Task LogsQueryClient_QueriesTheWorkspace_WithTypedColumnsAndRows()
    {
        using var data = new TempDirectory();
        var recent = DateTime.UtcNow.AddMinutes(-10);
        using (var workspace = SchemaMapping.OpenWorkspace(data.Path))
        {
            var lines = string.Create(CultureInfo.InvariantCulture, $$"""
                {"TimeGenerated":"{{recent:O}}","Computer":"web-01","Category":"Direct Agent"}
                {"TimeGenerated":"{{recent.AddMinutes(1):O}}","Computer":"web-02","Category":"Direct Agent"}
                {"TimeGenerated":"{{DateTime.UtcNow.AddDays(-3):O}}","Computer":"old-01","Category":"Direct Agent"}

                """);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines));
            Assert.Equal(3, workspace.Ingest("Heartbeat", stream, IngestFormat.JsonLines).AcceptedRows);
        }

        await using var server = await LiveServer.StartAsync(o => o with { DataDirectory = data.Path });
        var result = await QueryAsync(server, server.Token("analyst@example.com", VigilRole.Reader), """
            Heartbeat
            | summarize beats = count(), last = max(TimeGenerated) by Computer
            | extend ratio = todouble(beats) / 2, seen = true
            | order by Computer asc
            """);
        Assert.Equal("Success", result.GetProperty("status").GetString());
        var table = Assert.Single(result.GetProperty("tables").EnumerateArray());
        Assert.Equal("PrimaryResult", table.GetProperty("name").GetString());
        Assert.Equal(
            [("Computer", "string"), ("beats", "long"), ("last", "datetime"), ("ratio", "real"), ("seen", "bool")],
            table.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString())));

        // The SDK's duration (P1D) leaves the three-day-old row out.
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal("web-01", rows[0][0].GetString());
        Assert.Equal(1, rows[0][1].GetInt64());
        // The SDK turns datetime cells into Date objects.
        Assert.Equal(
            recent.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            rows[0][2].GetProperty("date").GetString()![..19]);
        Assert.Equal(0.5, rows[0][3].GetDouble());
        Assert.True(rows[0][4].GetBoolean());
        Assert.Equal("web-02", rows[1][0].GetString());
    }

    [Fact]
    public async Task LogsQueryClient_WithAnExpiredToken_SeesA401()
    {
        await using var server = await LiveServer.StartAsync();
        var expired = server.Token("analyst", VigilRole.Reader, TimeSpan.FromMinutes(5), issued: DateTime.UtcNow.AddHours(-1));
        var result = await QueryAsync(server, expired, "print 1");
        Assert.Equal("Error", result.GetProperty("status").GetString());
        Assert.Equal(401, result.GetProperty("statusCode").GetInt32());
    }

    private static async Task<JsonElement> QueryAsync(LiveServer server, string token, string query)
    {
        var run = await NodeClient.RunAsync(Client, "query.mjs", new Dictionary<string, string>
        {
            ["VIGIL_ENDPOINT"] = server.BaseAddress.ToString(),
            ["VIGIL_WORKSPACE_ID"] = server.Server.WorkspaceId.ToString(),
            ["VIGIL_TOKEN"] = token,
            ["VIGIL_QUERY"] = query,
            ["NODE_EXTRA_CA_CERTS"] = server.Server.CertificatePath!,
        });
        Assert.True(run.ExitCode == 0, run.Error);
        var line = run.Output.Trim().Split('\n')[^1];
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }
}
