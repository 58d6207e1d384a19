using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Security;

namespace Vigil.Server.Tests.Clients;

/// <summary>
/// Microsoft's LogsIngestionClient (@azure/monitor-ingestion 1.2.0) uploads to a data collection rule stream of a
/// live HTTPS server with a Contributor's token, then the rows are queried back through the Log Analytics API.
/// </summary>
public sealed class MonitorIngestionClientTests(IngestionServerFixture server) : IClassFixture<IngestionServerFixture>
{
    [Fact]
    public async Task Upload_ThroughTheOfficialClient_IsQueryableAfterwards()
    {
        var rule = LogsIngestionApiTests.Rule("Custom-SdkStream", "Sdk_CL", "source | extend TimeGenerated = Time | project-away Time");
        using var put = await server.Client.PutAsJsonAsync(
            "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Insights/dataCollectionRules/sdk?api-version=2023-03-11", rule);
        var created = await put.Content.ReadAsStringAsync();
        Assert.True(put.IsSuccessStatusCode, created);
        using var resource = JsonDocument.Parse(created);
        var properties = resource.RootElement.GetProperty("properties");

        var time = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var records = JsonSerializer.Serialize(Enumerable.Range(1, 250).Select(i => new { Time = time, Computer = $"host-{i}", Level = "info", Extra = new { i } }));
        var result = await NodeClient.RunAsync("monitor-ingestion", "upload.mjs", new Dictionary<string, string>
        {
            ["VIGIL_URL"] = properties.GetProperty("endpoints").GetProperty("logsIngestion").GetString()!,
            ["VIGIL_DCR"] = properties.GetProperty("immutableId").GetString()!,
            ["VIGIL_STREAM"] = "Custom-SdkStream",
            ["VIGIL_RECORDS"] = records,
            ["VIGIL_TOKEN"] = server.Server.Token("ingest@example.com", VigilRole.Contributor),
            ["NODE_EXTRA_CA_CERTS"] = server.Server.Server.CertificatePath!,
        });
        Assert.True(result.ExitCode == 0, result.Error + result.Output);

        var table = await server.QueryAsync("Sdk_CL | summarize n = count(), hosts = dcount(Computer), t = max(TimeGenerated), e = sum(toint(Extra.i))");
        var row = table.GetProperty("rows")[0];
        Assert.Equal(250, row[0].GetInt32());
        Assert.Equal(250, row[1].GetInt32());
        Assert.Equal(time, row[2].GetString());
        Assert.Equal(250 * 251 / 2, row[3].GetInt32());
    }
}
