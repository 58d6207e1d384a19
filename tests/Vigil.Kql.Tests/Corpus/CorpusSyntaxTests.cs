using Vigil.Kql.Syntax;
using Vigil.Kql.Tests.Syntax;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Corpus;

public sealed class CorpusSyntaxTests
{
    private sealed record KnownError(string Key, int Line, int Column, string Code, string Reason);

    private static Dictionary<string, KnownError> LoadKnownErrors()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Vigil.Kql.Tests", "Corpus", "known-syntax-errors.txt");
        var known = new Dictionary<string, KnownError>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(" | ");
            Assert.True(parts.Length == 5, $"known-syntax-errors.txt: malformed line '{line}'");
            var position = parts[2].Split(':');
            var key = $"{parts[0]} | {parts[1]}";
            known.Add(key, new KnownError(key, int.Parse(position[0]), int.Parse(position[1]), parts[3], parts[4]));
        }

        return known;
    }

    [Fact]
    public void Corpus_has_the_expected_number_of_queries()
    {
        Assert.Equal(576, CorpusQueries.All.Count);
    }

    [Fact]
    public void Every_corpus_query_parses_without_diagnostics_except_the_known_broken_ones()
    {
        var known = LoadKnownErrors();
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in CorpusQueries.All)
        {
            var tree = SyntaxTree.Parse(query.Text);
            seen.Add(query.Key);
            if (known.TryGetValue(query.Key, out var expected))
            {
                var match = tree.Diagnostics.FirstOrDefault(d => d.IsError && d.Code == expected.Code &&
                    tree.LineMap.GetPosition(d.Start) == new Vigil.Kql.Text.LinePosition(expected.Line, expected.Column));
                if (match is null)
                {
                    failures.Add($"{query.Key}: expected {expected.Code} at {expected.Line}:{expected.Column}, got " +
                        string.Join("; ", tree.Diagnostics.Select(d => $"{d.Code} at {tree.LineMap.GetPosition(d.Start)} {d.Message}")));
                }
            }
            else if (tree.Diagnostics.Count > 0)
            {
                var d = tree.Diagnostics[0];
                failures.Add($"{query.Key}: {d.Code} at {tree.LineMap.GetPosition(d.Start)}: {d.Message} ({tree.Diagnostics.Count} in all)");
            }
        }

        foreach (var key in known.Keys)
        {
            if (!seen.Contains(key))
            {
                failures.Add($"known-syntax-errors.txt lists '{key}', which is not in the corpus");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_corpus_query_round_trips_and_positions_are_contiguous()
    {
        foreach (var query in CorpusQueries.All)
        {
            var tree = SyntaxTree.Parse(query.Text);
            Assert.Equal(query.Text, tree.Root.ToFullString());
            TreeInvariants.AssertConsistent(tree);
        }
    }

    [Fact]
    public void Zero_width_and_non_breaking_spaces_in_the_corpus_are_trivia()
    {
        var withOddSpaces = CorpusQueries.All.Where(q => q.Text.Contains('\u200B') || q.Text.Contains('\u00A0')).ToList();
        Assert.NotEmpty(withOddSpaces);
        foreach (var query in withOddSpaces)
        {
            var tree = SyntaxTree.Parse(query.Text);
            Assert.Empty(tree.Diagnostics);
            foreach (var token in tree.Root.GetTokens())
            {
                if (token.Kind is not SyntaxKind.StringLiteral and not SyntaxKind.DynamicLiteral)
                {
                    Assert.DoesNotContain('\u200B', token.Text);
                    Assert.DoesNotContain('\u00A0', token.Text);
                }
            }
        }
    }
}
