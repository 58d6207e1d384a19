using System.Text.Json;
using Vigil.Kql.Syntax;
using Vigil.Kql.Tests.Syntax;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Corpus;

/// <summary>The self-contained examples of Microsoft's KQL documentation (shared/conformance/docs-examples.jsonl)
/// are valid KQL: every one parses without a diagnostic and round-trips.</summary>
public sealed class DocsExamplesSyntaxTests
{
    [Fact]
    public void Every_documentation_example_parses_without_diagnostics()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(RepositoryPaths.SharedFile("conformance", "docs-examples.jsonl")))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var text = root.GetProperty("query").GetString()!;
            var tree = SyntaxTree.Parse(text);
            count++;
            TreeInvariants.AssertConsistent(tree);
            if (tree.Diagnostics.Count > 0)
            {
                var d = tree.Diagnostics[0];
                failures.Add($"{root.GetProperty("page").GetString()}:{root.GetProperty("line")}: {d.Code} at {tree.LineMap.GetPosition(d.Start)}: {d.Message}");
            }
        }

        Assert.True(count > 300, $"only {count} documentation examples were found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
