using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>The Logs Ingestion API with data collection rules managed through the ARM-shaped endpoint.</summary>
public sealed class LogsIngestionApiTests(IngestionServerFixture server) : IClassFixture<IngestionServerFixture>
{
    /// <summary>Recent times: rows older than the workspace's retention are not visible to queries.</summary>
    private static readonly string TenOClock = DateTime.UtcNow.Date.AddDays(-1).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string ElevenOClock = DateTime.UtcNow.Date.AddDays(-1).AddHours(11).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private const string RuleRoot = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Insights/dataCollectionRules/";

    [Fact]
    public async Task PutRule_ReturnsTheArmResourceWithAnImmutableId()
    {
        using var response = await server.Client.PutAsJsonAsync(RuleRoot + "arm-shape?api-version=2023-03-11", Rule("Custom-Shape", "Shape_CL", "source"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(RuleRoot + "arm-shape", root.GetProperty("id").GetString());
        Assert.Equal("arm-shape", root.GetProperty("name").GetString());
        Assert.Equal("Microsoft.Insights/dataCollectionRules", root.GetProperty("type").GetString());
        var properties = root.GetProperty("properties");
        Assert.Matches("^dcr-[0-9a-f]{32}$", properties.GetProperty("immutableId").GetString());
        Assert.Equal("Succeeded", properties.GetProperty("provisioningState").GetString());
        Assert.Equal(server.Server.BaseAddress.GetLeftPart(UriPartial.Authority), properties.GetProperty("endpoints").GetProperty("logsIngestion").GetString());

        using var again = await server.Client.PutAsJsonAsync(RuleRoot + "arm-shape?api-version=2023-03-11", Rule("Custom-Shape", "Shape_CL", "source"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var updated = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(properties.GetProperty("immutableId").GetString(), updated.RootElement.GetProperty("properties").GetProperty("immutableId").GetString());

        using var fetched = await server.Client.GetAsync(new Uri(RuleRoot + "arm-shape?api-version=2023-03-11", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
    }

    [Fact]
    public async Task Upload_TransformsWithTransformKqlAndStoresDurably()
    {
        var id = await CreateRuleAsync("transformed", "Custom-Events", "Events_CL",
            "source | where Level != 'debug' | extend TimeGenerated = Time, Upper = toupper(Computer) | project-away Time");
        var rows = $$"""
            [{"Time":"{{TenOClock}}","Computer":"web-1","Level":"info","Extra":{"k":[1,2]},"Ignored":"x"},
             {"Time":"{{ElevenOClock}}","Computer":"web-2","Level":"debug","Extra":null}]
            """;
        using var response = await UploadAsync(id, "Custom-Events", rows);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var table = await server.QueryAsync("Events_CL | project TimeGenerated, Computer, Level, Upper, Extra");
        var row = Assert.Single(table.GetProperty("rows").EnumerateArray());
        Assert.Equal(TenOClock, row[0].GetString());
        Assert.Equal("web-1", row[1].GetString());
        Assert.Equal("info", row[2].GetString());
        Assert.Equal("WEB-1", row[3].GetString());
        Assert.Equal("""{"k":[1,2]}""", row[4].GetString());
        var columns = (await server.QueryAsync("Events_CL | getschema | project ColumnName")).GetProperty("rows").EnumerateArray().Select(r => r[0].GetString());
        Assert.DoesNotContain("Ignored", columns);
    }

    [Fact]
    public async Task GzipBody_IsAccepted()
    {
        var id = await CreateRuleAsync("gzip", "Custom-Zipped", "Zipped_CL", "source | extend TimeGenerated = Time");
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes($$"""[{"Time":"{{TenOClock}}","Computer":"zipped","Level":"info"}]"""));
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await server.Client.PostAsync(new Uri($"/dataCollectionRules/{id}/streams/Custom-Zipped?api-version=2023-01-01", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, await server.CountAsync("Zipped_CL"));
    }

    [Fact]
    public async Task OversizedCall_Returns413AndStoresNothing()
    {
        var id = await CreateRuleAsync("big", "Custom-Big", "Big_CL", "source");
        var computer = new string('c', 60 * 1024);
        var rows = "[" + string.Join(",", Enumerable.Repeat($$"""{"Time":"{{TenOClock}}","Computer":"{{computer}}","Level":"info"}""", 20)) + "]";
        using var response = await UploadAsync(id, "Custom-Big", rows);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ContentLengthLimitExceeded", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Null(await server.CountAsync("Big_CL"));
    }

    [Theory]
    [InlineData("""[{"Computer":"x"}""", "InvalidJson")]
    [InlineData("""{"Computer":"x"}""", "InvalidJson")]
    [InlineData("""[1,2]""", "InvalidJson")]
    public async Task MalformedBody_Returns400AndTheServerStillServes(string rows, string code)
    {
        var id = await CreateRuleAsync("malformed", "Custom-Malformed", "Malformed_CL", "source");
        using var response = await UploadAsync(id, "Custom-Malformed", rows);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Null(await server.CountAsync("Malformed_CL"));
        Assert.Equal(1, (await server.QueryAsync("print 1")).GetProperty("rows")[0][0].GetInt32());
    }

    [Fact]
    public async Task UnknownRuleOrStream_Returns404()
    {
        using var unknownRule = await UploadAsync("dcr-00000000000000000000000000000000", "Custom-Events", "[]");
        Assert.Equal(HttpStatusCode.NotFound, unknownRule.StatusCode);
        var id = await CreateRuleAsync("streams", "Custom-Known", "Known_CL", "source");
        using var unknownStream = await UploadAsync(id, "Custom-Other", "[]");
        Assert.Equal(HttpStatusCode.NotFound, unknownStream.StatusCode);
    }

    [Fact]
    public async Task TransformThatDoesNotCompile_IsRefusedWhenTheRuleIsPut()
    {
        using var response = await server.Client.PutAsJsonAsync(RuleRoot + "broken?api-version=2023-03-11", Rule("Custom-Broken", "Broken_CL", "source | where NoSuchColumn > 1"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidTransformQuery", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("NoSuchColumn", body.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleWithUndeclaredStream_IsRefused()
    {
        var rule = Rule("Custom-A", "A_CL", "source");
        rule["properties"]!["dataFlows"]![0]!["streams"] = new JsonArray("Custom-B");
        using var response = await server.Client.PutAsJsonAsync(RuleRoot + "undeclared?api-version=2023-03-11", rule);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Custom-B", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestedTables_AppearInKustoShowTables()
    {
        var id = await CreateRuleAsync("kusto", "Custom-Shown", "Shown_CL", "source | extend TimeGenerated = Time");
        using (var upload = await UploadAsync(id, "Custom-Shown", $$"""[{"Time":"{{TenOClock}}","Computer":"a","Level":"info"}]"""))
        {
            Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        }

        using var response = await server.Client.PostAsJsonAsync("/v1/rest/mgmt", new { db = IngestionServerFixture.WorkspaceId, csl = ".show tables" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = body.RootElement.GetProperty("Tables")[0].GetProperty("Rows").EnumerateArray().Select(r => r[0].GetString());
        Assert.Contains("Shown_CL", names);

        using var schema = await server.Client.PostAsJsonAsync("/v1/rest/mgmt", new { db = IngestionServerFixture.WorkspaceId, csl = ".show database schema as json" });
        using var schemaBody = JsonDocument.Parse(await schema.Content.ReadAsStringAsync());
        using var document = JsonDocument.Parse(schemaBody.RootElement.GetProperty("Tables")[0].GetProperty("Rows")[0][0].GetString()!);
        var tables = document.RootElement.GetProperty("Databases").GetProperty(IngestionServerFixture.WorkspaceId).GetProperty("Tables");
        Assert.Equal("Shown_CL", tables.GetProperty("Shown_CL").GetProperty("Name").GetString());
    }

    private async Task<string> CreateRuleAsync(string name, string stream, string table, string transform)
    {
        using var response = await server.Client.PutAsJsonAsync(RuleRoot + name + "?api-version=2023-03-11", Rule(stream, table, transform));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("properties").GetProperty("immutableId").GetString()!;
    }

    private async Task<HttpResponseMessage> UploadAsync(string immutableId, string stream, string rows)
    {
        using var content = new StringContent(rows, Encoding.UTF8, "application/json");
        return await server.Client.PostAsync(new Uri($"/dataCollectionRules/{immutableId}/streams/{stream}?api-version=2023-01-01", UriKind.Relative), content);
    }

    /// <summary>A rule in the documented ARM shape: one declared stream into one table.</summary>
    internal static JsonObject Rule(string stream, string table, string transform) => new()
    {
        ["location"] = "eastus",
        ["kind"] = "Direct",
        ["properties"] = new JsonObject
        {
            ["streamDeclarations"] = new JsonObject
            {
                [stream] = new JsonObject
                {
                    ["columns"] = new JsonArray(
                        new JsonObject { ["name"] = "Time", ["type"] = "datetime" },
                        new JsonObject { ["name"] = "Computer", ["type"] = "string" },
                        new JsonObject { ["name"] = "Level", ["type"] = "string" },
                        new JsonObject { ["name"] = "Extra", ["type"] = "dynamic" }),
                },
            },
            ["destinations"] = new JsonObject
            {
                ["logAnalytics"] = new JsonArray(new JsonObject { ["workspaceResourceId"] = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.OperationalInsights/workspaces/vigil", ["name"] = "LogAnalyticsDest" }),
            },
            ["dataFlows"] = new JsonArray(new JsonObject
            {
                ["streams"] = new JsonArray(stream),
                ["destinations"] = new JsonArray("LogAnalyticsDest"),
                ["transformKql"] = transform,
                ["outputStream"] = "Custom-" + table,
            }),
        },
    };
}
