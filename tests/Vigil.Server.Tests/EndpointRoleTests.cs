using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>
/// Each API refuses callers below its role (or without credentials) before touching data, and admits the lowest role
/// it allows: ingestion needs a Contributor, the Kusto endpoints a Reader, the Data Collector API a shared key.
/// </summary>
public sealed class EndpointRoleTests(IngestionServerFixture server) : IClassFixture<IngestionServerFixture>
{
    private const string RuleRoot = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Insights/dataCollectionRules/";

    private static readonly string Yesterday = DateTime.UtcNow.Date.AddDays(-1).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ReaderUploadingToARuleStream_Gets403AndNothingIsIngested()
    {
        var id = await CreateRuleAsync("reader-upload", "Custom-ReaderUpload", "ReaderUpload_CL");
        using var reader = server.Server.CreateClient(server.Server.Token("reader@example.com", VigilRole.Reader));
        using var response = await UploadAsync(reader, id, "Custom-ReaderUpload");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InsufficientAccessError", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Contributor", body.RootElement.GetProperty("error").GetProperty("innererror").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await server.CountAsync("ReaderUpload_CL"));
    }

    [Fact]
    public async Task NoTokenUploadingToARuleStream_Gets401AndNothingIsIngested()
    {
        var id = await CreateRuleAsync("anonymous-upload", "Custom-AnonymousUpload", "AnonymousUpload_CL");
        using var anonymous = server.Server.CreateClient();
        using var response = await UploadAsync(anonymous, id, "Custom-AnonymousUpload");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Null(await server.CountAsync("AnonymousUpload_CL"));
    }

    [Fact]
    public async Task ContributorUpload_IsIngested()
    {
        // The counterpart of the refusals above: the same upload with the role it needs lands in the table.
        var id = await CreateRuleAsync("contributor-upload", "Custom-ContributorUpload", "ContributorUpload_CL");
        using var response = await UploadAsync(server.Client, id, "Custom-ContributorUpload");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, await server.CountAsync("ContributorUpload_CL"));
    }

    [Fact]
    public async Task ReaderPuttingARule_Gets403AndTheRuleDoesNotExist()
    {
        using var reader = server.Server.CreateClient(server.Server.Token("reader@example.com", VigilRole.Reader));
        using var response = await reader.PutAsJsonAsync(RuleRoot + "reader-rule?api-version=2023-03-11", LogsIngestionApiTests.Rule("Custom-ReaderRule", "ReaderRule_CL", "source"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var fetched = await server.Client.GetAsync(new Uri(RuleRoot + "reader-rule?api-version=2023-03-11", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, fetched.StatusCode);
        Assert.Null(await server.CountAsync("ReaderRule_CL"));
    }

    [Fact]
    public async Task ReaderOnKustoMgmt_Succeeds()
    {
        using var reader = server.Server.CreateClient(server.Server.Token("reader@example.com", VigilRole.Reader));
        using var response = await reader.PostAsJsonAsync("/v1/rest/mgmt", new { db = IngestionServerFixture.WorkspaceId, csl = ".show version" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetProperty("Tables")[0].GetProperty("Rows").GetArrayLength());
    }

    [Fact]
    public async Task ReaderOnKustoV2Query_Succeeds()
    {
        using var reader = server.Server.CreateClient(server.Server.Token("reader@example.com", VigilRole.Reader));
        using var response = await reader.PostAsJsonAsync("/v2/rest/query", new { db = IngestionServerFixture.WorkspaceId, csl = "print answer = 42" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var frames = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var primary = frames.RootElement.EnumerateArray().Single(f =>
            f.GetProperty("FrameType").GetString() == "DataTable" && f.GetProperty("TableKind").GetString() == "PrimaryResult");
        Assert.Equal(42, primary.GetProperty("Rows")[0][0].GetInt32());
    }

    [Theory]
    [InlineData("/v1/rest/query", "print 1")]
    [InlineData("/v2/rest/query", "print 1")]
    [InlineData("/v1/rest/mgmt", ".show tables")]
    public async Task NoTokenOnKustoEndpoints_Gets401(string path, string csl)
    {
        using var anonymous = server.Server.CreateClient();
        using var response = await anonymous.PostAsJsonAsync(path, new { db = IngestionServerFixture.WorkspaceId, csl });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task DataCollectorWithSharedKeyAndNoBearerToken_IsIngested()
    {
        const string body = """[{"Host":"signed"}]""";
        using var anonymous = server.Server.CreateClient();
        using var request = DataCollectorRequest(body, "SignedNoToken");
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {IngestionServerFixture.WorkspaceId}:{Sign(body, request.Headers.GetValues("x-ms-date").Single())}");
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await server.CountAsync("SignedNoToken_CL"));
    }

    [Fact]
    public async Task DataCollectorWithOnlyABearerToken_Gets403AndNothingIsIngested()
    {
        using var admin = server.Server.CreateClient(server.Server.Token("admin@example.com", VigilRole.Admin));
        using var request = DataCollectorRequest("""[{"Host":"bearer"}]""", "BearerOnly");
        using var response = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidAuthorization", error.RootElement.GetProperty("Error").GetString());
        Assert.Null(await server.CountAsync("BearerOnly_CL"));
    }

    private async Task<string> CreateRuleAsync(string name, string stream, string table)
    {
        using var response = await server.Client.PutAsJsonAsync(RuleRoot + name + "?api-version=2023-03-11", LogsIngestionApiTests.Rule(stream, table, "source | extend TimeGenerated = Time"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("properties").GetProperty("immutableId").GetString()!;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string immutableId, string stream)
    {
        using var content = new StringContent($$"""[{"Time":"{{Yesterday}}","Computer":"web-1","Level":"info"}]""", Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri($"/dataCollectionRules/{immutableId}/streams/{stream}?api-version=2023-01-01", UriKind.Relative), content);
    }

    private static HttpRequestMessage DataCollectorRequest(string body, string logType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/logs?api-version=2016-04-01") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("Log-Type", logType);
        request.Headers.Add("x-ms-date", DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>The documented SharedKey signature over the body's length, content type, date and resource.</summary>
    private static string Sign(string body, string date)
    {
        var stringToSign = $"POST\n{Encoding.UTF8.GetByteCount(body)}\napplication/json\nx-ms-date:{date}\n/api/logs";
        return Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(IngestionServerFixture.PrimaryKey), Encoding.UTF8.GetBytes(stringToSign)));
    }
}
