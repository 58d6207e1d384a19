using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Vigil.Storage.Tests;

/// <summary>
/// Kills an ingesting child process with SIGKILL at random moments, restarts it, and checks that every batch it
/// acknowledged is stored exactly once, and that no batch is stored partially.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int RowsPerBatch = 20;
    private readonly ITestOutputHelper _output;

    public CrashSafetyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Acknowledged_batches_survive_repeated_kills_exactly_once()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("VIGIL_TEST_SEED"), out var s) ? s : Random.Shared.Next();
        _output.WriteLine($"seed {seed} (set VIGIL_TEST_SEED to replay)");
        var random = new Random(seed);
        using var dir = new TempDirectory();
        var acknowledged = new HashSet<long>();
        const int Kills = 6;
        for (var run = 0; run < Kills; run++)
        {
            var target = random.Next(3, 40);
            var acks = RunAndKill(dir.Path, firstBatch: (run + 1) * 1_000_000L, target, extraDelayMs: random.Next(0, 30));
            _output.WriteLine($"run {run}: killed after {acks.Count} acknowledgements");
            Assert.True(acks.Count >= 1, $"run {run} acknowledged nothing (seed {seed})");
            acknowledged.UnionWith(acks);
        }

        using var workspace = Workspace.Open(dir.Path, new WorkspaceOptions { BackgroundMaintenance = false });
        Assert.DoesNotContain(workspace.Problems, p => !p.Message.Contains("torn", StringComparison.Ordinal));
        using var snapshot = workspace.GetSnapshot();
        var rows = TestData.ReadRows(snapshot, "Crash_CL");
        var byBatch = new Dictionary<long, List<int>>();
        foreach (var row in rows)
        {
            var batch = (long)row[1]!;
            if (!byBatch.TryGetValue(batch, out var seqs))
            {
                byBatch[batch] = seqs = [];
            }

            seqs.Add((int)row[2]!);
            Assert.Equal($"batch {batch} row {row[2]} {new string('x', (int)row[2]! % 17)}", row[3]);
        }

        foreach (var batch in acknowledged)
        {
            Assert.True(byBatch.ContainsKey(batch), $"acknowledged batch {batch} is missing (seed {seed})");
        }

        foreach (var (batch, seqs) in byBatch)
        {
            seqs.Sort();
            Assert.True(seqs.SequenceEqual(Enumerable.Range(0, RowsPerBatch)),
                $"batch {batch} stored as [{string.Join(",", seqs)}], not exactly once and whole (seed {seed})");
        }
    }

    private static List<long> RunAndKill(string directory, long firstBatch, int target, int extraDelayMs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CrashHostPath());
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(firstBatch.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("3");
        start.ArgumentList.Add(RowsPerBatch.ToString(CultureInfo.InvariantCulture));
        var acks = new List<long>();
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            while (acks.Count < target)
            {
                var line = process.StandardOutput.ReadLine();
                if (line is null)
                {
                    throw new InvalidOperationException($"the crash host exited early with code {(process.WaitForExit(5000) ? process.ExitCode : -1)}");
                }

                if (line.StartsWith("ACK ", StringComparison.Ordinal))
                {
                    acks.Add(long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture));
                }
            }

            Thread.Sleep(extraDelayMs);
        }
        finally
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Unix
            process.WaitForExit();
        }

        // Acknowledgements printed before the kill but not yet read are still acknowledged.
        string? rest;
        while ((rest = process.StandardOutput.ReadLine()) is not null)
        {
            if (rest.StartsWith("ACK ", StringComparison.Ordinal))
            {
                acks.Add(long.Parse(rest.AsSpan(4), CultureInfo.InvariantCulture));
            }
        }

        return acks;
    }

    private static string CrashHostPath()
    {
        var testDirectory = AppContext.BaseDirectory;
        var path = Path.Combine(testDirectory.Replace("Vigil.Storage.Tests", "Vigil.Storage.CrashHost", StringComparison.Ordinal), "Vigil.Storage.CrashHost.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The crash host was not built at {path}; build tests/Vigil.Storage.CrashHost in the same configuration.");
        }

        return path;
    }
}
