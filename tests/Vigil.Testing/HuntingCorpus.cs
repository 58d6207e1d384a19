using System.Text.Json;

namespace Vigil.Testing;

/// <summary>One query of <c>shared/corpus/m365d-hunting.jsonl</c>: where it comes from, its text, the tables it reads.</summary>
public sealed record CorpusQuery(string Name, string Query, IReadOnlyList<string> Tables);

/// <summary>
/// The real hunting queries of <c>shared/corpus/m365d-hunting.jsonl</c> (Microsoft's public Defender hunting
/// repository), loaded once for the tests that run them over empty or generated tables.
/// </summary>
public static class HuntingCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusQuery>> Queries = new(Load);

    /// <summary>Every query of the corpus, in file order.</summary>
    public static IReadOnlyList<CorpusQuery> All => Queries.Value;

    private static List<CorpusQuery> Load()
    {
        var list = new List<CorpusQuery>();
        foreach (var line in File.ReadLines(RepositoryPaths.SharedFile("corpus", "m365d-hunting.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var tables = root.TryGetProperty("tables", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(e => e.GetString()!).ToList()
                : [];
            list.Add(new CorpusQuery(root.GetProperty("path").GetString()!, root.GetProperty("query").GetString()!, tables));
        }

        return list;
    }
}

/// <summary>
/// Counts why queries could not run (a reason is the error kind and the start of its message), to print the most
/// common ones: the corpus tests report their gaps this way instead of failing on each.
/// </summary>
public sealed class ReasonTally
{
    private const int ReasonLength = 90;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    /// <summary>Counts one failure; returns the reason it was counted under.</summary>
    public string Add(string kind, string message)
    {
        var reason = kind + ": " + (message.Length > ReasonLength ? message[..ReasonLength] : message);
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        Total++;
        return reason;
    }

    /// <summary>The <paramref name="top"/> most common reasons, most common first, as " xN: reason" lines.</summary>
    public IEnumerable<string> Lines(int top = 40) =>
        _counts.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(top).Select(r => $" x{r.Value}: {r.Key}");
}
