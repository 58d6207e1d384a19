using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Server.Tests;

/// <summary>The Kusto REST API against a live server: v1 and v2 shapes field by field as Kusto documents them.</summary>
public sealed class KustoApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Datatable = """
        datatable(s:string, l:long, r:real, b:bool, d:datetime, t:timespan, g:guid, i:int, dec:decimal, dyn:dynamic)
        [
            "a", 1, 1.5, true, datetime(2017-08-24T06:59:59Z), 1h, guid(a4e29a95-5b4c-408b-80e3-113f9410566e), 7, decimal(1.25), dynamic({"k":[1,2]}),
            "", long(null), real(null), bool(null), datetime(null), timespan(null), guid(null), int(null), decimal(null), dynamic(null)
        ]
        """;

    [Fact]
    public async Task V2Query_ReturnsTheFramesInKustoOrder()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/rest/query") { Content = JsonContent.Create(new { db = "Vigil", csl = Datatable }) };
        request.Headers.Add("x-ms-client-request-id", "KNC.execute;1234");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("KNC.execute;1234", response.Headers.GetValues("x-ms-client-request-id").Single());
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-ms-activity-id").Single(), out _));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var frames = body.RootElement.EnumerateArray().ToArray();
        Assert.Equal(
            ["DataSetHeader", "DataTable", "DataTable", "DataTable", "DataSetCompletion"],
            frames.Select(f => f.GetProperty("FrameType").GetString()));

        var header = frames[0];
        Assert.Equal(["FrameType", "IsProgressive", "Version", "IsFragmented", "ErrorReportingPlacement"], header.EnumerateObject().Select(p => p.Name));
        Assert.False(header.GetProperty("IsProgressive").GetBoolean());
        Assert.Equal("v2.0", header.GetProperty("Version").GetString());

        foreach (var table in frames[1..4])
        {
            Assert.Equal(["FrameType", "TableId", "TableKind", "TableName", "Columns", "Rows"], table.EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal([0, 1, 2], frames[1..4].Select(f => f.GetProperty("TableId").GetInt32()));
        Assert.Equal(("QueryProperties", "@ExtendedProperties"), (frames[1].GetProperty("TableKind").GetString(), frames[1].GetProperty("TableName").GetString()));
        Assert.Equal(("PrimaryResult", "PrimaryResult"), (frames[2].GetProperty("TableKind").GetString(), frames[2].GetProperty("TableName").GetString()));
        Assert.Equal(
            ("QueryCompletionInformation", "QueryCompletionInformation"),
            (frames[3].GetProperty("TableKind").GetString(), frames[3].GetProperty("TableName").GetString()));

        var properties = frames[1];
        Assert.Equal([("TableId", "int"), ("Key", "string"), ("Value", "dynamic")], Columns(properties, "ColumnType"));
        var visualization = Assert.Single(properties.GetProperty("Rows").EnumerateArray()).EnumerateArray().ToArray();
        Assert.Equal(1, visualization[0].GetInt32());
        Assert.Equal("Visualization", visualization[1].GetString());
        using (var value = JsonDocument.Parse(visualization[2].GetString()!))
        {
            Assert.Equal(JsonValueKind.Null, value.RootElement.GetProperty("Visualization").ValueKind);
        }

        var primary = frames[2];
        Assert.Equal(
            [("s", "string"), ("l", "long"), ("r", "real"), ("b", "bool"), ("d", "datetime"), ("t", "timespan"),
             ("g", "guid"), ("i", "int"), ("dec", "decimal"), ("dyn", "dynamic")],
            Columns(primary, "ColumnType"));
        Assert.All(primary.GetProperty("Columns").EnumerateArray(), c => Assert.Equal(["ColumnName", "ColumnType"], c.EnumerateObject().Select(p => p.Name)));
        var rows = primary.GetProperty("Rows").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        var first = rows[0].EnumerateArray().ToArray();
        Assert.Equal("a", first[0].GetString());
        Assert.Equal(1, first[1].GetInt64());
        Assert.Equal(1.5, first[2].GetDouble());
        Assert.True(first[3].GetBoolean());
        Assert.Equal("2017-08-24T06:59:59Z", first[4].GetString());
        Assert.Equal("01:00:00", first[5].GetString());
        Assert.Equal("a4e29a95-5b4c-408b-80e3-113f9410566e", first[6].GetString());
        Assert.Equal(7, first[7].GetInt32());
        Assert.Equal("1.25", first[8].GetString());
        // v2 carries dynamic cells as JSON values, not JSON-encoded strings.
        Assert.Equal(JsonValueKind.Object, first[9].ValueKind);
        Assert.Equal(2, first[9].GetProperty("k").GetArrayLength());
        Assert.Equal(string.Empty, rows[1][0].GetString());
        Assert.All(rows[1].EnumerateArray().Skip(1), cell => Assert.Equal(JsonValueKind.Null, cell.ValueKind));

        var completion = frames[3];
        Assert.Equal(
            [("Timestamp", "datetime"), ("ClientRequestId", "string"), ("ActivityId", "guid"), ("SubActivityId", "guid"),
             ("ParentActivityId", "guid"), ("Level", "int"), ("LevelName", "string"), ("StatusCode", "int"),
             ("StatusCodeName", "string"), ("EventType", "int"), ("EventTypeName", "string"), ("Payload", "string")],
            Columns(completion, "ColumnType"));
        var info = completion.GetProperty("Rows")[0];
        Assert.Equal("KNC.execute;1234", info[1].GetString());
        Assert.Equal(4, info[5].GetInt32());
        Assert.Equal("Info", info[6].GetString());

        var done = frames[4];
        Assert.Equal(["FrameType", "HasErrors", "Cancelled"], done.EnumerateObject().Select(p => p.Name));
        Assert.False(done.GetProperty("HasErrors").GetBoolean());
        Assert.False(done.GetProperty("Cancelled").GetBoolean());
    }

    [Fact]
    public async Task V1Query_ReturnsResultPropertiesStatusAndTableOfContents()
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/rest/query", new { db = "Vigil", csl = Datatable });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Tables"], body.RootElement.EnumerateObject().Select(p => p.Name));
        var tables = body.RootElement.GetProperty("Tables").EnumerateArray().ToArray();
        Assert.Equal(["Table_0", "Table_1", "Table_2", "Table_3"], tables.Select(t => t.GetProperty("TableName").GetString()));
        Assert.All(tables, t => Assert.Equal(["TableName", "Columns", "Rows"], t.EnumerateObject().Select(p => p.Name)));

        var primary = tables[0];
        Assert.All(primary.GetProperty("Columns").EnumerateArray(), c => Assert.Equal(["ColumnName", "DataType", "ColumnType"], c.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            [("s", "String"), ("l", "Int64"), ("r", "Double"), ("b", "Boolean"), ("d", "DateTime"), ("t", "TimeSpan"),
             ("g", "Guid"), ("i", "Int32"), ("dec", "SqlDecimal"), ("dyn", "Object")],
            Columns(primary, "DataType"));
        Assert.Equal("long", primary.GetProperty("Columns")[1].GetProperty("ColumnType").GetString());
        var first = primary.GetProperty("Rows")[0];
        Assert.Equal(1, first[1].GetInt64());
        Assert.Equal(JsonValueKind.Object, first[9].ValueKind);

        Assert.Equal(["Value"], Columns(tables[1], "DataType").Select(c => c.Item1));
        Assert.Equal(
            ["Timestamp", "Severity", "SeverityName", "StatusCode", "StatusDescription", "Count", "RequestId", "ActivityId", "SubActivityId", "ClientActivityId"],
            Columns(tables[2], "DataType").Select(c => c.Item1));
        Assert.Equal(4, tables[2].GetProperty("Rows")[0][1].GetInt32());

        var toc = tables[3];
        Assert.Equal([("Ordinal", "Int64"), ("Kind", "String"), ("Name", "String"), ("Id", "String"), ("PrettyName", "String")], Columns(toc, "DataType"));
        var entries = toc.GetProperty("Rows").EnumerateArray().Select(r => (r[0].GetInt64(), r[1].GetString(), r[2].GetString())).ToArray();
        Assert.Equal([(0L, "QueryResult", "PrimaryResult"), (1L, "QueryProperties", "@ExtendedProperties"), (2L, "QueryStatus", "QueryStatus")], entries);
    }

    [Fact]
    public async Task SemanticError_Returns400OneApiError()
    {
        using var response = await server.Client.PostAsJsonAsync("/v2/rest/query", new { db = "Vigil", csl = "NoSuchTable | take 1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(["code", "message", "@type", "@message", "@context", "@permanent"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("General_BadRequest", error.GetProperty("code").GetString());
        Assert.Contains("NoSuchTable", error.GetProperty("@message").GetString(), StringComparison.Ordinal);
        Assert.True(error.GetProperty("@permanent").GetBoolean());
    }

    [Fact]
    public async Task SyntaxError_Returns400SyntaxError()
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/rest/query", new { db = "Vigil", csl = "print x = | |" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BadRequest_SyntaxError", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TruncationMaxRecords_ReportsTheLimitInsideTheFrames()
    {
        var payload = new { db = "Vigil", csl = "range x from 1 to 10 step 1", properties = new { Options = new { truncationmaxrecords = 3 } } };
        using var response = await server.Client.PostAsJsonAsync("/v2/rest/query", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var frames = body.RootElement.EnumerateArray().ToArray();
        var primary = frames.Single(f => f.TryGetProperty("TableKind", out var kind) && kind.GetString() == "PrimaryResult");
        var rows = primary.GetProperty("Rows").EnumerateArray().ToArray();
        Assert.Equal(4, rows.Length);
        Assert.Equal([1L, 2L, 3L], rows[..3].Select(r => r[0].GetInt64()));
        var inline = rows[3].GetProperty("OneApiErrors")[0].GetProperty("error");
        Assert.Equal("LimitsExceeded", inline.GetProperty("code").GetString());
        Assert.Contains("E_QUERY_RESULT_SET_TOO_LARGE", inline.GetProperty("@message").GetString(), StringComparison.Ordinal);
        var completion = frames[^1];
        Assert.True(completion.GetProperty("HasErrors").GetBoolean());
        Assert.Equal("LimitsExceeded", completion.GetProperty("OneApiErrors")[0].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task RuntimeFailure_IsReportedInTheCompletionFrames()
    {
        using var response = await server.Client.PostAsJsonAsync("/v2/rest/query", new { db = "Vigil", csl = "print assert(false, 'boom')" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var frames = body.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["DataSetHeader", "DataTable", "DataSetCompletion"], frames.Select(f => f.GetProperty("FrameType").GetString()));
        var completionInformation = frames[1];
        Assert.Equal("QueryCompletionInformation", completionInformation.GetProperty("TableKind").GetString());
        var error = completionInformation.GetProperty("Rows")[0];
        Assert.Equal(2, error[5].GetInt32());
        Assert.Equal("Error", error[6].GetString());
        Assert.Contains("boom", error[11].GetString(), StringComparison.Ordinal);
        var completion = frames[2];
        Assert.True(completion.GetProperty("HasErrors").GetBoolean());
        Assert.Contains("boom", completion.GetProperty("OneApiErrors")[0].GetProperty("error").GetProperty("@message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuntimeFailure_InV1_Returns500OneApiError()
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/rest/query", new { db = "Vigil", csl = "print assert(false, 'boom')" });
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("boom", body.RootElement.GetProperty("error").GetProperty("@message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncationInV1_KeepsTheLimitAndReportsItInQueryStatus()
    {
        var payload = new { db = "Vigil", csl = "range x from 1 to 10 step 1", properties = new { Options = new { truncationmaxrecords = 3 } } };
        using var response = await server.Client.PostAsJsonAsync("/v1/rest/query", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tables = body.RootElement.GetProperty("Tables");
        Assert.Equal(3, tables[0].GetProperty("Rows").GetArrayLength());
        var status = tables[2].GetProperty("Rows")[0];
        Assert.Equal(2, status[1].GetInt32());
        Assert.Contains("E_QUERY_RESULT_SET_TOO_LARGE", status[4].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PropertiesAsAString_NoTruncationReturnsEveryRow()
    {
        var payload = new { db = "Vigil", csl = "range x from 1 to 10 step 1", properties = """{"Options":{"truncationmaxrecords":3,"notruncation":true}}""" };
        using var response = await server.Client.PostAsJsonAsync("/v2/rest/query", payload);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var primary = body.RootElement.EnumerateArray().Single(f => f.TryGetProperty("TableKind", out var kind) && kind.GetString() == "PrimaryResult");
        Assert.Equal(10, primary.GetProperty("Rows").GetArrayLength());
        Assert.False(body.RootElement.EnumerateArray().Last().GetProperty("HasErrors").GetBoolean());
    }

    [Fact]
    public async Task BadServerTimeout_Returns400()
    {
        var payload = new { db = "Vigil", csl = "print 1", properties = new { Options = new { servertimeout = "soon" } } };
        using var response = await server.Client.PostAsJsonAsync("/v2/rest/query", payload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("servertimeout", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAndRender_PutsTheVisualizationInExtendedProperties()
    {
        using var response = await server.Client.PostAsJsonAsync("/v2/rest/query", new { db = "Vigil", csl = "range x from 1 to 3 step 1 | render barchart with (title='Bars')" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var value = body.RootElement[1].GetProperty("Rows")[0][2].GetString()!;
        using var visualization = JsonDocument.Parse(value);
        Assert.Equal("barchart", visualization.RootElement.GetProperty("Visualization").GetString());
        Assert.Equal("Bars", visualization.RootElement.GetProperty("Title").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"db":"Vigil"}""")]
    [InlineData("""[1,2]""")]
    public async Task MalformedBody_Returns400AndTheServerKeepsServing(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync(new Uri("/v2/rest/query", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("General_BadRequest", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        using var after = await server.Client.PostAsJsonAsync("/v2/rest/query", new { db = "Vigil", csl = "print 1" });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task ShowVersion_ReturnsOneV1Table()
    {
        var table = await ManagementAsync(".show version");
        Assert.Equal(["BuildVersion", "BuildTime", "ServiceType", "ProductVersion", "ServiceOffering"], Columns(table, "ColumnType").Select(c => c.Item1));
        Assert.Single(table.GetProperty("Rows").EnumerateArray());
    }

    [Fact]
    public async Task ShowDatabases_ListsTheWorkspaceAsOneDatabase()
    {
        var table = await ManagementAsync(".show databases");
        Assert.Equal(
            ["DatabaseName", "PersistentStorage", "Version", "IsCurrent", "DatabaseAccessMode", "PrettyName", "ReservedSlot1", "DatabaseId", "InTransitionTo"],
            Columns(table, "ColumnType").Select(c => c.Item1));
        var row = Assert.Single(table.GetProperty("Rows").EnumerateArray());
        // The database is the workspace, named by its id as Log Analytics' Kusto endpoint names it.
        Assert.Equal(server.Server.Server.WorkspaceId.ToString(), row[0].GetString());
        Assert.True(row[3].GetBoolean());
    }

    [Fact]
    public async Task ShowFunctions_ReturnsTheColumnsAndNoRows()
    {
        var table = await ManagementAsync(".show functions");
        Assert.Equal(["Name", "Parameters", "Body", "Folder", "DocString"], Columns(table, "ColumnType").Select(c => c.Item1));
        Assert.Equal(0, table.GetProperty("Rows").GetArrayLength());
    }

    [Fact]
    public async Task ShowTableCslSchema_KnowsBuiltInTables()
    {
        var table = await ManagementAsync(".show table Heartbeat cslschema");
        Assert.Equal(["TableName", "Schema", "DatabaseName", "Folder", "DocString"], Columns(table, "ColumnType").Select(c => c.Item1));
        var row = table.GetProperty("Rows")[0];
        Assert.Equal("Heartbeat", row[0].GetString());
        Assert.Contains("TimeGenerated:datetime", row[1].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTableSchemaAsJson_GivesOrderedColumnsWithClrAndCslTypes()
    {
        var table = await ManagementAsync(".show table ['Heartbeat'] schema as json");
        using var schema = JsonDocument.Parse(table.GetProperty("Rows")[0][1].GetString()!);
        Assert.Equal("Heartbeat", schema.RootElement.GetProperty("Name").GetString());
        var column = schema.RootElement.GetProperty("OrderedColumns").EnumerateArray().First(c => c.GetProperty("Name").GetString() == "TimeGenerated");
        Assert.Equal("System.DateTime", column.GetProperty("Type").GetString());
        Assert.Equal("datetime", column.GetProperty("CslType").GetString());
    }

    [Theory]
    [InlineData(".drop table Heartbeat", "does not run the management command")]
    [InlineData(".show table Nope cslschema", "'Nope' was not found")]
    [InlineData("print 1", "starts with '.'")]
    public async Task UnsupportedManagement_Returns400WithAClearMessage(string command, string expected)
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/rest/mgmt", new { db = "Vigil", csl = command });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, body.RootElement.GetProperty("error").GetProperty("@message").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ManagementAsync(string command)
    {
        using var response = await server.Client.PostAsJsonAsync("/v1/rest/mgmt", new { db = "Vigil", csl = command });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        var table = Assert.Single(body.RootElement.GetProperty("Tables").EnumerateArray());
        Assert.Equal("Table_0", table.GetProperty("TableName").GetString());
        return table.Clone();
    }

    private static (string, string)[] Columns(JsonElement table, string typeField) =>
        table.GetProperty("Columns").EnumerateArray().Select(c => (c.GetProperty("ColumnName").GetString()!, c.GetProperty(typeField).GetString()!)).ToArray();
}
