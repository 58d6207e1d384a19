using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Tests;

/// <summary>The HTTP Data Collector API: SharedKey signatures, typed suffix columns, time-generated-field, limits.</summary>
public sealed class DataCollectorApiTests(IngestionServerFixture server) : IClassFixture<IngestionServerFixture>
{
    [Fact]
    public async Task SignedPost_StoresRecordsWithTypedSuffixColumns()
    {
        const string body = """
            [{"Computer":"web-1","Count":3,"Healthy":true,"Seen":"2026-01-02T03:04:05Z","Id":"a4e29a95-5b4c-408b-80e3-113f9410566e","Missing":null,"Tags":{"a":1}}]
            """;
        using var response = await PostAsync(body, "Typed", IngestionServerFixture.PrimaryKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var table = await server.QueryAsync("Typed_CL | project-away TimeGenerated");
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString())).ToArray();
        Assert.Equal(
            [("Computer_s", "string"), ("Count_d", "real"), ("Healthy_b", "bool"), ("Seen_t", "datetime"), ("Id_g", "guid"), ("Tags_s", "string")],
            columns);
        var row = table.GetProperty("rows")[0];
        Assert.Equal("web-1", row[0].GetString());
        Assert.Equal(3.0, row[1].GetDouble());
        Assert.True(row[2].GetBoolean());
        Assert.Equal("2026-01-02T03:04:05Z", row[3].GetString());
        Assert.Equal("a4e29a95-5b4c-408b-80e3-113f9410566e", row[4].GetString());
        Assert.Equal("""{"a":1}""", row[5].GetString());
    }

    [Fact]
    public async Task LaterDifferentType_GetsANewSuffixedColumn()
    {
        using (var first = await PostAsync("""[{"Code":"E42"}]""", "Conflict", IngestionServerFixture.PrimaryKey))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await PostAsync("""[{"Code":42}]""", "Conflict", IngestionServerFixture.SecondaryKey))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var table = await server.QueryAsync("Conflict_CL | project Code_s, Code_d | order by Code_s desc");
        var rows = table.GetProperty("rows").EnumerateArray().Select(r => (r[0].GetString(), r[1].ValueKind == JsonValueKind.Null ? (double?)null : r[1].GetDouble())).ToArray();
        Assert.Equal([("E42", (double?)null), ("", 42.0)], rows);
    }

    [Fact]
    public async Task TimeGeneratedField_SetsTimeGenerated()
    {
        var stated = DateTime.UtcNow.AddHours(-3);
        var body = string.Create(CultureInfo.InvariantCulture, $$"""[{"EventTime":"{{stated:yyyy-MM-ddTHH:mm:ssZ}}","Message":"x"}]""");
        using var response = await PostAsync(body, "Timed", IngestionServerFixture.PrimaryKey, timeGeneratedField: "EventTime");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = await server.QueryAsync("Timed_CL | project TimeGenerated, EventTime_t");
        var row = table.GetProperty("rows")[0];
        Assert.Equal(stated.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), row[0].GetString());
        Assert.Equal(row[0].GetString(), row[1].GetString());
    }

    [Fact]
    public async Task WrongKey_Returns403AndStoresNothing()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        using var response = await PostAsync("""[{"A":"b"}]""", "Refused", wrongKey);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidAuthorization", body.RootElement.GetProperty("Error").GetString());
        Assert.Null(await server.CountAsync("Refused_CL"));
    }

    [Fact]
    public async Task BodyOfAnotherLength_Returns403()
    {
        // The signature covers the body's length (not its bytes), as the API defines it.
        var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        var signature = Sign("""[{"A":"b"}]""", date, IngestionServerFixture.PrimaryKey);
        using var request = Request("""[{"A":"bc"}]""", "Tampered", date, signature);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await server.CountAsync("Tampered_CL"));
    }

    [Fact]
    public async Task StaleDate_Returns403()
    {
        var date = DateTime.UtcNow.AddHours(-1).ToString("r", CultureInfo.InvariantCulture);
        using var request = Request("""[{"A":"b"}]""", "Stale", date, Sign("""[{"A":"b"}]""", date, IngestionServerFixture.PrimaryKey));
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task MissingAuthorization_Returns403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/logs?api-version=2016-04-01")
        {
            Content = new StringContent("""[{"A":"b"}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Log-Type", "NoAuth");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Bad-Type", "InvalidLogType")]
    [InlineData("", "MissingLogType")]
    public async Task BadLogType_Returns400(string logType, string code)
    {
        using var response = await PostAsync("""[{"A":"b"}]""", logType, IngestionServerFixture.PrimaryKey);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, body.RootElement.GetProperty("Error").GetString());
    }

    [Theory]
    [InlineData("""[{"A":"b"}""")]
    [InlineData("""["just text"]""")]
    [InlineData("""42""")]
    public async Task MalformedBody_Returns400AndTheServerStillServes(string body)
    {
        using var response = await PostAsync(body, "Malformed", IngestionServerFixture.PrimaryKey);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidDataFormat", error.RootElement.GetProperty("Error").GetString());
        Assert.Null(await server.CountAsync("Malformed_CL"));
        Assert.Equal(1, (await server.QueryAsync("print 1")).GetProperty("rows")[0][0].GetInt32());
    }

    [Fact]
    public async Task OversizedPost_Returns413AndStoresNothing()
    {
        var value = new string('x', 1024 * 1024);
        var body = "[" + string.Join(",", Enumerable.Repeat($$"""{"Blob":"{{value}}"}""", 31)) + "]";
        using var response = await PostAsync(body, "Huge", IngestionServerFixture.PrimaryKey);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("30 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await server.CountAsync("Huge_CL"));
    }

    [Fact]
    public async Task LongFieldValue_IsTruncatedAt32KB()
    {
        var value = new string('y', DataCollectorEndpoints.MaxFieldChars + 100);
        using var response = await PostAsync($$"""[{"Long":"{{value}}"}]""", "LongField", IngestionServerFixture.PrimaryKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = await server.QueryAsync("LongField_CL | project n = strlen(Long_s)");
        Assert.Equal(DataCollectorEndpoints.MaxFieldChars, table.GetProperty("rows")[0][0].GetInt32());
    }

    [Fact]
    public async Task TooManyColumns_Returns400AndStoresNothing()
    {
        var fields = string.Join(",", Enumerable.Range(0, DataCollectorEndpoints.MaxColumns).Select(i => $"\"F{i}\":\"v\""));
        using var response = await PostAsync("[{" + fields + "}]", "Wide", IngestionServerFixture.PrimaryKey);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 500", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await server.CountAsync("Wide_CL"));
    }

    private Task<HttpResponseMessage> PostAsync(string body, string logType, string key, string? timeGeneratedField = null)
    {
        var date = DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        var request = Request(body, logType, date, Sign(body, date, key));
        if (timeGeneratedField is not null)
        {
            request.Headers.Add("time-generated-field", timeGeneratedField);
        }

        return SendAndDisposeAsync(request);
    }

    private async Task<HttpResponseMessage> SendAndDisposeAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await server.Client.SendAsync(request);
        }
    }

    private static HttpRequestMessage Request(string body, string logType, string date, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/logs?api-version=2016-04-01")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (logType.Length > 0)
        {
            request.Headers.Add("Log-Type", logType);
        }

        request.Headers.Add("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {IngestionServerFixture.WorkspaceId}:{signature}");
        return request;
    }

    /// <summary>The signature as Microsoft's documented samples compute it.</summary>
    private static string Sign(string body, string date, string key)
    {
        var stringToSign = $"POST\n{Encoding.UTF8.GetByteCount(body)}\napplication/json\nx-ms-date:{date}\n/api/logs";
        return Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes(stringToSign)));
    }
}
