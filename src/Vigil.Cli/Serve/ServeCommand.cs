using System.CommandLine;
using System.Runtime.InteropServices;
using Vigil.Server;
using Vigil.Server.Configuration;
using Vigil.Storage;

namespace Vigil.Cli.Serve;

/// <summary>
/// <c>vigil serve [--config FILE] [--data DIR] [--urls URLS]</c>: runs the Vigil HTTP service over a workspace until
/// Ctrl+C or SIGTERM, then stops gracefully (running requests finish, the audit and the workspace are written and closed).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var shared = new ServerOptionsArguments();
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen, separated by ';' (default {VigilServerOptions.DefaultUrls}; port 0 picks a free port; http:// only when given).",
        };
        var command = new Command("serve", "Run the Vigil HTTP service (Log Analytics query API, health) over a workspace, over HTTPS with bearer tokens.");
        shared.AddTo(command);
        command.Options.Add(urls);
        command.SetAction(parsed => Run(shared.Resolve(parsed, parsed.GetValue(urls)), parsed.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(VigilServerOptions options, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // Stop here, not by the runtime's default exit.
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        RunAsync(options, output, stop.Token).GetAwaiter().GetResult();
        return ExitCodes.Success;
    }

    /// <summary>Serves until <paramref name="stop"/> is cancelled, then stops gracefully.</summary>
    internal static async Task RunAsync(VigilServerOptions options, TextWriter output, CancellationToken stop)
    {
        VigilServer server;
        try
        {
            server = VigilServer.Create(options);
        }
        catch (StorageCorruptionException e)
        {
            throw new CommandException($"the workspace in '{options.DataDirectory}' is damaged: {e.Message}");
        }
        catch (ServerConfigurationException e)
        {
            throw new CommandException(e.Message);
        }

        await using (server.ConfigureAwait(false))
        {
            await server.StartAsync(stop).ConfigureAwait(false);
            foreach (var address in server.Addresses)
            {
                output.WriteLine($"vigil: listening on {address}");
            }

            output.WriteLine($"vigil: workspace id {server.WorkspaceId} (POST /v1/workspaces/{server.WorkspaceId}/query)");
            if (server.CertificatePath is { } certificate)
            {
                output.WriteLine($"vigil: self-signed HTTPS certificate {certificate} (trust it: NODE_EXTRA_CA_CERTS, curl --cacert)");
            }

            if (options.Authentication.LocalTokens)
            {
                output.WriteLine("vigil: tokens: vigil token [the same --config/--data] --principal NAME --role Reader|Responder|Contributor|Admin");
            }

            output.WriteLine(options.DataDirectory is null
                ? "vigil: serving an empty workspace (no --data); press Ctrl+C to stop"
                : $"vigil: serving the workspace in '{Path.GetFullPath(options.DataDirectory)}'; press Ctrl+C to stop");
            output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: fall through to the graceful stop.
            }

            output.WriteLine("vigil: stopping");
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        output.WriteLine("vigil: stopped");
    }
}
