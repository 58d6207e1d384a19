using System.Diagnostics;
using Vigil.Testing;

namespace Vigil.Server.Tests.Clients;

/// <summary>
/// Runs one script of an npm client project under <c>tests/Vigil.Server.Tests/clients/NAME</c> with Node.js, so a test
/// drives Vigil through Microsoft's own SDK. The packages are installed by <c>scripts/test-prereqs/npm-clients.sh</c>
/// (run by <c>test.sh</c>); a missing install fails with a message saying so.
/// </summary>
internal static class NodeClient
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(
        string client, string script, IReadOnlyDictionary<string, string> environment, TimeSpan? limit = null)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "Vigil.Server.Tests", "clients", client);
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            throw new InvalidOperationException(
                $"{directory}/node_modules is missing: run scripts/test-prereqs/npm-clients.sh (test.sh runs it) first");
        }

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A generous bound so a hung client fails the test instead of hanging the run; not a timing assertion.
        using var cancel = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} in {client} did not finish: {await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
