using System.Text.Json;
using Vigil.Kql.Binding;
using Vigil.Kql.Syntax;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Binding;

/// <summary>
/// The self-contained examples of the KQL reference (shared/conformance/docs-examples.jsonl) with their documented
/// output columns: every example that parses binds without an error, and the bound result schema has exactly the
/// documented column names, except the examples listed in docs-schema-deviations.txt (which must still differ).
/// </summary>
public sealed class DocsExamplesBindingTests
{
    private sealed record Example(string Id, string Query, string[] Columns);

    private static List<Example> Load() =>
    [
        .. File.ReadLines(RepositoryPaths.SharedFile("conformance", "docs-examples.jsonl")).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = $"{root.GetProperty("page").GetString()}:{root.GetProperty("line").GetInt32()}";
            return new Example(id, root.GetProperty("query").GetString()!,
                [.. root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)]);
        }),
    ];

    private static HashSet<string> Deviations() =>
    [
        .. File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "Vigil.Kql.Tests", "Binding", "docs-schema-deviations.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t')[0]),
    ];

    [Fact]
    public void Docs_examples_bind_without_errors_and_with_the_documented_columns()
    {
        var deviations = Deviations();
        var problems = new List<string>();
        var matched = 0;
        foreach (var example in Load())
        {
            var tree = SyntaxTree.Parse(example.Query);
            if (tree.HasErrors)
            {
                continue;
            }

            var bound = KqlBinder.Bind(tree);
            foreach (var error in bound.Diagnostics.Where(d => d.IsError))
            {
                problems.Add($"{example.Id}: {error}");
            }

            var actual = bound.ResultSchema?.Columns.Select(c => c.Name).ToArray() ?? [];
            var same = actual.SequenceEqual(example.Columns);
            if (deviations.Contains(example.Id))
            {
                if (same)
                {
                    problems.Add($"{example.Id}: listed in docs-schema-deviations.txt but now matches; remove it from the list");
                }
            }
            else if (!same)
            {
                problems.Add($"{example.Id}: expected ({string.Join(", ", example.Columns)}) but bound ({string.Join(", ", actual)})");
            }
            else
            {
                matched++;
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(matched > 300, $"only {matched} examples were compared");
    }
}
