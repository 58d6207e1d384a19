using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Vigil.Kql.Binding;
using Vigil.Kql.Parsing;
using Vigil.Kql.Syntax;

namespace Vigil.Benchmarks.Kql;

/// <summary>
/// Lexes, parses, and parses and binds every query of the hunting corpus (shared/corpus/m365d-hunting.jsonl) per operation.
/// The Queries/s and MB/s columns are derived from the mean (MB = UTF-16 characters / 2^20 as UTF-8-ish text size).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ParseBenchmark
{
    private static readonly Lazy<string[]> Corpus = new(LoadCorpus);

    private string[] _queries = [];

    public static int QueryCount => Corpus.Value.Length;

    public static double Megabytes => Corpus.Value.Sum(q => (double)System.Text.Encoding.UTF8.GetByteCount(q)) / (1024 * 1024);

    [GlobalSetup]
    public void Setup() => _queries = Corpus.Value;

    [Benchmark(Baseline = true)]
    public int ParseCorpus()
    {
        var nodes = 0;
        foreach (var query in _queries)
        {
            nodes += SyntaxTree.Parse(query).Root.ChildCount;
        }

        return nodes;
    }

    [Benchmark]
    public int ParseAndBindCorpus()
    {
        var diagnostics = 0;
        foreach (var query in _queries)
        {
            diagnostics += KqlBinder.Bind(SyntaxTree.Parse(query)).Diagnostics.Length;
        }

        return diagnostics;
    }

    [Benchmark]
    public int LexCorpus()
    {
        var tokens = 0;
        foreach (var query in _queries)
        {
            tokens += Lexer.Lex(query).Count;
        }

        return tokens;
    }

    private static string[] LoadCorpus()
    {
        var queries = new List<string>();
        foreach (var line in File.ReadLines(SharedFiles.Path("corpus", "m365d-hunting.jsonl")))
        {
            if (line.Length > 0)
            {
                using var document = JsonDocument.Parse(line);
                queries.Add(document.RootElement.GetProperty("query").GetString()!);
            }
        }

        return [.. queries];
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new ThroughputColumn("Queries/s", _ => QueryCount));
            AddColumn(new ThroughputColumn("MB/s", _ => Megabytes));
        }
    }
}
