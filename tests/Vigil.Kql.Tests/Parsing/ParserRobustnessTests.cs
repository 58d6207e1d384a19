using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;
using Vigil.Kql.Tests.Corpus;
using Vigil.Kql.Tests.Syntax;

namespace Vigil.Kql.Tests.Parsing;

/// <summary>No input makes the lexer or parser throw, hang or overflow the stack, and every tree round-trips.</summary>
public sealed class ParserRobustnessTests
{
    private static readonly string[] Vocabulary =
    [
        "T", "x", "count", "type", "where", "project", "extend", "summarize", "by", "on", "join", "kind", "=", "==", "(", ")",
        "[", "]", "{", "}", "|", ",", ";", ":", ".", "..", "+", "-", "*", "/", "%", "<", ">", "<=", "!=", "=~", "!~", "=>",
        "and", "or", "not", "has", "!has", "in", "!in~", "between", "let", "set", "declare", "view", "materialize", "datatable",
        "externaldata", "typeof", "dynamic(", "datetime(", "'a'", "\"b\"", "@'c'", "h\"d\"", "```x", "```", "1", "2.5",
        "1d", "0x1F", "1e5", "$left", "$right", "['q']", "//c\n", "\n", " ", "\u00A0", "\u200B", "\t", "mv-expand", "make-series",
        "top-nested", "parse", "with", "*", "render", "union", "print", "range", "from", "to", "step", "asc", "desc", "nulls",
        "first", "scan", "partition", "fork", "hint.strategy", "#", "@", "?", "\\", "'", "\"", "`",
    ];

    private static Arbitrary<string> TokenSoup() => Arb.From(
        Gen.Elements(Vocabulary)
            .Zip(Gen.Elements(" ", "", "\n", "  "))
            .Select(pair => pair.Item1 + pair.Item2)
            .ListOf()
            .Select(parts => string.Concat(parts)));

    private static Arbitrary<string> RandomText() => Arb.From(
        Gen.Elements("()[]{}|,;:.=<>!~+-*/%'\"@`#$hH_aZ09 \t\r\n\u00A0\u200B\uFEFF\u2028\\é€😀".EnumerateRunes().Select(r => r.ToString()).ToArray())
            .ListOf()
            .Select(parts => string.Concat(parts)));

    [Property(MaxTest = 300)]
    public Property Random_text_round_trips_and_never_throws() =>
        Prop.ForAll(RandomText(), text => CheckTree(text));

    [Property(MaxTest = 500)]
    public Property Random_token_soup_round_trips_and_never_throws() =>
        Prop.ForAll(TokenSoup(), text => CheckTree(text));

    [Property(MaxTest = 300)]
    public Property Mutated_corpus_queries_round_trip_and_never_throw() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, CorpusQueries.All.Count - 1).Zip(Gen.Choose(0, int.MaxValue - 1))),
            pair =>
            {
                var (index, seed) = pair;
                var text = Mutate(CorpusQueries.All[index].Text, new Random(seed));
                return CheckTree(text);
            });

    private static bool CheckTree(string text)
    {
        var tree = SyntaxTree.Parse(text);
        TreeInvariants.AssertConsistent(tree);
        _ = SyntaxDumper.Dump(tree.Root);
        return true;
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var mutations = random.Next(1, 6);
        const string inserts = "()[]{}|,;'\"`.=!~@$h- \n\u200B";
        for (var i = 0; i < mutations; i++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length);
            switch (random.Next(3))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(at, Math.Min(builder.Length - at, random.Next(1, 4)));
                    break;
                case 1 when builder.Length > 1:
                    var other = random.Next(builder.Length);
                    (builder[at], builder[other]) = (builder[other], builder[at]);
                    break;
                default:
                    builder.Insert(at, inserts[random.Next(inserts.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    [Theory]
    [InlineData("(", 100_000)]
    [InlineData("[", 100_000)]
    [InlineData("{", 100_000)]
    [InlineData("-", 100_000)]
    [InlineData("f(", 50_000)]
    [InlineData("x[", 50_000)]
    [InlineData("T | where (", 20_000)]
    [InlineData("let f = () { ", 20_000)]
    [InlineData("T | join (", 20_000)]
    [InlineData("T | fork (", 20_000)]
    [InlineData("print dynamic(", 20_000)]
    public void Deep_nesting_ends_in_a_diagnostic_not_a_stack_overflow(string opener, int count)
    {
        var text = string.Concat(Enumerable.Repeat(opener, count));
        var tree = SyntaxTree.Parse(text);
        Assert.True(tree.HasErrors);
        Assert.Equal(text, tree.Root.ToFullString());
        TreeInvariants.AssertConsistent(tree);
    }

    [Fact]
    public void Deep_parentheses_report_nesting_too_deep()
    {
        var text = new string('(', 100_000) + "1" + new string(')', 100_000);
        var tree = SyntaxTree.Parse(text);
        Assert.Contains(tree.Diagnostics, d => d.Code == SyntaxDiagnostics.NestingTooDeepCode);
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void Nesting_within_the_limit_parses_without_diagnostics()
    {
        var text = "print " + new string('(', 100) + "1" + new string(')', 100);
        Assert.Empty(SyntaxTree.Parse(text).Diagnostics);
    }

    [Fact]
    public void Long_flat_chains_parse_without_deep_recursion()
    {
        var or = "T | where " + string.Join(" or ", Enumerable.Repeat("a == 1", 50_000));
        var pipes = "T" + string.Concat(Enumerable.Repeat(" | take 1", 50_000));
        foreach (var text in new[] { or, pipes })
        {
            var tree = SyntaxTree.Parse(text);
            Assert.Empty(tree.Diagnostics);
            Assert.Equal(text, tree.Root.ToFullString());
            TreeInvariants.AssertConsistent(tree);
        }
    }
}
