using System.Diagnostics;
using System.Globalization;
using Vigil.Benchmarks.Storage;
using Vigil.Engine;
using Vigil.Kql.Symbols;

namespace Vigil.Benchmarks.Hunting;

/// <summary>
/// The hunting queries side by side with DuckDB, on the generator's data:
/// <code>dotnet bin/Release/net10.0/Vigil.Benchmarks.dll hunting --data DIR [--workspace DIR] [--reps 5] [--threads N]
///     [--only Q1,Q3] [--queries queries.kql] [--expected DIR] [--explain]</code>
/// Ingests DIR/*.jsonl into a Vigil workspace (or reuses --workspace when it already holds the rows), loads DIR/*.parquet
/// into an in-memory DuckDB, runs every question once on both engines to compare the answers, then N warm rounds,
/// the engines alternating query by query, both limited to the same number of threads. Prints a markdown table of
/// medians and the ratio, and the process's peak working set (both engines live in this process). --explain prints
/// Vigil's plans and stops; --kql QUERY (repeatable) times ad-hoc queries on Vigil alone (a cold run, then --reps warm ones).
/// </summary>
internal static class HuntingOneShot
{
    private const string Usage =
        "usage: hunting --data DIR [--workspace DIR] [--reps N] [--threads N] [--only Q1,Q3] [--queries FILE] [--expected DIR] [--explain] [--kql QUERY]...";

    public static int Run(string[] args)
    {
        string? data = null, workspaceDir = null, queriesFile = null, expectedDir = null;
        var reps = 5;
        var threads = Environment.ProcessorCount;
        HashSet<string>? only = null;
        var explain = false;
        var adHoc = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data": data = args[++i]; break;
                case "--workspace": workspaceDir = args[++i]; break;
                case "--reps": reps = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--only": only = [.. args[++i].Split(',')]; break;
                case "--queries": queriesFile = args[++i]; break;
                case "--expected": expectedDir = args[++i]; break;
                case "--explain": explain = true; break;
                case "--kql": adHoc.Add(args[++i]); break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}; {Usage}");
                    return 2;
            }
        }

        if (data is null || reps < 1 || threads < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var shared = SharedBench();
        queriesFile ??= shared is null ? null : Path.Combine(shared, "queries.kql");
        expectedDir ??= shared is null ? null : Path.Combine(shared, "expected", "duckdb");
        if (queriesFile is null || !File.Exists(queriesFile))
        {
            Console.Error.WriteLine("queries.kql not found: pass --queries FILE");
            return 2;
        }

        var queries = HuntingQueries.Load(queriesFile).Where(q => only is null || only.Contains(q.Id)).ToList();
        var temporary = workspaceDir is null;
        workspaceDir ??= Path.Combine(Path.GetTempPath(), "vigil-hunting-" + Guid.NewGuid().ToString("N")[..8]);
        var process = Process.GetCurrentProcess();
        try
        {
            using var workspace = BenchWorkspace.Open(workspaceDir);
            var engine = new QueryEngine(workspace);
            var options = new QueryOptions { Parallelism = threads };
            var processRows = EnsureIngested(workspace, engine, data);
            var networkRows = Count(engine, "DeviceNetworkEvents");
            if (adHoc.Count > 0)
            {
                foreach (var text in adHoc)
                {
                    for (var round = 0; round <= reps; round++)
                    {
                        var watch = Stopwatch.StartNew();
                        var result = engine.Execute(text, options);
                        Console.WriteLine($"{watch.Elapsed.TotalMilliseconds,10:N1} ms  {result.RowCount} rows  {text}");
                    }
                }

                return 0;
            }

            if (explain)
            {
                foreach (var query in queries)
                {
                    Console.WriteLine($"{query.Id}:\n{engine.Explain(query.Kql, options)}");
                }

                return 0;
            }

            process.Refresh();
            var afterIngest = process.PeakWorkingSet64;

            var clock = Stopwatch.StartNew();
            using var duck = DuckPeer.Load(data, threads);
            Console.WriteLine($"DuckDB {duck.Version} loaded from Parquet in {clock.Elapsed.TotalSeconds:N1} s; threads {threads} for both engines");
            Console.WriteLine($"rows: DeviceProcessEvents {processRows:N0}, DeviceNetworkEvents {networkRows:N0}; {reps} warm rounds");
            process.Refresh();
            var afterLoad = process.PeakWorkingSet64;

            // The canonical 10 M / 2 M data set (seed 42) has exact answers on file.
            var canonical = processRows == 10_000_000 && networkRows == 2_000_000 && expectedDir is not null && Directory.Exists(expectedDir);
            var failures = CheckAnswers(queries, engine, options, duck, canonical ? expectedDir : null);

            var vigilTimes = queries.ToDictionary(q => q.Id, _ => new List<double>());
            var duckTimes = queries.ToDictionary(q => q.Id, _ => new List<double>());
            for (var round = 0; round < reps; round++)
            {
                foreach (var query in queries)
                {
                    var watch = Stopwatch.StartNew();
                    engine.Execute(query.Kql, options);
                    vigilTimes[query.Id].Add(watch.Elapsed.TotalMilliseconds);
                    watch.Restart();
                    duck.Query(query.Sql);
                    duckTimes[query.Id].Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            process.Refresh();
            Console.WriteLine();
            Console.WriteLine("| query | Vigil median ms | DuckDB median ms | Vigil / DuckDB |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var query in queries)
            {
                var v = Median(vigilTimes[query.Id]);
                var d = Median(duckTimes[query.Id]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {query.Id} | {v:N1} | {d:N1} | {v / d:N2}x |"));
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"peak working set: {afterIngest / 1048576.0:N0} MB after Vigil's ingestion/open, {afterLoad / 1048576.0:N0} MB after DuckDB's load, {process.PeakWorkingSet64 / 1048576.0:N0} MB at the end (both engines in one process)"));
            Console.WriteLine(failures == 0 ? "answers: all agree" : $"answers: {failures} disagreement(s), see above");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            if (temporary && Directory.Exists(workspaceDir))
            {
                Directory.Delete(workspaceDir, recursive: true);
            }
        }
    }

    /// <summary>Checks Vigil against DuckDB on the same data, and against the files of exact answers when given.</summary>
    private static int CheckAnswers(List<HuntingQuery> queries, QueryEngine engine, QueryOptions options, DuckPeer duck, string? expectedDir)
    {
        Dictionary<string, long>? exactDistinct = null;
        var failures = 0;
        foreach (var query in queries)
        {
            var vigil = Rows(engine.Execute(query.Kql, options));
            var reference = duck.Query(query.Sql);
            if (query.Rule == AnswerRule.Approximate)
            {
                exactDistinct ??= duck.Query(HuntingQueries.ExactDistinctAccounts).ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            }

            Report(query.Id, "DuckDB", AnswerCheck.Compare(query.Rule, vigil, reference, exactDistinct));
            if (expectedDir is not null && File.Exists(Path.Combine(expectedDir, query.Id + ".tsv")))
            {
                Report(query.Id, "expected/" + query.Id + ".tsv", AnswerCheck.Compare(query.Rule, vigil, AnswerCheck.ReadTsv(Path.Combine(expectedDir, query.Id + ".tsv"))));
            }
        }

        return failures;

        void Report(string id, string against, string? difference)
        {
            if (difference is not null)
            {
                failures++;
                Console.WriteLine($"{id}: Vigil disagrees with {against}: {difference}");
            }
        }
    }

    private static long EnsureIngested(Vigil.Storage.Workspace workspace, QueryEngine engine, string data)
    {
        var rows = Count(engine, "DeviceProcessEvents");
        if (rows > 0)
        {
            Console.WriteLine($"reusing workspace {workspace.Directory}");
            return rows;
        }

        var clock = Stopwatch.StartNew();
        foreach (var table in new[] { "DeviceProcessEvents", "DeviceNetworkEvents" })
        {
            using var input = new FileStream(Path.Combine(data, table + ".jsonl"), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            var result = workspace.Ingest(table, input, Vigil.Storage.IngestFormat.JsonLines);
            if (result.FailedRows > 0)
            {
                throw new InvalidDataException($"{table}: {result.FailedRows:N0} rows rejected");
            }
        }

        workspace.Compact();
        Console.WriteLine($"Vigil ingested the JSON lines of {data} into {workspace.Directory} in {clock.Elapsed.TotalSeconds:N1} s (compacted)");
        return Count(engine, "DeviceProcessEvents");
    }

    private static long Count(QueryEngine engine, string table) =>
        engine.Execute(table + " | count").Columns[0].GetLong(0);

    /// <summary>A Vigil result as text rows in DuckDB's forms (datetimes as yyyy-MM-dd HH:mm:ss).</summary>
    private static List<string[]> Rows(QueryResult result)
    {
        var rows = new List<string[]>(result.RowCount);
        for (var r = 0; r < result.RowCount; r++)
        {
            var row = new string[result.Columns.Count];
            for (var c = 0; c < row.Length; c++)
            {
                var column = result.Columns[c];
                row[c] = column.IsNull(r) ? string.Empty : column.Type switch
                {
                    ScalarType.DateTime => new DateTime(column.GetLong(r), DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    ScalarType.Long or ScalarType.Int => column.GetLong(r).ToString(CultureInfo.InvariantCulture),
                    ScalarType.String => column.GetString(r),
                    _ => column.GetText(r),
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The shared bench folder (../shared/bench of the repository), found from here or the working directory.</summary>
    private static string? SharedBench()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "bench"), Path.Combine(dir.FullName, "..", "shared", "bench") })
                {
                    if (File.Exists(Path.Combine(candidate, "queries.kql")))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        return null;
    }
}
