using System.CommandLine;
using System.Runtime.InteropServices;
using Vigil.Server;
using Vigil.Storage;

namespace Vigil.Cli.Serve;

/// <summary>
/// <c>vigil serve [--data DIR] [--urls URLS]</c>: runs the Vigil HTTP service over a workspace until Ctrl+C or
/// SIGTERM, then stops gracefully (running requests finish, the workspace is closed).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data")
        {
            Description = "The workspace directory (created when it does not exist); without it the workspace is empty.",
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, separated by ';' (port 0 picks a free port).",
            DefaultValueFactory = _ => VigilServerOptions.DefaultUrls,
        };
        var command = new Command("serve", "Run the Vigil HTTP service (Log Analytics query API, health) over a workspace.");
        command.Options.Add(data);
        command.Options.Add(urls);
        command.SetAction(parsed => Run(parsed.GetValue(data), parsed.GetValue(urls)!, parsed.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(string? data, string urls, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // Stop here, not by the runtime's default exit.
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        RunAsync(data, urls, output, stop.Token).GetAwaiter().GetResult();
        return ExitCodes.Success;
    }

    /// <summary>Serves until <paramref name="stop"/> is cancelled, then stops gracefully.</summary>
    internal static async Task RunAsync(string? data, string urls, TextWriter output, CancellationToken stop)
    {
        var options = new VigilServerOptions { DataDirectory = data, Urls = urls };
        VigilServer server;
        try
        {
            server = VigilServer.Create(options);
        }
        catch (StorageCorruptionException e)
        {
            throw new CommandException($"the workspace in '{options.DataDirectory}' is damaged: {e.Message}");
        }

        await using (server.ConfigureAwait(false))
        {
            await server.StartAsync(stop).ConfigureAwait(false);
            foreach (var address in server.Addresses)
            {
                output.WriteLine($"vigil: listening on {address}");
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
