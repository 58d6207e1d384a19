using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Server.Security;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>Data collection rules and the rows ingested through them survive a restart of the server.</summary>
public sealed class DataCollectionRulePersistenceTests
{
    private const string RulePath = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/dataCollectionRules/kept?api-version=2023-03-11";

    [Fact]
    public async Task RuleAndRows_AreStillThereAfterARestart()
    {
        using var directory = new TempDirectory();
        string immutableId;
        var time = DateTime.UtcNow.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await using (var first = await StartAsync(directory.Path))
        {
            using var client = first.CreateClient(first.Token("ingest@example.com", VigilRole.Contributor));
            using var put = await client.PutAsJsonAsync(RulePath, LogsIngestionApiTests.Rule("Custom-Kept", "Kept_CL", "source | extend TimeGenerated = Time"));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            using var body = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
            immutableId = body.RootElement.GetProperty("properties").GetProperty("immutableId").GetString()!;
            using var rows = new StringContent($$"""[{"Time":"{{time}}","Computer":"before-restart","Level":"info"}]""", Encoding.UTF8, "application/json");
            using var upload = await client.PostAsync(new Uri($"/dataCollectionRules/{immutableId}/streams/Custom-Kept?api-version=2023-01-01", UriKind.Relative), rows);
            Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        }

        await using var second = await StartAsync(directory.Path);
        using var again = second.CreateClient(second.Token("ingest@example.com", VigilRole.Contributor));
        using var get = await again.GetAsync(new Uri(RulePath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using (var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync()))
        {
            Assert.Equal(immutableId, body.RootElement.GetProperty("properties").GetProperty("immutableId").GetString());
        }

        using var more = new StringContent($$"""[{"Time":"{{time}}","Computer":"after-restart","Level":"info"}]""", Encoding.UTF8, "application/json");
        using var upload2 = await again.PostAsync(new Uri($"/dataCollectionRules/{immutableId}/streams/Custom-Kept?api-version=2023-01-01", UriKind.Relative), more);
        Assert.Equal(HttpStatusCode.NoContent, upload2.StatusCode);
        using var query = await again.PostAsJsonAsync(second.QueryPath, new { query = "Kept_CL | order by Computer asc | project Computer" });
        using var result = JsonDocument.Parse(await query.Content.ReadAsStringAsync());
        var computers = result.RootElement.GetProperty("tables")[0].GetProperty("rows").EnumerateArray().Select(r => r[0].GetString());
        Assert.Equal(["after-restart", "before-restart"], computers);

        using var delete = await again.DeleteAsync(new Uri(RulePath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        using var gone = await again.GetAsync(new Uri(RulePath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static Task<LiveServer> StartAsync(string directory) => LiveServer.StartAsync(o => o with { DataDirectory = directory });
}
