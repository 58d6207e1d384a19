using System.Text.Json;
using Vigil.Testing;
using Xunit.Abstractions;

namespace Vigil.Engine.Tests.Query;

/// <summary>
/// The real hunting queries of shared/corpus use mv-expand, mv-apply, parse, parse-kv, lookup and outer joins
/// heavily: none of them may be refused for using those operators (other gaps are counted and printed).
/// </summary>
public class CorpusOperatorTests(ITestOutputHelper output)
{
    private static readonly string[] OwnGaps =
    [
        "'mv-expand'", "'mv-apply'", "'parse'", "'parse-where'", "'parse-kv'", "'lookup'", "join kind=", "The mv-expand parameter",
        "mv-expand to typeof", "The parse parameter", "The parse pattern element", "The parse-kv", "with_itemindex naming",
        "mv-apply whose", "lookup whose",
    ];

    [Fact]
    public void Hunting_queries_are_not_refused_for_the_expansion_parsing_and_join_operators()
    {
        var path = RepositoryPaths.SharedFile("corpus/m365d-hunting.jsonl");
        var engine = new QueryEngine();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var refused = new List<string>();
        var ran = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var query = document.RootElement.GetProperty("query").GetString()!;
            var name = document.RootElement.GetProperty("path").GetString()!;
            try
            {
                engine.Execute(query, new QueryOptions { Now = QueryRunner.Now, VerifyPlans = true });
                ran++;
            }
            catch (QueryException e)
            {
                var reason = e.Kind + ": " + (e.Message.Length > 90 ? e.Message[..90] : e.Message);
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                if (e.Kind is QueryErrorKind.NotSupported or QueryErrorKind.Runtime && OwnGaps.Any(g => e.Message.Contains(g, StringComparison.Ordinal)))
                {
                    refused.Add($"{name}: {e.Message}");
                }
            }
        }

        output.WriteLine($"corpus: {ran} ran");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value).Take(40))
        {
            output.WriteLine($" x{count}: {reason}");
        }

        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }
}
