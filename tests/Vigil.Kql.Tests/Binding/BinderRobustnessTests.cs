using System.Text.Json;
using FsCheck.Xunit;
using Vigil.Kql.Binding;
using Vigil.Kql.Syntax;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Binding;

/// <summary>No input makes the binder throw: corpus and reference-example queries with random edits (cuts, duplications, inserted
/// fragments) are parsed and bound; the seed FsCheck prints on failure replays the case.</summary>
public sealed class BinderRobustnessTests
{
    private static readonly Lazy<string[]> Queries = new(() =>
    [
        .. File.ReadLines(RepositoryPaths.SharedFile("corpus", "m365d-hunting.jsonl"))
            .Concat(File.ReadLines(RepositoryPaths.SharedFile("conformance", "docs-examples.jsonl")))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("query").GetString()!),
    ]);

    private static readonly string[] Fragments =
    [
        "|", "(", ")", "[", "]", "{", "}", ",", ";", "=", "==", "*", ".", "..", "$left.", "$right.", "let x = ", "by ",
        " on ", "join ", "summarize ", "arg_max(", "count()", "project ", "extend a = ", "invoke f()", "materialize(",
        "toscalar(", "datatable(a:string)['x']", "evaluate bag_unpack(", "mv-apply x on (", "make-series ", "union ", "*",
        "typeof(", "dynamic([1,", "'", "\"", "view () {", "(a:string, T:(*)) {", "range x from 1 to", "print ", "as T",
        "top-nested 1 of ", "parse x with * ", "prev(", "row_number()", "case(", "iff(", "bin(", "Device*", "serialize ",
    ];

    [Property(MaxTest = 600)]
    public void Binding_mutated_corpus_queries_never_throws(int which, int position, int length, int fragment, bool duplicate)
    {
        var queries = Queries.Value;
        var query = queries[(int)((uint)which % (uint)queries.Length)];
        var start = (int)((uint)position % (uint)(query.Length + 1));
        var count = Math.Min((int)((uint)length % 40u), query.Length - start);
        string mutated;
        if (duplicate)
        {
            mutated = query.Insert(start, query.Substring(start, count));
        }
        else
        {
            mutated = query.Remove(start, count).Insert(start, Fragments[(int)((uint)fragment % (uint)Fragments.Length)]);
        }

        var bound = KqlBinder.Bind(SyntaxTree.Parse(mutated));
        Assert.NotNull(bound);
        foreach (var diagnostic in bound.Diagnostics)
        {
            Assert.InRange(diagnostic.End, 0, mutated.Length);
        }
    }

    [Fact]
    public void Deeply_nested_and_long_inputs_bind_without_throwing()
    {
        var longOr = "T | where " + string.Join(" or ", Enumerable.Repeat("a == 'x'", 3000));
        var longPipe = "T" + string.Concat(Enumerable.Repeat(" | where b > 1", 2000));
        var nested = "print " + new string('(', 200) + "1" + new string(')', 200);
        var recursive = "let f = (x:long) { f(x) }; print f(1)";
        var mutual = "let g = () { T }; let h = () { g() | union h() }; h()";
        foreach (var query in new[] { longOr, longPipe, nested, recursive, mutual })
        {
            var bound = KqlBinder.Bind(SyntaxTree.Parse(query), BinderTestHelpers.Workspace);
            Assert.NotNull(bound);
        }
    }
}
