using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Engine;
using Vigil.Server.Ingestion;
using Vigil.Server.Kusto;
using Vigil.Server.LogAnalytics;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>
/// The Vigil HTTP service: Kestrel with Minimal API endpoints over one embedded workspace (opened here, closed on
/// dispose). <c>GET /health</c>, the Log Analytics query API, the Kusto REST API, the Logs Ingestion API with its
/// data collection rules, and the HTTP Data Collector API (see README.md).
/// </summary>
internal sealed class VigilServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Workspace? _workspace;

    private VigilServer(WebApplication app, Workspace? workspace)
    {
        _app = app;
        _workspace = workspace;
    }

    /// <summary>The addresses Kestrel listens on (with the real port when 0 was asked); valid after <see cref="StartAsync"/>.</summary>
    public IReadOnlyList<string> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    public static VigilServer Create(VigilServerOptions options, ILoggerProvider? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var workspace = options.DataDirectory is null ? null : SchemaMapping.OpenWorkspace(options.DataDirectory);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.WebHost.UseUrls(options.Urls);
            builder.Logging.ClearProviders();
            if (logging is not null)
            {
                builder.Logging.AddProvider(logging);
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(new QueryEngine(workspace));
            builder.Services.AddSingleton(new ServedWorkspace(workspace, options.WorkspaceId ?? VigilServerOptions.DefaultDatabaseName));
            builder.Services.AddSingleton(options);
            builder.Services.AddSingleton(new DataCollectionRuleStore(workspace?.Directory));
            var app = builder.Build();
            app.MapGet("/health", () => Results.Text("{\"status\":\"healthy\"}", "application/json"));
            QueryEndpoints.Map(app);
            KustoEndpoints.Map(app);
            LogsIngestionEndpoints.Map(app);
            DataCollectorEndpoints.Map(app);
            return new VigilServer(app, workspace);
        }
        catch
        {
            workspace?.Dispose();
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellation = default) => _app.StartAsync(cancellation);

    /// <summary>Stops accepting requests and lets the running ones finish.</summary>
    public Task StopAsync(CancellationToken cancellation = default) => _app.StopAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _workspace?.Dispose();
    }
}
