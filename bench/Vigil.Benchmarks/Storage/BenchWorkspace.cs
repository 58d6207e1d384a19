using Vigil.Engine;
using Vigil.Storage;

namespace Vigil.Benchmarks.Storage;

/// <summary>Where the generated data is, and a workspace set up as `vigil ingest` sets one up.</summary>
internal static class BenchWorkspace
{
    public const string Table = "DeviceProcessEvents";

    /// <summary>The generator's JSON lines: $VIGIL_BENCH_DATA/DeviceProcessEvents.jsonl (default /tmp/benchdata).</summary>
    public static string DefaultJsonLines
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("VIGIL_BENCH_DATA");
            return Path.Combine(string.IsNullOrEmpty(dir) ? "/tmp/benchdata" : dir, Table + ".jsonl");
        }
    }

    /// <summary>
    /// The built-in tables, production thresholds, and a retention long enough that the generator's June 2025 rows
    /// are kept whatever today's date is.
    /// </summary>
    public static Workspace Open(string directory) =>
        SchemaMapping.OpenWorkspace(directory, new WorkspaceOptions { DefaultRetentionDays = 36_500, BackgroundMaintenance = false });

    public static long DirectoryBytes(string directory, string pattern = "*") =>
        Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
