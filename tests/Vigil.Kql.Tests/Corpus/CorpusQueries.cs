using System.Text.Json;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Corpus;

/// <summary>The real advanced-hunting queries of shared/corpus/m365d-hunting.jsonl.</summary>
internal static class CorpusQueries
{
    private static readonly Lazy<IReadOnlyList<CorpusQuery>> AllQueries = new(Load);

    public static IReadOnlyList<CorpusQuery> All => AllQueries.Value;

    private static List<CorpusQuery> Load()
    {
        var list = new List<CorpusQuery>();
        foreach (var line in File.ReadLines(RepositoryPaths.SharedFile("corpus", "m365d-hunting.jsonl")))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            list.Add(new CorpusQuery(
                root.GetProperty("path").GetString()!, root.GetProperty("name").GetString()!, root.GetProperty("query").GetString()!));
        }

        return list;
    }
}

internal sealed record CorpusQuery(string Path, string Name, string Text)
{
    public string Key => $"{Path} | {Name}";
}
