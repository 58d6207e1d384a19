using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Security;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>
/// A live HTTPS server over a fresh data directory, with a workspace id and shared keys, for the ingestion APIs; its
/// client carries a Contributor's token.
/// </summary>
public sealed class IngestionServerFixture : IAsyncLifetime
{
    public const string WorkspaceId = "63613592-b6f7-4c3d-a390-22ba13102111";

    /// <summary>Base64 keys as Azure shows them (primary, secondary).</summary>
    public static readonly string PrimaryKey = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());

    public static readonly string SecondaryKey = Convert.ToBase64String(Enumerable.Range(100, 64).Select(i => (byte)i).ToArray());

    private readonly TempDirectory _directory = new();
    private LiveServer? _server;

    public HttpClient Client { get; private set; } = null!;

    internal LiveServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await LiveServer.StartAsync(o => o with
        {
            DataDirectory = _directory.Path,
            WorkspaceId = Guid.Parse(WorkspaceId),
            SharedKeys = [PrimaryKey, SecondaryKey],
        });
        Client = _server.CreateClient(_server.Token("ingest@example.com", VigilRole.Contributor));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _directory.Dispose();
    }

    /// <summary>Runs a query through the Log Analytics API and returns the result table.</summary>
    public async Task<JsonElement> QueryAsync(string query)
    {
        using var response = await Client.PostAsJsonAsync($"/v1/workspaces/{WorkspaceId}/query", new { query });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("tables")[0].Clone();
    }

    /// <summary>The table's rows, or null when the query fails because the table does not exist.</summary>
    public async Task<int?> CountAsync(string table)
    {
        using var response = await Client.PostAsJsonAsync($"/v1/workspaces/{WorkspaceId}/query", new { query = $"{table} | count" });
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("tables")[0].GetProperty("rows")[0][0].GetInt32();
    }
}
