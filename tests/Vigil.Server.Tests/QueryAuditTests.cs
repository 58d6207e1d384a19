using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Security;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>Every query lands in LAQueryLogs (through ingestion), queryable with KQL.</summary>
public sealed class QueryAuditTests
{
    [Fact]
    public async Task Queries_AreAuditedInLAQueryLogs_WithCallerTextStatusRowsAndClient()
    {
        using var data = new TempDirectory();
        await using var server = await LiveServer.StartAsync(o => o with { DataDirectory = data.Path });
        using var alice = server.CreateClient(server.Token("alice", VigilRole.Reader));
        alice.DefaultRequestHeaders.Add("x-ms-app", "audit-test");
        using (var ok = await alice.PostAsJsonAsync(server.QueryPath, new { query = "range x from 1 to 3 step 1", timespan = "PT1H" }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var bad = await alice.PostAsJsonAsync(server.QueryPath, new { query = "print x = | |" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        await server.FlushAuditAsync();
        using var auditor = server.CreateClient(server.Token("auditor", VigilRole.Admin));
        using var response = await auditor.PostAsJsonAsync(server.QueryPath, new
        {
            query = """
                LAQueryLogs
                | where RequestClientApp == 'audit-test'
                | project QueryText, ResponseCode, ResponseRowCount, AADObjectId, ResponseDurationMs, RequestContext, QueryTimeRangeStart, TenantId, CorrelationId
                | order by ResponseCode asc
                """,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        var table = Assert.Single(body.RootElement.GetProperty("tables").EnumerateArray());
        var types = table.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString());
        Assert.Equal("int", types["ResponseCode"]);
        Assert.Equal("real", types["ResponseDurationMs"]);
        Assert.Equal("dynamic", types["RequestContext"]);
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);

        var succeeded = rows[0];
        Assert.Equal("range x from 1 to 3 step 1", succeeded[0].GetString());
        Assert.Equal(200, succeeded[1].GetInt32());
        Assert.Equal(3, succeeded[2].GetInt32());
        Assert.Equal(LocalTokenIssuer.ObjectId("alice").ToString(), succeeded[3].GetString());
        Assert.True(succeeded[4].GetDouble() >= 0);
        Assert.Contains(server.Server.WorkspaceId.ToString(), succeeded[5].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, succeeded[6].ValueKind);
        Assert.Equal(server.Server.WorkspaceId.ToString(), succeeded[7].GetString());
        Assert.False(string.IsNullOrEmpty(succeeded[8].GetString()));

        var failed = rows[1];
        Assert.Equal("print x = | |", failed[0].GetString());
        Assert.Equal(400, failed[1].GetInt32());
        Assert.Equal(JsonValueKind.Null, failed[2].ValueKind);
    }

    [Fact]
    public async Task AuditRows_SurviveARestart()
    {
        using var data = new TempDirectory();
        using var state = new TempDirectory();
        await using (var first = await LiveServer.StartAsync(o => o with { DataDirectory = data.Path, StateDirectory = state.Path }))
        {
            using var client = first.CreateClient(first.Token("alice", VigilRole.Reader));
            using var response = await client.PostAsJsonAsync(first.QueryPath, new { query = "print 'before restart'" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // No flush call: stopping the server writes what was queued.
        await using var second = await LiveServer.StartAsync(o => o with { DataDirectory = data.Path, StateDirectory = state.Path });
        using var reader = second.CreateClient(second.Token("bob", VigilRole.Reader));
        using var audit = await reader.PostAsJsonAsync(second.QueryPath, new { query = "LAQueryLogs | where QueryText == \"print 'before restart'\" | count" });
        using var body = JsonDocument.Parse(await audit.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetProperty("tables")[0].GetProperty("rows")[0][0].GetInt64());
    }
}
