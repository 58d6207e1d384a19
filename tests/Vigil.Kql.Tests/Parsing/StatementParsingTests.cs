using Vigil.Kql.Syntax;

namespace Vigil.Kql.Tests.Parsing;

public sealed class StatementParsingTests
{
    private static string DumpStatements(string text)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        return SyntaxDumper.Dump(tree.Root.Statements);
    }

    [Theory]
    [InlineData("let x = 1; print x", "[(Let let x = 1) (Expression (Print print [x]))]")]
    [InlineData("let T2 = T | where a; T2", "[(Let let T2 = (Pipe T (Where where a))) (Expression T2)]")]
    [InlineData("let m = materialize(T | take 1);", "[(Let let m = (FunctionCall materialize (ExpressionList [(Pipe T (Take take 1))])))]")]
    [InlineData("let f = (a:string, T:(x:long), n:int = 5) { T | where x > n }; f('a', U)",
        "[(Let let f = (FunctionDeclaration [(FunctionParameter (NameAndTypeDeclaration a (PrimitiveType string))) (FunctionParameter (NameAndTypeDeclaration T (SchemaType [(NameAndTypeDeclaration x (PrimitiveType long))]))) (FunctionParameter (NameAndTypeDeclaration n (PrimitiveType int)) = 5)] (FunctionBody [(Expression (Pipe T (Where where (Binary x > n))))]))) (Expression (FunctionCall f (ExpressionList ['a' U])))]")]
    [InlineData("let g = (T:(*)) { let n = 1; T | take n }; g(U)",
        "[(Let let g = (FunctionDeclaration [(FunctionParameter (NameAndTypeDeclaration T (SchemaType [(Star *)])))] (FunctionBody [(Let let n = 1) (Expression (Pipe T (Take take n)))]))) (Expression (FunctionCall g (ExpressionList [U])))]")]
    [InlineData("let v = view () { T }; v", "[(Let let v = (FunctionDeclaration view (FunctionBody [(Expression T)]))) (Expression v)]")]
    [InlineData("let e = () { 1 }; print e()", "[(Let let e = (FunctionDeclaration (FunctionBody [(Expression 1)]))) (Expression (Print print [(FunctionCall e (ExpressionList))]))]")]
    [InlineData("set notruncation; T", "[(Set set notruncation) (Expression T)]")]
    [InlineData("set query_take_max_records = 10; T", "[(Set set query_take_max_records = 10) (Expression T)]")]
    [InlineData("declare query_parameters (n:long = 10, s:string); T | take n",
        "[(DeclareQueryParameters declare query_parameters [(FunctionParameter (NameAndTypeDeclaration n (PrimitiveType long)) = 10) (FunctionParameter (NameAndTypeDeclaration s (PrimitiveType string)))]) (Expression (Pipe T (Take take n)))]")]
    [InlineData("alias database db = cluster('c').database('d'); T",
        "[(Alias alias database db = (Path (FunctionCall cluster (ExpressionList ['c'])) (FunctionCall database (ExpressionList ['d'])))) (Expression T)]")]
    [InlineData("restrict access to (T, U*); T", "[(Restrict restrict access to [T (NameReference (WildcardedName [U *]))]) (Expression T)]")]
    [InlineData("declare pattern app; T", "[(Pattern declare pattern app) (Expression T)]")]
    [InlineData("T; U;", "[(Expression T) (Expression U)]")]
    public void Statement_parses_to_the_expected_tree(string text, string expected)
    {
        Assert.Equal(expected, DumpStatements(text));
    }

    [Fact]
    public void Pattern_declaration_with_rules_parses()
    {
        const string text = """
            declare pattern app = (applicationId:string)[eventType:string] {
                ("ApplicationX").["StopEvents"] = { database("AppX").Events | where EventType == "StopEvent" };
                ("ApplicationX").["StartEvents"] = { database("AppX").Events | where EventType == "StartEvent" };
            };
            app("ApplicationX").["StartEvents"]
            """;
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        var pattern = Assert.IsType<PatternStatement>(tree.Root.Statements[0]);
        Assert.Equal("app", pattern.Name.SimpleName);
        Assert.Equal("eventType", pattern.Declaration!.PathParameter!.Declaration.Name.SimpleName);
        Assert.Equal(2, pattern.Declaration.Rules.Count);
        Assert.Equal("\"StartEvents\"", ((LiteralExpression)pattern.Declaration.Rules[1].PathArgument!).Token.Text);
    }

    [Fact]
    public void Function_body_allows_only_let_statements_before_its_result()
    {
        var tree = SyntaxTree.Parse("let f = () { T; U }; f()");
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal(("KQL1018", 16), (diagnostic.Code, diagnostic.Start));
        Assert.Empty(SyntaxTree.Parse("let f = () { let x = 1; declare query_parameters (y:long = 2); T | take x; }; f()").Diagnostics);
    }

    [Fact]
    public void Missing_semicolon_between_statements_is_reported_where_it_belongs()
    {
        var tree = SyntaxTree.Parse("let x = 1\nprint x");
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("KQL1001", diagnostic.Code);
        Assert.Equal("expected ';'", diagnostic.Message);
        Assert.Equal(9, diagnostic.Start);
        Assert.Equal(2, tree.Root.Statements.Count);
    }
}
