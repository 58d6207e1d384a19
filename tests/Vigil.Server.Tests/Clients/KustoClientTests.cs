using System.Text.Json;
using Vigil.Server.Security;

namespace Vigil.Server.Tests.Clients;

/// <summary>Microsoft's azure-kusto-data (npm, 7.0.4) runs a v2 query against a live server.</summary>
public sealed class KustoClientTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task V2Query_ParsesInTheOfficialClient()
    {
        const string query = """
            datatable(s:string, l:long, r:real, b:bool, d:datetime, t:timespan, dyn:dynamic)
            ["a", 1, 1.5, true, datetime(2017-08-24T06:59:59Z), 1h, dynamic({"k":[1,2]})]
            """;
        var result = await NodeClient.RunAsync("kusto", "query.mjs", new Dictionary<string, string>
        {
            ["VIGIL_URL"] = server.Client.BaseAddress!.ToString().TrimEnd('/'),
            ["VIGIL_TOKEN"] = server.Server.Token("analyst@example.com", VigilRole.Reader),
            ["NODE_EXTRA_CA_CERTS"] = server.Server.Server.CertificatePath!,
            ["VIGIL_DB"] = "Vigil",
            ["VIGIL_QUERY"] = query,
        });
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var header = JsonDocument.Parse(lines[0]);
        Assert.Equal(
            [("s", "string"), ("l", "long"), ("r", "real"), ("b", "bool"), ("d", "datetime"), ("t", "timespan"), ("dyn", "dynamic")],
            header.RootElement.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString())));
        using var row = JsonDocument.Parse(Assert.Single(lines[1..]));
        var cells = row.RootElement.EnumerateArray().ToArray();
        Assert.Equal("a", cells[0].GetString());
        Assert.Equal(1, cells[1].GetInt64());
        Assert.Equal(1.5, cells[2].GetDouble());
        Assert.True(cells[3].GetBoolean());
        // The client turned the datetime into a Date and the timespan into milliseconds: it read our formats.
        Assert.Equal("2017-08-24T06:59:59.000Z", cells[4].GetString());
        Assert.Equal(3_600_000, cells[5].GetInt64());
        Assert.Equal(2, cells[6].GetProperty("k").GetArrayLength());
    }

    [Fact]
    public async Task SemanticError_SurfacesAsAClientError()
    {
        var result = await NodeClient.RunAsync("kusto", "query.mjs", new Dictionary<string, string>
        {
            ["VIGIL_URL"] = server.Client.BaseAddress!.ToString().TrimEnd('/'),
            ["VIGIL_TOKEN"] = server.Server.Token("analyst@example.com", VigilRole.Reader),
            ["NODE_EXTRA_CA_CERTS"] = server.Server.Server.CertificatePath!,
            ["VIGIL_QUERY"] = "NoSuchTable | take 1",
        });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("query failed", result.Error, StringComparison.Ordinal);
    }
}
