using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Engine;
using Vigil.Server.Audit;
using Vigil.Server.Configuration;
using Vigil.Server.Ingestion;
using Vigil.Server.Kusto;
using Vigil.Server.LogAnalytics;
using Vigil.Server.Security;
using Vigil.Server.Throttling;
using Vigil.Server.Transport;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>
/// The Vigil HTTP service: Kestrel with Minimal API endpoints over one embedded workspace (opened here, closed on
/// dispose). HTTPS by default; every endpoint but <c>GET /health</c> needs a bearer token and a role
/// (<see cref="VigilPolicies"/>); query endpoints are throttled per caller (<see cref="QueryThrottle"/>) and audited
/// into LAQueryLogs (<see cref="QueryAudit"/>). Serves the Log Analytics query API, the Kusto REST API, the Logs
/// Ingestion API with its data collection rules and the HTTP Data Collector API (see README.md).
/// </summary>
internal sealed class VigilServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Workspace? _workspace;
    private readonly X509Certificate2? _certificate;

    private VigilServer(WebApplication app, Workspace? workspace, X509Certificate2? certificate, ServerState state, Guid workspaceId, string? trustPath)
    {
        _app = app;
        _workspace = workspace;
        _certificate = certificate;
        State = state;
        WorkspaceId = workspaceId;
        CertificatePath = trustPath;
    }

    /// <summary>The addresses Kestrel listens on (with the real port when 0 was asked); valid after <see cref="StartAsync"/>.</summary>
    public IReadOnlyList<string> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>The id the Log Analytics API serves the workspace under.</summary>
    public Guid WorkspaceId { get; }

    /// <summary>The generated certificate's PEM file for clients to trust; null with a configured certificate or no HTTPS.</summary>
    public string? CertificatePath { get; }

    /// <summary>Where the signing key, the generated certificate and the workspace id are kept.</summary>
    public ServerState State { get; }

    public IServiceProvider Services => _app.Services;

    public static VigilServer Create(VigilServerOptions options, ILoggerProvider? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = ServerState.For(options);
        var workspaceId = state.WorkspaceId(options.WorkspaceId);
        var localKey = options.Authentication.LocalTokens ? LocalSigningKey.LoadOrCreate(state) : null;
        var https = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        var (certificate, trustPath) = https ? ServerCertificate.Load(options.Certificate, state) : (null, null);
        Workspace? workspace = null;
        try
        {
            workspace = options.DataDirectory is null ? null : SchemaMapping.OpenWorkspace(options.DataDirectory);
            var app = Build(options with { WorkspaceId = workspaceId }, workspace, certificate, localKey, logging);
            return new VigilServer(app, workspace, certificate, state, workspaceId, trustPath);
        }
        catch
        {
            workspace?.Dispose();
            certificate?.Dispose();
            throw;
        }
    }

    private static WebApplication Build(
        VigilServerOptions options, Workspace? workspace, X509Certificate2? certificate, Microsoft.IdentityModel.Tokens.SecurityKey? localKey, ILoggerProvider? logging)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.Limits.MaxRequestBodyBytes;
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate);
            }
        });
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new QueryEngine(workspace));
        builder.Services.AddSingleton(services => new QueryAudit(
            workspace, options.WorkspaceId!.Value, services.GetRequiredService<ILoggerFactory>().CreateLogger<QueryAudit>()));
        builder.Services.AddSingleton(_ => new QueryThrottle(options.Limits)); // Created by the container, so disposed by it.
        builder.Services.AddSingleton(new ServedWorkspace(workspace, options.WorkspaceId!.Value.ToString("D", CultureInfo.InvariantCulture)));
        builder.Services.AddSingleton(new DataCollectionRuleStore(workspace?.Directory));
        VigilAuthentication.Add(builder.Services, options.Authentication, localKey);

        var app = builder.Build();
        app.Use(UnhandledErrors.InvokeAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(app.Services.GetRequiredService<QueryThrottle>().InvokeAsync);

        app.MapGet("/health", () => Results.Text("{\"status\":\"healthy\"}", "application/json")).AllowAnonymous();
        QueryEndpoints.Map(app);
        KustoEndpoints.Map(app);
        LogsIngestionEndpoints.Map(app);
        DataCollectorEndpoints.Map(app);
        return app;
    }

    public Task StartAsync(CancellationToken cancellation = default) => _app.StartAsync(cancellation);

    /// <summary>Stops accepting requests, lets the running ones finish and writes the queued audit rows.</summary>
    public async Task StopAsync(CancellationToken cancellation = default)
    {
        await _app.StopAsync(cancellation).ConfigureAwait(false);
        await _app.Services.GetRequiredService<QueryAudit>().FlushAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false); // Disposes the audit (writing what is queued) and the throttle.
        if (_workspace is not null)
        {
            // Everything accepted is already in the fsynced WAL; flushing to extents spares the next start a replay.
            _workspace.Flush();
            _workspace.Dispose();
        }

        _certificate?.Dispose();
    }
}
