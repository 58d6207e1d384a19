using System.Collections.Frozen;
using System.Text;

namespace Vigil.Kql.Syntax;

/// <summary>
/// The language's vocabulary in one place: punctuation text, operator keywords and precedence, compound keywords
/// the lexer reads as one token, typed-literal and type names, timespan units, and string literal decoding.
/// </summary>
public static partial class SyntaxFacts
{
    /// <summary>Binary operator precedence, lowest first (Kusto: or &lt; and &lt; equality/string &lt; relational
    /// &lt; additive &lt; multiplicative).</summary>
    public const int OrPrecedence = 1;
    public const int AndPrecedence = 2;
    public const int EqualityPrecedence = 3;
    public const int RelationalPrecedence = 4;
    public const int AdditivePrecedence = 5;
    public const int MultiplicativePrecedence = 6;

    private static readonly FrozenDictionary<string, BinaryOperatorKind> WordOperators = new Dictionary<string, BinaryOperatorKind>
    {
        ["and"] = BinaryOperatorKind.And,
        ["or"] = BinaryOperatorKind.Or,
        ["has"] = BinaryOperatorKind.Has,
        ["has_cs"] = BinaryOperatorKind.HasCs,
        ["!has"] = BinaryOperatorKind.NotHas,
        ["!has_cs"] = BinaryOperatorKind.NotHasCs,
        ["hasprefix"] = BinaryOperatorKind.HasPrefix,
        ["hasprefix_cs"] = BinaryOperatorKind.HasPrefixCs,
        ["!hasprefix"] = BinaryOperatorKind.NotHasPrefix,
        ["!hasprefix_cs"] = BinaryOperatorKind.NotHasPrefixCs,
        ["hassuffix"] = BinaryOperatorKind.HasSuffix,
        ["hassuffix_cs"] = BinaryOperatorKind.HasSuffixCs,
        ["!hassuffix"] = BinaryOperatorKind.NotHasSuffix,
        ["!hassuffix_cs"] = BinaryOperatorKind.NotHasSuffixCs,
        ["contains"] = BinaryOperatorKind.Contains,
        ["contains_cs"] = BinaryOperatorKind.ContainsCs,
        ["!contains"] = BinaryOperatorKind.NotContains,
        ["!contains_cs"] = BinaryOperatorKind.NotContainsCs,
        ["startswith"] = BinaryOperatorKind.StartsWith,
        ["startswith_cs"] = BinaryOperatorKind.StartsWithCs,
        ["!startswith"] = BinaryOperatorKind.NotStartsWith,
        ["!startswith_cs"] = BinaryOperatorKind.NotStartsWithCs,
        ["endswith"] = BinaryOperatorKind.EndsWith,
        ["endswith_cs"] = BinaryOperatorKind.EndsWithCs,
        ["!endswith"] = BinaryOperatorKind.NotEndsWith,
        ["!endswith_cs"] = BinaryOperatorKind.NotEndsWithCs,
        ["like"] = BinaryOperatorKind.Like,
        ["like_cs"] = BinaryOperatorKind.LikeCs,
        ["notlike"] = BinaryOperatorKind.NotLike,
        ["notlike_cs"] = BinaryOperatorKind.NotLikeCs,
        ["matches"] = BinaryOperatorKind.MatchesRegex,
        ["in"] = BinaryOperatorKind.In,
        ["!in"] = BinaryOperatorKind.NotIn,
        ["in~"] = BinaryOperatorKind.InCaseInsensitive,
        ["!in~"] = BinaryOperatorKind.NotInCaseInsensitive,
        ["has_any"] = BinaryOperatorKind.HasAny,
        ["has_all"] = BinaryOperatorKind.HasAll,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that, written right after '!', form one negated operator token (<c>!has</c>, <c>!in~</c>).</summary>
    private static readonly FrozenSet<string> NegatableWords = FrozenSet.ToFrozenSet(
    [
        "has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "contains", "contains_cs",
        "startswith", "startswith_cs", "endswith", "endswith_cs", "in", "between",
    ], StringComparer.Ordinal);

    /// <summary>Hyphenated keywords the lexer reads as one token.</summary>
    private static readonly FrozenSet<string> HyphenatedKeywords = FrozenSet.ToFrozenSet(
    [
        "project-away", "project-keep", "project-rename", "project-reorder", "project-smart", "project-by-names",
        "mv-expand", "mv-apply", "make-series", "top-nested", "top-hitters", "parse-where", "parse-kv",
        "sample-distinct", "assert-schema", "macro-expand", "make-graph", "graph-match", "graph-shortest-paths",
        "graph-to-table", "graph-mark-components", "granny-asc", "granny-desc", "partitioned-by",
    ], StringComparer.Ordinal);

    /// <summary>Words that start a typed literal token when followed by '(' (the literal runs to its ')').</summary>
    private static readonly FrozenDictionary<string, SyntaxKind> TypedLiteralWords = new Dictionary<string, SyntaxKind>
    {
        ["bool"] = SyntaxKind.BooleanLiteral,
        ["boolean"] = SyntaxKind.BooleanLiteral,
        ["int"] = SyntaxKind.IntLiteral,
        ["long"] = SyntaxKind.LongLiteral,
        ["real"] = SyntaxKind.RealLiteral,
        ["double"] = SyntaxKind.RealLiteral,
        ["decimal"] = SyntaxKind.DecimalLiteral,
        ["datetime"] = SyntaxKind.DateTimeLiteral,
        ["date"] = SyntaxKind.DateTimeLiteral,
        ["timespan"] = SyntaxKind.TimespanLiteral,
        ["time"] = SyntaxKind.TimespanLiteral,
        ["guid"] = SyntaxKind.GuidLiteral,
        ["uuid"] = SyntaxKind.GuidLiteral,
        ["uniqueid"] = SyntaxKind.GuidLiteral,
        ["dynamic"] = SyntaxKind.DynamicLiteral,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Scalar type names (and aliases) accepted in declarations such as <c>a:string</c>.</summary>
    private static readonly FrozenSet<string> ScalarTypeNames = FrozenSet.ToFrozenSet(
    [
        "bool", "boolean", "int", "long", "int64", "real", "double", "decimal", "string", "datetime", "date",
        "timespan", "time", "guid", "uuid", "uniqueid", "dynamic",
    ], StringComparer.Ordinal);

    /// <summary>Timespan unit suffixes (<c>1d</c>, <c>30min</c>, <c>10microseconds</c>, <c>1tick</c>).</summary>
    private static readonly FrozenSet<string> TimespanUnits = FrozenSet.ToFrozenSet(
    [
        "d", "day", "days", "h", "hr", "hrs", "hour", "hours", "m", "min", "minute", "minutes", "s", "sec", "second",
        "seconds", "ms", "milli", "millis", "millisec", "millisecond", "milliseconds", "microsec", "microsecond",
        "microseconds", "nanosec", "nanosecond", "nanoseconds", "tick", "ticks",
    ], StringComparer.Ordinal);

    /// <summary>Words that end an expression list or clause and so are never read as a column name where an
    /// expression starts (a keyword that is also a column name, like <c>type</c> or <c>count</c>, is fine).</summary>
    private static readonly FrozenSet<string> ClauseWords = FrozenSet.ToFrozenSet(
    [
        "by", "on", "with", "of", "and", "or", "asc", "desc", "nulls", "step", "from", "to", "let",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenatedLookup =
        HyphenatedKeywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatableLookup =
        NegatableWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        TimespanUnits.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, SyntaxKind>.AlternateLookup<ReadOnlySpan<char>> TypedLiteralLookup =
        TypedLiteralWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The fixed text of a punctuation token kind, or null for kinds whose text varies.</summary>
    public static string? GetText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.OpenParen => "(",
        SyntaxKind.CloseParen => ")",
        SyntaxKind.OpenBracket => "[",
        SyntaxKind.CloseBracket => "]",
        SyntaxKind.OpenBrace => "{",
        SyntaxKind.CloseBrace => "}",
        SyntaxKind.Bar => "|",
        SyntaxKind.Comma => ",",
        SyntaxKind.Semicolon => ";",
        SyntaxKind.Colon => ":",
        SyntaxKind.Dot => ".",
        SyntaxKind.DotDot => "..",
        SyntaxKind.Equal => "=",
        SyntaxKind.EqualEqual => "==",
        SyntaxKind.BangEqual => "!=",
        SyntaxKind.LessThanGreaterThan => "<>",
        SyntaxKind.EqualTilde => "=~",
        SyntaxKind.BangTilde => "!~",
        SyntaxKind.LessThan => "<",
        SyntaxKind.LessThanEqual => "<=",
        SyntaxKind.GreaterThan => ">",
        SyntaxKind.GreaterThanEqual => ">=",
        SyntaxKind.Plus => "+",
        SyntaxKind.Minus => "-",
        SyntaxKind.Asterisk => "*",
        SyntaxKind.Slash => "/",
        SyntaxKind.Percent => "%",
        SyntaxKind.EqualGreaterThan => "=>",
        _ => null,
    };

    /// <summary>The operator a punctuation token stands for as a binary operator, with its precedence.</summary>
    public static bool TryGetBinaryOperator(SyntaxKind kind, out BinaryOperatorKind op, out int precedence)
    {
        (op, precedence) = kind switch
        {
            SyntaxKind.Plus => (BinaryOperatorKind.Add, AdditivePrecedence),
            SyntaxKind.Minus => (BinaryOperatorKind.Subtract, AdditivePrecedence),
            SyntaxKind.Asterisk => (BinaryOperatorKind.Multiply, MultiplicativePrecedence),
            SyntaxKind.Slash => (BinaryOperatorKind.Divide, MultiplicativePrecedence),
            SyntaxKind.Percent => (BinaryOperatorKind.Modulo, MultiplicativePrecedence),
            SyntaxKind.EqualEqual => (BinaryOperatorKind.Equal, EqualityPrecedence),
            SyntaxKind.BangEqual or SyntaxKind.LessThanGreaterThan => (BinaryOperatorKind.NotEqual, EqualityPrecedence),
            SyntaxKind.EqualTilde => (BinaryOperatorKind.EqualTilde, EqualityPrecedence),
            SyntaxKind.BangTilde => (BinaryOperatorKind.BangTilde, EqualityPrecedence),
            SyntaxKind.LessThan => (BinaryOperatorKind.LessThan, RelationalPrecedence),
            SyntaxKind.LessThanEqual => (BinaryOperatorKind.LessThanOrEqual, RelationalPrecedence),
            SyntaxKind.GreaterThan => (BinaryOperatorKind.GreaterThan, RelationalPrecedence),
            SyntaxKind.GreaterThanEqual => (BinaryOperatorKind.GreaterThanOrEqual, RelationalPrecedence),
            _ => (BinaryOperatorKind.None, 0),
        };
        return op != BinaryOperatorKind.None;
    }

    /// <summary>The operator a word stands for (<c>and</c>, <c>has</c>, <c>!contains_cs</c>, <c>in~</c>, <c>matches</c>...).
    /// <c>in</c>-like operators and <c>between</c> are parsed specially but share the equality precedence.</summary>
    public static bool TryGetWordOperator(string word, out BinaryOperatorKind op, out int precedence)
    {
        if (WordOperators.TryGetValue(word, out op))
        {
            precedence = op switch
            {
                BinaryOperatorKind.Or => OrPrecedence,
                BinaryOperatorKind.And => AndPrecedence,
                _ => EqualityPrecedence,
            };
            return true;
        }

        precedence = 0;
        return false;
    }

    /// <summary>True for the operators whose right side is a parenthesized list: in, !in, in~, !in~, has_any, has_all.</summary>
    public static bool IsListOperator(BinaryOperatorKind op) =>
        op is BinaryOperatorKind.In or BinaryOperatorKind.NotIn or BinaryOperatorKind.InCaseInsensitive
            or BinaryOperatorKind.NotInCaseInsensitive or BinaryOperatorKind.HasAny or BinaryOperatorKind.HasAll;

    /// <summary>True when <paramref name="word"/> names a scalar type (<c>string</c>, <c>long</c>, <c>double</c>...).</summary>
    public static bool IsScalarTypeName(string word) => ScalarTypeNames.Contains(word);

    /// <summary>True for words that close a clause (<c>by</c>, <c>on</c>, <c>with</c>...); never read as a name where an
    /// expression starts.</summary>
    public static bool IsClauseWord(string word) => ClauseWords.Contains(word);

    internal static bool IsHyphenatedKeyword(ReadOnlySpan<char> word) => HyphenatedLookup.Contains(word);

    internal static bool IsNegatableWord(ReadOnlySpan<char> word) => NegatableLookup.Contains(word);

    internal static bool IsTimespanUnit(ReadOnlySpan<char> word) => UnitLookup.Contains(word);

    internal static bool TryGetTypedLiteralKind(ReadOnlySpan<char> word, out SyntaxKind kind) =>
        TypedLiteralLookup.TryGetValue(word, out kind);

    /// <summary>True for the token kinds of literals.</summary>
    public static bool IsLiteral(SyntaxKind kind) => kind is >= SyntaxKind.BooleanLiteral and <= SyntaxKind.DynamicLiteral;

    /// <summary>
    /// The value of a string literal token's text: quotes removed and escapes applied for <c>'...'</c>/<c>"..."</c>;
    /// doubled quotes for verbatim <c>@'...'</c>; raw content for <c>```...```</c>; an <c>h</c>/<c>H</c> prefix
    /// (obfuscated literal) is dropped. Returns null when the text is not a complete string literal.
    /// </summary>
    public static string? GetStringValue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan();
        if (s.Length > 0 && s[0] is 'h' or 'H')
        {
            s = s[1..];
        }

        if (s.StartsWith("```") || s.StartsWith("~~~"))
        {
            return s.Length >= 6 && s.EndsWith(s[..3]) ? s[3..^3].ToString() : null;
        }

        var verbatim = s.Length > 0 && s[0] == '@';
        if (verbatim)
        {
            s = s[1..];
        }

        if (s.Length < 2 || s[0] is not ('\'' or '"') || s[^1] != s[0])
        {
            return null;
        }

        var quote = s[0];
        var body = s[1..^1];
        if (verbatim)
        {
            return body.ToString().Replace(new string(quote, 2), quote.ToString(), StringComparison.Ordinal);
        }

        if (!body.Contains('\\'))
        {
            return body.ToString();
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = body[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '0': builder.Append('\0'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case 'u' when i + 4 < body.Length && ushort.TryParse(body.Slice(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }
}
