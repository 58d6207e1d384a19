using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>A live server over a fresh data directory, with a workspace id and shared keys, for the ingestion APIs.</summary>
public sealed class IngestionServerFixture : IAsyncLifetime
{
    public const string WorkspaceId = "63613592-b6f7-4c3d-a390-22ba13102111";

    /// <summary>Base64 keys as Azure shows them (primary, secondary).</summary>
    public static readonly string PrimaryKey = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());

    public static readonly string SecondaryKey = Convert.ToBase64String(Enumerable.Range(100, 64).Select(i => (byte)i).ToArray());

    private readonly TempDirectory _directory = new();
    private VigilServer? _server;

    public HttpClient Client { get; private set; } = null!;

    public string Address { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = VigilServer.Create(new VigilServerOptions
        {
            DataDirectory = _directory.Path,
            Urls = "http://127.0.0.1:0",
            WorkspaceId = WorkspaceId,
            SharedKeys = [PrimaryKey, SecondaryKey],
        });
        await _server.StartAsync();
        Address = Assert.Single(_server.Addresses);
        Client = new HttpClient { BaseAddress = new Uri(Address) };
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
