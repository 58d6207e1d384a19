using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;
using Vigil.Kql.Tests.Syntax;

namespace Vigil.Kql.Tests.Parsing;

/// <summary>Errors are data: a stable code, the place and what was expected; the tree still covers the text.</summary>
public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("T | where f(x", "KQL1001", "expected ')'", 13)]
    [InlineData("T | where x in ('a', 'b'", "KQL1001", "expected ')'", 24)]
    [InlineData("T | summarize count() by", "KQL1002", "expected an expression", 24)]
    [InlineData("T | where", "KQL1002", "expected an expression", 9)]
    [InlineData("T | sort x", "KQL1001", "expected 'by'", 8)]
    [InlineData("T | join (U) x", "KQL1001", "expected 'on'", 12)]
    [InlineData("T | frobnicate x", "KQL1003", "expected a query operator after '|'", 4)]
    [InlineData("T |", "KQL1003", "expected a query operator after '|'", 3)]
    [InlineData("print 'abc", "KQL1005", "string literal is missing its closing quote", 6)]
    [InlineData("print ```abc", "KQL1016", "multi-line string literal is missing its closing '```'", 6)]
    [InlineData("print datetime(2020-01-01", "KQL1011", "datetime(...) literal is missing its closing ')'", 6)]
    [InlineData("print 1 # 2", "KQL1004", "unexpected '#'", 8)]
    [InlineData("print 5abc", "KQL1010", "invalid number literal '5abc'", 6)]
    [InlineData("let f = (a:strin) { a }; f(1)", "KQL1008", "expected a type name (e.g. string, long, datetime, dynamic)", 11)]
    [InlineData("T | where a == 1 )", "KQL1004", "unexpected ')'", 17)]
    [InlineData("datatable(a:long)[x]", "KQL1017", "expected a literal value", 18)]
    public void Error_has_a_stable_code_place_and_message(string text, string code, string message, int start)
    {
        var tree = SyntaxTree.Parse(text);
        var first = tree.Diagnostics[0];
        Assert.Equal((code, message, start), (first.Code, first.Message, first.Start));
        Assert.Equal(DiagnosticSeverity.Error, first.Severity);
        TreeInvariants.AssertConsistent(tree);
    }

    [Fact]
    public void Missing_tokens_are_zero_width_and_skipped_tokens_are_kept()
    {
        var tree = SyntaxTree.Parse("T | where (a > 1 | take 5");
        var missing = tree.Root.GetTokens().Single(t => t.IsMissing);
        Assert.Equal(SyntaxKind.CloseParen, missing.Kind);
        Assert.Equal(0, missing.Width);

        var skippedTree = SyntaxTree.Parse("T | where a b c | take 5");
        var take = skippedTree.Root.DescendantsAndSelf().OfType<TakeOperator>().Single();
        var bar = ((PipeExpression)take.Parent!).Bar;
        Assert.Equal(["b", "c"], bar.SkippedTokens.Select(t => t.Text).ToArray());
        Assert.Equal("unexpected 'b'", Assert.Single(skippedTree.Diagnostics).Message);
    }

    [Fact]
    public void Positions_and_parents_are_known_for_every_node()
    {
        var tree = SyntaxTree.Parse("T\n| where  x > 1");
        var where = tree.Root.DescendantsAndSelf().OfType<WhereOperator>().Single();
        Assert.Equal(3, where.FullStart);
        Assert.Equal(4, where.TextStart);
        Assert.Equal("where  x > 1", where.ToString());
        Assert.IsType<PipeExpression>(where.Parent);
        Assert.Same(tree.Root, where.GetFirstAncestor<QueryBlock>());
        var condition = (BinaryExpression)where.Condition;
        Assert.Equal(11, condition.TextStart);
        Assert.Equal(5, condition.Width);
    }
}
