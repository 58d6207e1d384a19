using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Binding;

/// <summary>
/// Binds every query of shared/corpus/m365d-hunting.jsonl. A query whose tables Vigil knows must bind with no error,
/// unless it calls a function defined outside the query (then KQL2004 is its only kind of error) or it is listed in
/// known-binding-errors.txt (genuinely broken: the listed code must be reported). Queries that do not parse are the
/// parser's business and are skipped here.
/// </summary>
public sealed class CorpusBindingTests
{
    private sealed record CorpusQuery(string Name, string Query, string[] Tables, string[] ExternalFunctions);

    private static readonly Lazy<List<CorpusQuery>> Corpus = new(LoadCorpus);

    private static List<CorpusQuery> LoadCorpus()
    {
        var result = new List<CorpusQuery>();
        foreach (var line in File.ReadLines(RepositoryPaths.SharedFile("corpus", "m365d-hunting.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string[] Strings(string property) =>
                root.TryGetProperty(property, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
            result.Add(new CorpusQuery(root.GetProperty("name").GetString()!, root.GetProperty("query").GetString()!,
                Strings("tables"), Strings("external_functions")));
        }

        return result;
    }

    /// <summary>name -> expected code, from known-binding-errors.txt ("name TAB code TAB reason").</summary>
    private static Dictionary<string, string> KnownErrors()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Vigil.Kql.Tests", "Binding", "known-binding-errors.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            Assert.True(parts.Length == 3, $"known-binding-errors.txt: expected 'name<TAB>code<TAB>reason': {line}");
            result.Add(parts[0], parts[1]);
        }

        return result;
    }

    private static string Describe(CorpusQuery query, BoundQuery bound)
    {
        var builder = new StringBuilder();
        foreach (var d in bound.Diagnostics.Where(d => d.IsError))
        {
            var text = query.Query.Substring(d.Start, Math.Min(d.Length, 50)).ReplaceLineEndings(" ");
            builder.Append(CultureInfo.InvariantCulture, $"\n    {d.Code} {d.Message} [{text}]");
        }

        return builder.ToString();
    }

    [Fact]
    public void Corpus_queries_with_known_tables_bind_without_errors_except_the_listed_ones()
    {
        var known = KnownErrors();
        var problems = new List<string>();
        var seenKnown = new HashSet<string>(StringComparer.Ordinal);
        var bound = 0;
        foreach (var query in Corpus.Value)
        {
            var tree = SyntaxTree.Parse(query.Query);
            if (tree.HasErrors || !query.Tables.All(t => BuiltInTables.TryGet(t, out _)))
            {
                continue;
            }

            bound++;
            var result = KqlBinder.Bind(tree);
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            if (known.TryGetValue(query.Name, out var code))
            {
                seenKnown.Add(query.Name);
                if (!errors.Any(e => e.Code == code))
                {
                    problems.Add($"{query.Name}: listed as broken with {code} but got:{Describe(query, result)}");
                }

                continue;
            }

            if (query.ExternalFunctions.Length > 0)
            {
                if (!errors.Any(e => e.Code == BindingDiagnostics.ExternalFunctionCode)
                    || errors.Any(e => e.Code != BindingDiagnostics.ExternalFunctionCode))
                {
                    problems.Add($"{query.Name}: calls {string.Join(", ", query.ExternalFunctions)}; expected only KQL2004 errors:{Describe(query, result)}");
                }

                continue;
            }

            if (errors.Count > 0)
            {
                problems.Add($"{query.Name}:{Describe(query, result)}");
            }
        }

        foreach (var name in known.Keys.Where(n => !seenKnown.Contains(n)))
        {
            problems.Add($"{name}: listed in known-binding-errors.txt but not a bound corpus query");
        }

        Assert.True(bound > 500, $"only {bound} corpus queries were bound");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Corpus_queries_over_unknown_tables_report_unknown_table()
    {
        foreach (var query in Corpus.Value)
        {
            var tree = SyntaxTree.Parse(query.Query);
            if (tree.HasErrors || query.Tables.All(t => BuiltInTables.TryGet(t, out _)))
            {
                continue;
            }

            var result = KqlBinder.Bind(tree);
            Assert.Contains(result.Diagnostics, d => d.Code == BindingDiagnostics.UnknownTableCode);

            var lenient = KqlBinder.Bind(tree, options: new BindOptions { UnknownNamesAsWarnings = true });
            Assert.DoesNotContain(lenient.Diagnostics, d => d.IsError && d.Code == BindingDiagnostics.UnknownTableCode);
        }
    }

    [Fact]
    public void Every_corpus_query_binds_without_throwing_and_types_its_result()
    {
        var typed = 0;
        foreach (var query in Corpus.Value)
        {
            var result = KqlBinder.Bind(SyntaxTree.Parse(query.Query));
            if (result.ResultSchema is { Count: > 0 })
            {
                typed++;
            }
        }

        Assert.True(typed > 450, $"only {typed} corpus queries produced a result schema");
    }
}
