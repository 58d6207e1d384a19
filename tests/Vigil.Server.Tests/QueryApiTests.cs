using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Server.Tests;

/// <summary>The Log Analytics query API against a live server: shapes as Azure Monitor documents them.</summary>
public sealed class QueryApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private string Path => server.QueryPath;

    [Fact]
    public async Task Health_Returns200()
    {
        using var response = await server.Client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Returns404()
    {
        using var response = await server.Client.GetAsync(new Uri("/v1/nothing/here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_Fork_ReturnsOneTablePerSubqueryWithItsName()
    {
        const string query = "range x from 1 to 5 step 1 | fork Small = (where x < 3) (summarize n = count())";
        using var response = await server.Client.PostAsJsonAsync(Path, new { query });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tables = body.RootElement.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(["Small", "GenericResult"], tables.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(2, tables[0].GetProperty("rows").GetArrayLength());
        Assert.Equal(5, tables[1].GetProperty("rows")[0][0].GetInt64());
    }

    [Fact]
    public async Task Post_Datatable_ReturnsPrimaryResultWithTypedColumnsAndCells()
    {
        const string query = """
            datatable(s:string, l:long, r:real, b:bool, d:datetime, t:timespan, g:guid, i:int, dec:decimal, dyn:dynamic)
            [
                "a", 1, 1.5, true, datetime(2017-08-24T06:59:59Z), 1h, guid(a4e29a95-5b4c-408b-80e3-113f9410566e), 7, decimal(1.25), dynamic({"k":[1,2]}),
                "", long(null), real(null), bool(null), datetime(null), timespan(null), guid(null), int(null), decimal(null), dynamic(null)
            ]
            """;
        using var response = await server.Client.PostAsJsonAsync(Path, new { query, timespan = "PT1H" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var root = body.RootElement;
        Assert.Equal(["tables"], root.EnumerateObject().Select(p => p.Name));
        var table = Assert.Single(root.GetProperty("tables").EnumerateArray());
        Assert.Equal(["name", "columns", "rows"], table.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PrimaryResult", table.GetProperty("name").GetString());
        var columns = table.GetProperty("columns").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString())).ToArray();
        Assert.Equal(
            [("s", "string"), ("l", "long"), ("r", "real"), ("b", "bool"), ("d", "datetime"), ("t", "timespan"),
             ("g", "guid"), ("i", "int"), ("dec", "decimal"), ("dyn", "dynamic")],
            columns);

        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        var first = rows[0].EnumerateArray().ToArray();
        Assert.Equal("a", first[0].GetString());
        Assert.Equal(JsonValueKind.Number, first[1].ValueKind);
        Assert.Equal(1, first[1].GetInt64());
        Assert.Equal(1.5, first[2].GetDouble());
        Assert.Equal(JsonValueKind.True, first[3].ValueKind);
        Assert.Equal("2017-08-24T06:59:59Z", first[4].GetString());
        Assert.Equal("01:00:00", first[5].GetString());
        Assert.Equal("a4e29a95-5b4c-408b-80e3-113f9410566e", first[6].GetString());
        Assert.Equal(7, first[7].GetInt32());
        Assert.Equal("1.25", first[8].GetString());
        Assert.Equal(JsonValueKind.String, first[9].ValueKind);
        Assert.Equal("""{"k":[1,2]}""", first[9].GetString());

        var second = rows[1].EnumerateArray().ToArray();
        Assert.Equal(string.Empty, second[0].GetString());
        Assert.All(second.Skip(1), cell => Assert.Equal(JsonValueKind.Null, cell.ValueKind));
    }

    [Fact]
    public async Task Get_Print_ReturnsTheSameShape()
    {
        var uri = new Uri(Path + "?query=" + Uri.EscapeDataString("print x=1, y='two'") + "&timespan=P1D", UriKind.Relative);
        using var response = await server.Client.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var table = Assert.Single(body.RootElement.GetProperty("tables").EnumerateArray());
        Assert.Equal(["x", "y"], table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var row = Assert.Single(table.GetProperty("rows").EnumerateArray()).EnumerateArray().ToArray();
        Assert.Equal(1, row[0].GetInt64());
        Assert.Equal("two", row[1].GetString());
    }

    [Fact]
    public async Task SyntaxError_Returns400WithBadArgumentErrorBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(new { query = "print x = | | " }) };
        request.Headers.Add("x-ms-client-request-id", "0f8fad5b-d9cb-469f-a165-70867728950e");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(["message", "code", "correlationId", "innererror"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("BadArgumentError", error.GetProperty("code").GetString());
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", error.GetProperty("correlationId").GetString());
        var inner = error.GetProperty("innererror");
        Assert.Equal("SyntaxError", inner.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(inner.GetProperty("innererror").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task UnknownTable_Returns400SemanticError()
    {
        using var response = await server.Client.PostAsJsonAsync(Path, new { query = "NoSuchTable | take 1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("BadArgumentError", error.GetProperty("code").GetString());
        Assert.Equal("SemanticError", error.GetProperty("innererror").GetProperty("code").GetString());
        Assert.Contains("NoSuchTable", error.GetProperty("innererror").GetProperty("innererror").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"timespan":"PT1H"}""")]
    [InlineData("""not json""")]
    [InlineData("""["print 1"]""")]
    [InlineData("""{"query":"print 1","timespan":"yesterday"}""")]
    public async Task BadRequestBody_Returns400BadArgumentError(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync(new Uri(Path, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BadArgumentError", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PreferIncludeRenderAndStatistics_AddsRenderAndStatistics()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = JsonContent.Create(new { query = "range x from 1 to 3 step 1 | render barchart with (title='Three bars')" }),
        };
        request.Headers.Add("Prefer", "include-render=true, include-statistics=true");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var render = body.RootElement.GetProperty("render");
        Assert.Equal("barchart", render.GetProperty("visualization").GetString());
        Assert.Equal("Three bars", render.GetProperty("title").GetString());
        Assert.Equal("default", render.GetProperty("kind").GetString());
        var statistics = body.RootElement.GetProperty("statistics").GetProperty("query");
        Assert.Equal(JsonValueKind.Number, statistics.GetProperty("executionTime").ValueKind);
        Assert.Equal(3, Assert.Single(statistics.GetProperty("datasetStatistics").EnumerateArray()).GetProperty("tableRowCount").GetInt32());
    }

    [Fact]
    public async Task WithoutPrefer_NoRenderOrStatistics()
    {
        using var response = await server.Client.PostAsJsonAsync(Path, new { query = "range x from 1 to 3 step 1 | render barchart" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.TryGetProperty("render", out _));
        Assert.False(body.RootElement.TryGetProperty("statistics", out _));
    }
}
