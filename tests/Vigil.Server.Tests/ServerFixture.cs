namespace Vigil.Server.Tests;

/// <summary>One real Kestrel server on 127.0.0.1 with a free port (over an empty workspace) for a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private VigilServer? _server;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = VigilServer.Create(new VigilServerOptions { Urls = "http://127.0.0.1:0" });
        await _server.StartAsync();
        var address = Assert.Single(_server.Addresses);
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
