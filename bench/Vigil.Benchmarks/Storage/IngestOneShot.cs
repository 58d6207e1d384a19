using System.Diagnostics;
using System.Globalization;
using Vigil.Storage;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// One measured ingestion of the generator's DeviceProcessEvents JSON lines into a fresh workspace, as
/// `vigil ingest` does it (built-in schema, WAL, fsync, extents), then a compaction, then sizes:
/// <code>dotnet bin/Release/net10.0/Vigil.Benchmarks.dll ingest [--jsonl FILE] [--parquet FILE] [--rows N] [--dir DIR] [--keep]</code>
/// Rows per CPU-second is the per-core figure (CPU time of the whole process, background flushes included).
/// Peak working set is the process high-water mark over the ingestion (before the Parquet comparison runs).
/// </summary>
internal static class IngestOneShot
{
    public static int Run(string[] args)
    {
        var jsonl = BenchWorkspace.DefaultJsonLines;
        string? parquet = null;
        var rows = long.MaxValue;
        string? dir = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--jsonl": jsonl = args[++i]; break;
                case "--parquet": parquet = args[++i]; break;
                case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--dir": dir = args[++i]; break;
                case "--keep": keep = true; break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}; usage: ingest [--jsonl FILE] [--parquet FILE] [--rows N] [--dir DIR] [--keep]");
                    return 2;
            }
        }

        parquet ??= Path.ChangeExtension(jsonl, ".parquet");
        dir ??= Path.Combine(Path.GetTempPath(), "vigil-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Console.Error.WriteLine($"{dir} is not empty");
            return 2;
        }

        var process = Process.GetCurrentProcess();
        try
        {
            IngestResult result;
            long jsonBytes;
            TimeSpan wall, cpu, compactWall, compactCpu;
            long allocated, ingestPeak, compactPeak, compactAllocated, compactBase;
            using (var workspace = BenchWorkspace.Open(dir))
            {
                using var input = new LineLimitedStream(new FileStream(jsonl, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20), rows);
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                result = workspace.Ingest(BenchWorkspace.Table, input, Vigil.Storage.IngestFormat.JsonLines);
                wall = clock.Elapsed;
                process.Refresh();
                cpu = process.TotalProcessorTime - cpuBefore;
                allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
                jsonBytes = input.BytesRead;
                ingestPeak = process.PeakWorkingSet64;
                // The process peak covers ingestion too: sample the working set while merging for the merge's own.
                GC.Collect();
                var compactAllocatedBefore = GC.GetTotalAllocatedBytes();
                using var stop = new CancellationTokenSource();
                var sampler = Task.Run(() =>
                {
                    long max = 0;
                    using var self = Process.GetCurrentProcess();
                    while (!stop.IsCancellationRequested)
                    {
                        self.Refresh();
                        max = Math.Max(max, self.WorkingSet64);
                        Thread.Sleep(20);
                    }

                    return max;
                });
                process.Refresh();
                compactBase = process.WorkingSet64;
                var cpuBeforeCompact = process.TotalProcessorTime;
                clock.Restart();
                workspace.Compact();
                compactWall = clock.Elapsed;
                stop.Cancel();
                compactPeak = sampler.GetAwaiter().GetResult();
                compactAllocated = GC.GetTotalAllocatedBytes() - compactAllocatedBefore;
                process.Refresh();
                compactCpu = process.TotalProcessorTime - cpuBeforeCompact;
            }

            process.Refresh();
            var peak = process.PeakWorkingSet64;
            var extents = BenchWorkspace.DirectoryBytes(Path.Combine(dir, "extents"), "*.vext");
            var total = BenchWorkspace.DirectoryBytes(dir);
            var rowCount = result.AcceptedRows;
            var mb = jsonBytes / 1048576.0;
            var w = wall.TotalSeconds;
            var c = cpu.TotalSeconds;
            Console.WriteLine($"rows accepted        {rowCount:N0} (rejected {result.FailedRows:N0}) from {mb:N1} MB of JSON lines");
            Console.WriteLine($"ingest wall          {w:N2} s  ->  {rowCount / w:N0} rows/s, {mb / w:N1} MB/s");
            Console.WriteLine($"ingest CPU           {c:N2} s ({c / w:N2} cores busy)  ->  {rowCount / c:N0} rows/s per core, {mb / c:N1} MB/s per core");
            Console.WriteLine($"allocated            {allocated / 1048576.0:N0} MB ({(double)allocated / Math.Max(1, rowCount):N0} B/row)");
            Console.WriteLine($"peak working set     {ingestPeak / 1048576.0:N0} MB while ingesting, {peak / 1048576.0:N0} MB after compacting");
            Console.WriteLine($"compact              {compactWall.TotalSeconds:N2} s wall, {compactCpu.TotalSeconds:N2} s CPU (merging the extents of this ingestion)");
            Console.WriteLine($"compact memory       working set up to {compactPeak / 1048576.0:N0} MB (sampled while merging; {compactBase / 1048576.0:N0} MB before), {compactAllocated / 1048576.0:N0} MB allocated");
            Console.WriteLine($"on disk (extents)    {extents:N0} B = 1/{(double)jsonBytes / extents:N2} of the JSON");
            Console.WriteLine($"on disk (workspace)  {total:N0} B = 1/{(double)jsonBytes / total:N2} of the JSON");
            if (File.Exists(parquet))
            {
                var target = Path.Combine(dir, "zstd.parquet");
                var zstd = ZstdParquet.WriteAsync(parquet, target, rowCount).GetAwaiter().GetResult();
                Console.WriteLine($"Zstd Parquet         {zstd:N0} B = 1/{(double)jsonBytes / zstd:N2} of the JSON; Vigil extents are {(double)extents / zstd:N2}x its size");
            }
            else
            {
                Console.WriteLine($"Zstd Parquet         skipped ({parquet} not found)");
            }

            return result.FailedRows == 0 ? 0 : 1;
        }
        finally
        {
            if (!keep && Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
