using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>One live HTTPS server (over an empty workspace) for a test class, with a client holding a Reader's token.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private LiveServer? _server;

    public HttpClient Client { get; private set; } = null!;

    public string QueryPath => _server!.QueryPath;

    internal LiveServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await LiveServer.StartAsync();
        Assert.StartsWith("https://127.0.0.1:", _server.BaseAddress.ToString(), StringComparison.Ordinal);
        Client = _server.CreateClient(_server.Token("reader@example.com", VigilRole.Reader));
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
