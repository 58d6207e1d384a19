using System.Diagnostics;
using Vigil.Testing;

namespace Vigil.Cli.Tests;

/// <summary>The <c>./vigil</c> wrapper at the repository root is what every doc example runs.</summary>
public sealed class WrapperScriptTests
{
    [Fact]
    public void Wrapper_runs_the_cli_with_its_arguments()
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "vigil"), "--version"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"./vigil --version exited {process.ExitCode}: {stderr}");
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
    }
}
