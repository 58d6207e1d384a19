using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Vigil.Server.Audit;
using Vigil.Server.Configuration;
using Vigil.Server.Security;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) over HTTPS with its generated certificate and its own signing
/// key in a temporary state folder; clients trust exactly that certificate and carry tokens signed by that key.
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    private readonly TempDirectory _state;
    private readonly X509Certificate2? _trusted;

    private LiveServer(VigilServer server, TempDirectory state)
    {
        Server = server;
        _state = state;
        BaseAddress = new Uri(Assert.Single(server.Addresses));
        _trusted = server.CertificatePath is { } path ? X509Certificate2.CreateFromPem(File.ReadAllText(path)) : null;
    }

    public VigilServer Server { get; }

    public Uri BaseAddress { get; }

    public string QueryPath => $"/v1/workspaces/{Server.WorkspaceId}/query";

    /// <summary>Starts a server; <paramref name="configure"/> adjusts the options (limits, data, plain HTTP).</summary>
    public static async Task<LiveServer> StartAsync(Func<VigilServerOptions, VigilServerOptions>? configure = null)
    {
        var state = new TempDirectory();
        var options = new VigilServerOptions { Urls = "https://127.0.0.1:0", StateDirectory = state.Path };
        options = configure?.Invoke(options) ?? options;
        VigilServer? server = null;
        try
        {
            server = VigilServer.Create(options);
            await server.StartAsync();
            return new LiveServer(server, state);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            state.Dispose();
            throw;
        }
    }

    /// <summary>A token signed by the server's own key.</summary>
    public string Token(string principal, VigilRole role, TimeSpan? lifetime = null, string? audience = null, DateTime? issued = null) =>
        LocalTokenIssuer.Issue(
            LocalSigningKey.LoadOrCreate(Server.State), principal, role, lifetime ?? TimeSpan.FromHours(1),
            audience ?? AuthenticationOptions.DefaultLocalAudience, issued);

    /// <summary>A client that trusts the server's generated certificate (and nothing self-signed else), with a bearer token if given.</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var handler = new HttpClientHandler();
        if (_trusted is not null)
        {
            var trusted = _trusted;
            handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate?.Thumbprint == trusted.Thumbprint);
        }

        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Waits until every audited query so far is in LAQueryLogs.</summary>
    public Task FlushAuditAsync() => ((QueryAudit)Server.Services.GetService(typeof(QueryAudit))!).FlushAsync();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _trusted?.Dispose();
        _state.Dispose();
    }
}
