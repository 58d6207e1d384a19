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

    /// <summary>Queries of the corpus that ran over empty tables when last measured; raise it as the engine grows.</summary>
    private const int MinimumRan = 544;

    [Fact]
    public void Hunting_queries_are_not_refused_for_the_expansion_parsing_and_join_operators()
    {
        var engine = new QueryEngine();
        var reasons = new ReasonTally();
        var refused = new List<string>();
        var ran = 0;
        foreach (var query in HuntingCorpus.All)
        {
            try
            {
                engine.Execute(query.Query, new QueryOptions { Now = QueryRunner.Now, VerifyPlans = true });
                ran++;
            }
            catch (QueryException e)
            {
                reasons.Add(e.Kind.ToString(), e.Message);
                if (e.Kind is QueryErrorKind.NotSupported or QueryErrorKind.Runtime && OwnGaps.Any(g => e.Message.Contains(g, StringComparison.Ordinal)))
                {
                    refused.Add($"{query.Name}: {e.Message}");
                }
            }
        }

        output.WriteLine($"corpus: {ran} ran");
        foreach (var line in reasons.Lines())
        {
            output.WriteLine(line);
        }

        Assert.True(refused.Count == 0, string.Join("\n", refused));
        Assert.True(ran >= MinimumRan, $"only {ran} corpus queries ran (floor {MinimumRan})");
    }
}
