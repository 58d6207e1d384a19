using Vigil.Kql.Syntax;

namespace Vigil.Kql.Tests.Parsing;

/// <summary>
/// The less common operator forms Kusto accepts: toscalar/totable with kind=, assert-schema, project-by-names,
/// macro-expand with entity groups, partition's legacy 'in' clause and summarize's legacy 'by ... bin=N'.
/// </summary>
public sealed class OperatorFormsParsingTests
{
    [Theory]
    [InlineData("assert-schema (a:string, b:long)", "(AssertSchema assert-schema (SchemaType [(NameAndTypeDeclaration a (PrimitiveType string)) (NameAndTypeDeclaration b (PrimitiveType long))]))")]
    [InlineData("project-by-names 'a', strcat('b', 'c')", "(ProjectByNames project-by-names ['a' (FunctionCall strcat (ExpressionList ['b' 'c']))])")]
    [InlineData("project-by-names x", "(ProjectByNames project-by-names [x])")]
    [InlineData("partition by x in dynamic(['a', 'b']) (take 1)", "(Partition partition by x (PartitionInClause in dynamic(['a', 'b'])) (Parenthesized (Take take 1)))")]
    [InlineData("partition hint.strategy=legacy by x in f() { U | take 1 }", "(Partition partition [(NamedParameter hint.strategy = legacy)] by x (PartitionInClause in (FunctionCall f (ExpressionList))) (FunctionBody [(Expression (Pipe U (Take take 1)))]))")]
    [InlineData("partition hint.strategy=shuffle hint.shufflekey=x by x (summarize count())", "(Partition partition [(NamedParameter hint.strategy = shuffle) (NamedParameter hint.shufflekey = x)] by x (Parenthesized (Summarize summarize [(FunctionCall count (ExpressionList))])))")]
    [InlineData("summarize count() by x bin=10", "(Summarize summarize [(FunctionCall count (ExpressionList))] (ByClause by [x]) (SummarizeBinClause bin = 10))")]
    [InlineData("summarize by x, y bin=1h", "(Summarize summarize (ByClause by [x y]) (SummarizeBinClause bin = 1h))")]
    public void Operator_form_parses_to_the_expected_tree(string text, string expected)
    {
        var tree = SyntaxTree.Parse("T | " + text);
        Assert.Empty(tree.Diagnostics);
        var pipe = Assert.IsType<PipeExpression>(((ExpressionStatement)tree.Root.Statements[0]).Expression);
        Assert.Equal(expected, SyntaxDumper.Dump(pipe.Operator));
        Assert.Equal("T | " + text, tree.Root.ToFullString());
    }

    [Theory]
    [InlineData("print x = toscalar kind=nooptimization (T | count)", "(Print print [(SimpleNamed x = (FunctionCall toscalar [(NamedParameter kind = nooptimization)] (ExpressionList [(Pipe T (Count count))])))])")]
    [InlineData("totable kind=nooptimization (T | take 1)", "(FunctionCall totable [(NamedParameter kind = nooptimization)] (ExpressionList [(Pipe T (Take take 1))]))")]
    [InlineData(
        "macro-expand isfuzzy=true entity_group [cluster('c').database('d'), database('e')] as X (X.T | where a == 1)",
        "(MacroExpand macro-expand [(NamedParameter isfuzzy = true)] (EntityGroup entity_group [(Path (FunctionCall cluster (ExpressionList ['c'])) (FunctionCall database (ExpressionList ['d']))) (FunctionCall database (ExpressionList ['e']))]) as X [(Expression (Pipe (Path X T) (Where where (Binary a == 1))))])")]
    [InlineData(
        "macro-expand kind=inner g as X (let n = 1; X.T | take n)",
        "(MacroExpand macro-expand [(NamedParameter kind = inner)] g as X [(Let let n = 1) (Expression (Pipe (Path X T) (Take take n)))])")]
    public void Source_form_parses_to_the_expected_tree(string text, string expected)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(expected, SyntaxDumper.Dump(((ExpressionStatement)tree.Root.Statements[0]).Expression));
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void Let_bound_entity_group_parses_and_feeds_macro_expand()
    {
        const string text = "let g = entity_group [database('a'), database('b')]; macro-expand g as X (X.T | count)";
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        var let = Assert.IsType<LetStatement>(tree.Root.Statements[0]);
        var group = Assert.IsType<EntityGroupExpression>(let.Expression);
        Assert.Equal(2, group.Entities.Count);
        var macro = Assert.IsType<MacroExpandOperator>(((ExpressionStatement)tree.Root.Statements[1]).Expression);
        Assert.Equal("X", macro.Alias.SimpleName);
        Assert.IsType<NameReference>(macro.EntityGroup);
    }

    [Theory]
    [InlineData("T | assert-schema a:string")]
    [InlineData("T | assert-schema (a:strang)")]
    [InlineData("macro-expand g as X (X.T | count")]
    [InlineData("macro-expand g (X.T | count)")]
    [InlineData("T | summarize count() by x bin=")]
    [InlineData("T | partition by x in (take 1)")]
    public void Broken_forms_report_diagnostics_and_round_trip(string text)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.True(tree.HasErrors);
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void Summarize_bin_clause_is_absent_without_a_legacy_bin()
    {
        var tree = SyntaxTree.Parse("T | summarize count() by bin(x, 10)");
        var summarize = Assert.IsType<SummarizeOperator>(((PipeExpression)((ExpressionStatement)tree.Root.Statements[0]).Expression).Operator);
        Assert.Null(summarize.Bin);
        Assert.Empty(tree.Diagnostics);
    }
}
