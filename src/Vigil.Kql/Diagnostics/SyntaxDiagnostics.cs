namespace Vigil.Kql.Diagnostics;

/// <summary>
/// The lexer's and parser's diagnostics (codes <c>KQL1xxx</c>). Codes are stable: add new ones at the end,
/// never renumber or reuse a code.
/// </summary>
public static class SyntaxDiagnostics
{
    /// <summary>KQL1001: a specific token was expected, e.g. <c>expected ')'</c>.</summary>
    public const string ExpectedTokenCode = "KQL1001";

    /// <summary>KQL1002: a scalar expression was expected.</summary>
    public const string ExpectedExpressionCode = "KQL1002";

    /// <summary>KQL1003: a query operator was expected after '|'.</summary>
    public const string ExpectedQueryOperatorCode = "KQL1003";

    /// <summary>KQL1004: tokens the parser could not use were skipped.</summary>
    public const string UnexpectedTokenCode = "KQL1004";

    /// <summary>KQL1005: a string literal has no closing quote.</summary>
    public const string UnterminatedStringCode = "KQL1005";

    /// <summary>KQL1006: a character that cannot start any token.</summary>
    public const string InvalidCharacterCode = "KQL1006";

    /// <summary>KQL1007: a name (identifier) was expected.</summary>
    public const string ExpectedNameCode = "KQL1007";

    /// <summary>KQL1008: a scalar type name (string, long, ...) was expected.</summary>
    public const string ExpectedTypeCode = "KQL1008";

    /// <summary>KQL1009: the query nests deeper than the parser allows.</summary>
    public const string NestingTooDeepCode = "KQL1009";

    /// <summary>KQL1010: a literal whose text is not valid for its kind (number, timespan, datetime, guid...).</summary>
    public const string InvalidLiteralCode = "KQL1010";

    /// <summary>KQL1011: a typed literal such as <c>datetime(</c> has no closing parenthesis.</summary>
    public const string UnterminatedTypedLiteralCode = "KQL1011";

    /// <summary>KQL1012: a quoted name such as <c>['x</c> is not closed.</summary>
    public const string UnterminatedQuotedNameCode = "KQL1012";

    /// <summary>KQL1013: one of several tokens was expected, e.g. <c>expected 'asc' or 'desc'</c>.</summary>
    public const string ExpectedOneOfCode = "KQL1013";

    /// <summary>KQL1014: a tabular expression (a table, a query) was expected.</summary>
    public const string ExpectedTabularExpressionCode = "KQL1014";

    /// <summary>KQL1015: a statement was expected.</summary>
    public const string ExpectedStatementCode = "KQL1015";

    /// <summary>KQL1016: a multi-line <c>```</c> string has no closing <c>```</c>.</summary>
    public const string UnterminatedMultiLineStringCode = "KQL1016";

    /// <summary>KQL1017: a literal value was expected (datatable values).</summary>
    public const string ExpectedLiteralCode = "KQL1017";

    public static Diagnostic ExpectedLiteral(int start, int length = 0) =>
        Error(ExpectedLiteralCode, "expected a literal value", start, length);

    /// <summary>KQL1018: in a function body, a statement follows the result expression.</summary>
    public const string StatementAfterResultCode = "KQL1018";

    public static Diagnostic StatementAfterResult(int start, int length) =>
        Error(StatementAfterResultCode, "a function body ends with its result expression; only let statements can come before it", start, length);

    public static Diagnostic ExpectedToken(string tokenText, int start, int length = 0) =>
        Error(ExpectedTokenCode, $"expected '{tokenText}'", start, length);

    public static Diagnostic ExpectedOneOf(IReadOnlyList<string> tokenTexts, int start, int length = 0) =>
        Error(ExpectedOneOfCode, "expected " + JoinAlternatives(tokenTexts), start, length);

    public static Diagnostic ExpectedExpression(int start, int length = 0) =>
        Error(ExpectedExpressionCode, "expected an expression", start, length);

    public static Diagnostic ExpectedTabularExpression(int start, int length = 0) =>
        Error(ExpectedTabularExpressionCode, "expected a tabular expression (a table name or a query)", start, length);

    public static Diagnostic ExpectedQueryOperator(int start, int length = 0) =>
        Error(ExpectedQueryOperatorCode, "expected a query operator after '|'", start, length);

    public static Diagnostic ExpectedName(int start, int length = 0) =>
        Error(ExpectedNameCode, "expected a name", start, length);

    public static Diagnostic ExpectedType(int start, int length = 0) =>
        Error(ExpectedTypeCode, "expected a type name (e.g. string, long, datetime, dynamic)", start, length);

    public static Diagnostic ExpectedStatement(int start, int length = 0) =>
        Error(ExpectedStatementCode, "expected a statement or a query", start, length);

    public static Diagnostic UnexpectedToken(string tokenText, int start, int length) =>
        Error(UnexpectedTokenCode, $"unexpected '{Shorten(tokenText)}'", start, length);

    public static Diagnostic UnterminatedString(int start, int length) =>
        Error(UnterminatedStringCode, "string literal is missing its closing quote", start, length);

    public static Diagnostic UnterminatedMultiLineString(int start, int length) =>
        Error(UnterminatedMultiLineStringCode, "multi-line string literal is missing its closing '```'", start, length);

    public static Diagnostic InvalidCharacter(char character, int start) =>
        Error(InvalidCharacterCode, $"invalid character '{character}' (U+{(int)character:X4})", start, 1);

    public static Diagnostic NestingTooDeep(int start, int length = 0) =>
        Error(NestingTooDeepCode, "the query is nested too deeply", start, length);

    public static Diagnostic InvalidLiteral(string kind, string text, int start, int length) =>
        Error(InvalidLiteralCode, $"invalid {kind} literal '{Shorten(text)}'", start, length);

    public static Diagnostic UnterminatedTypedLiteral(string keyword, int start, int length) =>
        Error(UnterminatedTypedLiteralCode, $"{keyword}(...) literal is missing its closing ')'", start, length);

    public static Diagnostic UnterminatedQuotedName(int start, int length) =>
        Error(UnterminatedQuotedNameCode, "quoted name is missing its closing ']'", start, length);

    private static Diagnostic Error(string code, string message, int start, int length) =>
        new(code, DiagnosticSeverity.Error, message, start, length);

    private static string JoinAlternatives(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return "a token";
        }

        if (texts.Count == 1)
        {
            return $"'{texts[0]}'";
        }

        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == texts.Count - 1 ? " or " : ", ");
            }

            builder.Append('\'').Append(texts[i]).Append('\'');
        }

        return builder.ToString();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
