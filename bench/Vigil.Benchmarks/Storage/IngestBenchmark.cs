using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Vigil.Storage;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// Ingests the first <see cref="Rows"/> rows of the generator's DeviceProcessEvents JSON lines (held in memory, so the
/// disk read of the input is not measured) into a fresh workspace per operation: parse, convert, WAL + fsync, extents.
/// Rows/s and MB/s columns derive from the mean. The one-shot `ingest` mode measures big inputs once.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class IngestBenchmark
{
    private byte[] _json = [];
    private string _directory = "";

    [Params(200_000)]
    public int Rows { get; set; }

    /// <summary>Bytes of the first rows of the input, by row count (for the MB/s column, computed in the host process).</summary>
    private static readonly Dictionary<int, long> JsonBytes = [];

    private static long BytesOfFirstRows(int rows)
    {
        lock (JsonBytes)
        {
            if (!JsonBytes.TryGetValue(rows, out var bytes))
            {
                using var input = new LineLimitedStream(File.OpenRead(BenchWorkspace.DefaultJsonLines), rows);
                input.CopyTo(Stream.Null);
                JsonBytes[rows] = bytes = input.BytesRead;
            }

            return bytes;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        using var input = new LineLimitedStream(File.OpenRead(BenchWorkspace.DefaultJsonLines), Rows);
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        _json = copy.ToArray();
    }

    [IterationSetup]
    public void CreateDirectory() => _directory = Path.Combine(Path.GetTempPath(), "vigil-ingest-bench-" + Guid.NewGuid().ToString("N")[..8]);

    [IterationCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public long IngestJsonLines()
    {
        using var workspace = BenchWorkspace.Open(_directory);
        return workspace.Ingest(BenchWorkspace.Table, new MemoryStream(_json, writable: false), IngestFormat.JsonLines).AcceptedRows;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // One ingestion is seconds long: a few single invocations, not BenchmarkDotNet's default pilot runs.
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(new ThroughputColumn("Rows/s", c => (int)c.Parameters["Rows"]));
            AddColumn(new ThroughputColumn("MB/s", c => BytesOfFirstRows((int)c.Parameters["Rows"]) / 1048576.0));
        }
    }
}
