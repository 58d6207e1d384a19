using Vigil.Kql.Syntax;

namespace Vigil.Kql.Tests.Parsing;

/// <summary>Expression shapes and precedence, checked through the compact S-expression dump.</summary>
public sealed class ExpressionParsingTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "(Binary 1 + (Binary 2 * 3))")]
    [InlineData("(1 + 2) * 3", "(Binary (Parenthesized (Binary 1 + 2)) * 3)")]
    [InlineData("a - b - c", "(Binary (Binary a - b) - c)")]
    [InlineData("a or b and c", "(Binary a or (Binary b and c))")]
    [InlineData("a and b or c", "(Binary (Binary a and b) or c)")]
    [InlineData("not(a) and b", "(Binary (FunctionCall not (ExpressionList [a])) and b)")]
    [InlineData("a == b and c != d", "(Binary (Binary a == b) and (Binary c != d))")]
    [InlineData("a < b + 1", "(Binary a < (Binary b + 1))")]
    [InlineData("a + b < c * d", "(Binary (Binary a + b) < (Binary c * d))")]
    [InlineData("x has \"a\" or y !has \"b\"", "(Binary (Binary x has \"a\") or (Binary y !has \"b\"))")]
    [InlineData("a + b has c", "(Binary a + (Binary b has c))")]
    [InlineData("x =~ \"A\" and y !~ \"b\"", "(Binary (Binary x =~ \"A\") and (Binary y !~ \"b\"))")]
    [InlineData("x contains_cs \"a\"", "(Binary x contains_cs \"a\")")]
    [InlineData("x !startswith_cs \"a\"", "(Binary x !startswith_cs \"a\")")]
    [InlineData("x matches regex \"[a-z]+\"", "(Binary x matches regex \"[a-z]+\")")]
    [InlineData("x in (\"a\", \"b\")", "(In x in (ExpressionList [\"a\" \"b\"]))")]
    [InlineData("x !in (1, 2)", "(In x !in (ExpressionList [1 2]))")]
    [InlineData("x in~ (\"A\")", "(In x in~ (ExpressionList [\"A\"]))")]
    [InlineData("x !in~ (T)", "(In x !in~ (ExpressionList [T]))")]
    [InlineData("x in~ (T | where p > 5 | project y)", "(In x in~ (ExpressionList [(Pipe (Pipe T (Where where (Binary p > 5))) (Project project [y]))]))")]
    [InlineData("x has_any (\"a\", \"b\")", "(In x has_any (ExpressionList [\"a\" \"b\"]))")]
    [InlineData("x has_all (dyn)", "(In x has_all (ExpressionList [dyn]))")]
    [InlineData("x between (1 .. 10)", "(Between x between 1 10)")]
    [InlineData("x !between (ago(1d) .. now())", "(Between x !between (FunctionCall ago (ExpressionList [1d])) (FunctionCall now (ExpressionList)))")]
    [InlineData("-x", "(PrefixUnary - x)")]
    [InlineData("-1 * 2", "(Binary (PrefixUnary - 1) * 2)")]
    [InlineData("f(x, y)", "(FunctionCall f (ExpressionList [x y]))")]
    [InlineData("count()", "(FunctionCall count (ExpressionList))")]
    [InlineData("arg_max(Timestamp, *)", "(FunctionCall arg_max (ExpressionList [Timestamp (Star *)]))")]
    [InlineData("bag_pack(\"a\", 1)", "(FunctionCall bag_pack (ExpressionList [\"a\" 1]))")]
    [InlineData("d.a.b", "(Path (Path d a) b)")]
    [InlineData("d[\"key\"]", "(ElementAccess d \"key\")")]
    [InlineData("d[0]", "(ElementAccess d 0)")]
    [InlineData("d[-1]", "(ElementAccess d (PrefixUnary - 1))")]
    [InlineData("d.f(1)", "(Path d (FunctionCall f (ExpressionList [1])))")]
    [InlineData("$left.a == $right.b", "(Binary (Path $left a) == (Path $right b))")]
    [InlineData("['a b'] + 1", "(Binary (NameReference (BracketedName 'a b')) + 1)")]
    [InlineData("typeof(string)", "(TypeOf typeof [(PrimitiveType string)])")]
    [InlineData("dynamic({\"a\": [1, 2]})", "dynamic({\"a\": [1, 2]})")]
    [InlineData("datetime(2021-01-01T10:00:00Z)", "datetime(2021-01-01T10:00:00Z)")]
    [InlineData("int(null)", "int(null)")]
    [InlineData("\"a\" 'b' @\"c\"", "(CompoundStringLiteral [\"a\" 'b' @\"c\"])")]
    [InlineData("toscalar(T | summarize count())", "(FunctionCall toscalar (ExpressionList [(Pipe T (Summarize summarize [(FunctionCall count (ExpressionList))]))]))")]
    [InlineData("iff(x > 0, \"pos\", \"neg\")", "(FunctionCall iff (ExpressionList [(Binary x > 0) \"pos\" \"neg\"]))")]
    [InlineData("case(a, 1, b, 2, 3)", "(FunctionCall case (ExpressionList [a 1 b 2 3]))")]
    [InlineData("1d + 2h", "(Binary 1d + 2h)")]
    [InlineData("x % 2 == 0", "(Binary (Binary x % 2) == 0)")]
    public void Expression_parses_to_the_expected_tree(string expression, string expected)
    {
        var tree = SyntaxTree.Parse("print " + expression);
        Assert.Empty(tree.Diagnostics);
        var print = (PrintOperator)((ExpressionStatement)tree.Root.Statements[0]).Expression;
        Assert.Equal(expected, SyntaxDumper.Dump(print.Expressions[0]));
    }

    [Theory]
    [InlineData("a == b == c")]
    [InlineData("a < b < c")]
    [InlineData("x between (1 + 2 .. 3)")]
    [InlineData("f(T | take 1)")]
    [InlineData("--1")]
    public void Constructs_Kusto_rejects_are_syntax_errors(string expression)
    {
        Assert.True(SyntaxTree.Parse("print " + expression).HasErrors);
    }

    [Fact]
    public void Operator_kinds_are_reported_for_binary_and_in_expressions()
    {
        var tree = SyntaxTree.Parse("print a !has_cs 'x', b !in~ ('y'), c <> d, e matches regex 'f'");
        var items = ((PrintOperator)((ExpressionStatement)tree.Root.Statements[0]).Expression).Expressions;
        Assert.Equal(BinaryOperatorKind.NotHasCs, ((BinaryExpression)items[0]).OperatorKind);
        Assert.Equal(BinaryOperatorKind.NotInCaseInsensitive, ((InExpression)items[1]).OperatorKind);
        Assert.Equal(BinaryOperatorKind.NotEqual, ((BinaryExpression)items[2]).OperatorKind);
        var matches = (BinaryExpression)items[3];
        Assert.Equal(BinaryOperatorKind.MatchesRegex, matches.OperatorKind);
        Assert.Equal("regex", matches.RegexKeyword!.Text);
    }

    [Fact]
    public void Keywords_can_be_column_names()
    {
        var tree = SyntaxTree.Parse("T | project count, type, kind, title, step2 = 1 | where type == 'x' and kind has 'y'");
        Assert.Empty(tree.Diagnostics);
        var names = tree.Root.DescendantsAndSelf().OfType<NameReference>().Select(n => n.SimpleName).ToList();
        Assert.Equal(["T", "count", "type", "kind", "title", "type", "kind"], names);
    }

    [Fact]
    public void Compound_string_literal_concatenates_decoded_values()
    {
        var tree = SyntaxTree.Parse(@"print 'a\'b' ""c\n"" @'d''e' h'f' ```g" + "\n" + "h```");
        Assert.Empty(tree.Diagnostics);
        var literal = tree.Root.DescendantsAndSelf().OfType<CompoundStringLiteralExpression>().Single();
        Assert.Equal("a'bc\nd'efg\nh", literal.GetValue());
    }
}
