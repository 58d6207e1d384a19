using Vigil.Kql.Syntax;

namespace Vigil.Kql.Tests.Syntax;

/// <summary>Tokens as the tree exposes them (the lexer itself is internal to parsing).</summary>
public sealed class LexerTests
{
    private static SyntaxToken SingleLiteral(string literal)
    {
        var tree = SyntaxTree.Parse("print " + literal);
        Assert.Empty(tree.Diagnostics);
        var print = (PrintOperator)((ExpressionStatement)tree.Root.Statements[0]).Expression;
        var expression = print.Expressions[0] is PrefixUnaryExpression unary ? unary.Operand : print.Expressions[0];
        return Assert.IsType<LiteralExpression>(expression).Token;
    }

    [Theory]
    [InlineData("123", SyntaxKind.LongLiteral)]
    [InlineData("0x1F", SyntaxKind.LongLiteral)]
    [InlineData("1.5", SyntaxKind.RealLiteral)]
    [InlineData(".5", SyntaxKind.RealLiteral)]
    [InlineData("1e5", SyntaxKind.RealLiteral)]
    [InlineData("2.5e-3", SyntaxKind.RealLiteral)]
    [InlineData("1d", SyntaxKind.TimespanLiteral)]
    [InlineData("30m", SyntaxKind.TimespanLiteral)]
    [InlineData("2.5h", SyntaxKind.TimespanLiteral)]
    [InlineData("10s", SyntaxKind.TimespanLiteral)]
    [InlineData("100ms", SyntaxKind.TimespanLiteral)]
    [InlineData("10microsecond", SyntaxKind.TimespanLiteral)]
    [InlineData("1tick", SyntaxKind.TimespanLiteral)]
    [InlineData("1.5sec", SyntaxKind.TimespanLiteral)]
    [InlineData("2days", SyntaxKind.TimespanLiteral)]
    [InlineData("5minutes", SyntaxKind.TimespanLiteral)]
    [InlineData("3hrs", SyntaxKind.TimespanLiteral)]
    [InlineData("7milliseconds", SyntaxKind.TimespanLiteral)]
    [InlineData("true", SyntaxKind.BooleanLiteral)]
    [InlineData("bool(false)", SyntaxKind.BooleanLiteral)]
    [InlineData("int(null)", SyntaxKind.IntLiteral)]
    [InlineData("long(-1)", SyntaxKind.LongLiteral)]
    [InlineData("real(nan)", SyntaxKind.RealLiteral)]
    [InlineData("real(+inf)", SyntaxKind.RealLiteral)]
    [InlineData("double(-inf)", SyntaxKind.RealLiteral)]
    [InlineData("decimal(1.5)", SyntaxKind.DecimalLiteral)]
    [InlineData("datetime(2020-01-01 10:00:00.123)", SyntaxKind.DateTimeLiteral)]
    [InlineData("datetime(null)", SyntaxKind.DateTimeLiteral)]
    [InlineData("timespan(1.02:03:04)", SyntaxKind.TimespanLiteral)]
    [InlineData("time(15 seconds)", SyntaxKind.TimespanLiteral)]
    [InlineData("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)", SyntaxKind.GuidLiteral)]
    [InlineData("dynamic(null)", SyntaxKind.DynamicLiteral)]
    [InlineData("dynamic([1, 'a)', {\"b\": [2]}])", SyntaxKind.DynamicLiteral)]
    [InlineData("dynamic ({})", SyntaxKind.DynamicLiteral)]
    [InlineData("'a\\'b'", SyntaxKind.StringLiteral)]
    [InlineData("\"a\\\"b\"", SyntaxKind.StringLiteral)]
    [InlineData("@'c:\\dir'", SyntaxKind.StringLiteral)]
    [InlineData("@\"say \"\"hi\"\"\"", SyntaxKind.StringLiteral)]
    [InlineData("h'secret'", SyntaxKind.StringLiteral)]
    [InlineData("H\"secret\"", SyntaxKind.StringLiteral)]
    [InlineData("h@'c:\\x'", SyntaxKind.StringLiteral)]
    [InlineData("```multi\nline```", SyntaxKind.StringLiteral)]
    public void Literal_is_one_token_of_the_expected_kind(string literal, SyntaxKind kind)
    {
        var token = SingleLiteral(literal);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(literal.TrimStart('-'), token.Text);
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("'a\\tb\\\\c'", "a\tb\\c")]
    [InlineData("\"\\u0041\"", "A")]
    [InlineData("@'a''b'", "a'b")]
    [InlineData("@\"c:\\x\"", "c:\\x")]
    [InlineData("h\"x\"", "x")]
    [InlineData("```a\nb```", "a\nb")]
    public void String_values_are_decoded(string literal, string value)
    {
        Assert.Equal(value, SyntaxFacts.GetStringValue(literal));
    }

    [Theory]
    [InlineData("project-away", SyntaxKind.Keyword)]
    [InlineData("!contains_cs", SyntaxKind.Keyword)]
    [InlineData("!in~", SyntaxKind.Keyword)]
    [InlineData("in~", SyntaxKind.Keyword)]
    [InlineData("hint.strategy", SyntaxKind.Keyword)]
    [InlineData("$left", SyntaxKind.Identifier)]
    [InlineData("Device_Events1", SyntaxKind.Identifier)]
    [InlineData("données", SyntaxKind.Identifier)]
    public void Words_lex_as_one_token(string word, SyntaxKind kind)
    {
        var tokens = Vigil.Kql.Parsing.Lexer.Lex(word + " x");
        Assert.Equal(kind, tokens[0].Kind);
        Assert.Equal(word.Length, tokens[0].TextLength);
        Assert.Null(tokens[0].Diagnostic);
    }

    [Theory]
    [InlineData("\u00A0")]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u2003")]
    [InlineData("\u202F")]
    [InlineData("\t")]
    [InlineData("\r\n")]
    [InlineData("// comment\n")]
    public void Unicode_spaces_and_comments_are_trivia(string trivia)
    {
        var text = $"T{trivia}|{trivia}where{trivia}x{trivia}=={trivia}1{trivia}";
        var tree = SyntaxTree.Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(text, tree.Root.ToFullString());
        Assert.Equal(["T", "|", "where", "x", "==", "1", ""], tree.Root.GetTokens().Select(t => t.Text).ToArray());
    }

    [Fact]
    public void Punctuation_and_operators_lex_to_their_kinds()
    {
        const string text = "( ) [ ] { } | , ; : . .. = == != <> =~ !~ < <= > >= + - * / % => ? #";
        SyntaxKind[] expected =
        [
            SyntaxKind.OpenParen, SyntaxKind.CloseParen, SyntaxKind.OpenBracket, SyntaxKind.CloseBracket, SyntaxKind.OpenBrace,
            SyntaxKind.CloseBrace, SyntaxKind.Bar, SyntaxKind.Comma, SyntaxKind.Semicolon, SyntaxKind.Colon, SyntaxKind.Dot,
            SyntaxKind.DotDot, SyntaxKind.Equal, SyntaxKind.EqualEqual, SyntaxKind.BangEqual, SyntaxKind.LessThanGreaterThan,
            SyntaxKind.EqualTilde, SyntaxKind.BangTilde, SyntaxKind.LessThan, SyntaxKind.LessThanEqual, SyntaxKind.GreaterThan,
            SyntaxKind.GreaterThanEqual, SyntaxKind.Plus, SyntaxKind.Minus, SyntaxKind.Asterisk, SyntaxKind.Slash, SyntaxKind.Percent,
            SyntaxKind.EqualGreaterThan, SyntaxKind.BadToken, SyntaxKind.BadToken, SyntaxKind.EndOfFile,
        ];
        var tokens = Vigil.Kql.Parsing.Lexer.Lex(text);
        Assert.Equal(expected, tokens.Select(t => t.Kind).ToArray());
        foreach (var token in tokens)
        {
            if (SyntaxFacts.GetText(token.Kind) is { } fixedText)
            {
                Assert.Equal(fixedText, text.Substring(token.TextStart, token.TextLength));
            }
        }
    }

    [Fact]
    public void Trivia_is_split_into_pieces_on_request()
    {
        var tree = SyntaxTree.Parse("T // c\n  | take 1");
        var bar = tree.Root.GetTokens().First(t => t.Kind == SyntaxKind.Bar);
        var pieces = bar.GetTriviaList();
        Assert.Equal([SyntaxTriviaKind.Whitespace, SyntaxTriviaKind.Comment, SyntaxTriviaKind.EndOfLine, SyntaxTriviaKind.Whitespace],
            pieces.Select(p => p.Kind).ToArray());
        Assert.Equal(1, pieces[0].Start);
        Assert.Equal("// c", pieces[1].Text);
    }
}
