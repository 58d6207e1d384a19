using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

/// <summary>
/// Splits query text into tokens with leading trivia. Never fails: a character that starts no token becomes a
/// <see cref="SyntaxKind.BadToken"/>, an unterminated literal a token with a diagnostic. Words are
/// <see cref="SyntaxKind.Identifier"/>s (the parser decides where a word is a keyword), except the compound keywords
/// (<c>project-away</c>, <c>!has</c>, <c>in~</c>, <c>hint.strategy</c>), which are <see cref="SyntaxKind.Keyword"/>s.
/// </summary>
internal static class Lexer
{
    public static List<LexedToken> Lex(string text)
    {
        var tokens = new List<LexedToken>(Math.Max(16, text.Length / 4));
        var pos = 0;
        while (true)
        {
            var fullStart = pos;
            pos = SkipTrivia(text, pos);
            var triviaLength = pos - fullStart;
            if (pos >= text.Length)
            {
                tokens.Add(new LexedToken(SyntaxKind.EndOfFile, fullStart, triviaLength, 0, null));
                return tokens;
            }

            var (kind, end, diagnostic) = LexToken(text, pos);
            tokens.Add(new LexedToken(kind, fullStart, triviaLength, end - pos, diagnostic));
            pos = end;
        }
    }

    /// <summary>True for whitespace trivia, including the Unicode spaces, zero-width spaces and BOM that pasted
    /// queries carry.</summary>
    public static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' ||
        (c > 127 && (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E'));

    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

    private static int SkipTrivia(string text, int pos)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (IsWhitespace(c))
            {
                pos++;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
            {
                pos += 2;
                while (pos < text.Length && text[pos] is not ('\n' or '\r'))
                {
                    pos++;
                }
            }
            else
            {
                break;
            }
        }

        return pos;
    }

    private static (SyntaxKind Kind, int End, Diagnostic? Diagnostic) LexToken(string text, int pos)
    {
        var c = text[pos];
        var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        switch (c)
        {
            case '(': return (SyntaxKind.OpenParen, pos + 1, null);
            case ')': return (SyntaxKind.CloseParen, pos + 1, null);
            case '[': return (SyntaxKind.OpenBracket, pos + 1, null);
            case ']': return (SyntaxKind.CloseBracket, pos + 1, null);
            case '{': return (SyntaxKind.OpenBrace, pos + 1, null);
            case '}': return (SyntaxKind.CloseBrace, pos + 1, null);
            case '|': return (SyntaxKind.Bar, pos + 1, null);
            case ',': return (SyntaxKind.Comma, pos + 1, null);
            case ';': return (SyntaxKind.Semicolon, pos + 1, null);
            case ':': return (SyntaxKind.Colon, pos + 1, null);
            case '+': return (SyntaxKind.Plus, pos + 1, null);
            case '-': return (SyntaxKind.Minus, pos + 1, null);
            case '*': return (SyntaxKind.Asterisk, pos + 1, null);
            case '/': return (SyntaxKind.Slash, pos + 1, null);
            case '%': return (SyntaxKind.Percent, pos + 1, null);
            case '=':
                return next switch
                {
                    '=' => (SyntaxKind.EqualEqual, pos + 2, null),
                    '~' => (SyntaxKind.EqualTilde, pos + 2, null),
                    '>' => (SyntaxKind.EqualGreaterThan, pos + 2, null),
                    _ => (SyntaxKind.Equal, pos + 1, null),
                };
            case '<':
                return next switch
                {
                    '=' => (SyntaxKind.LessThanEqual, pos + 2, null),
                    '>' => (SyntaxKind.LessThanGreaterThan, pos + 2, null),
                    _ => (SyntaxKind.LessThan, pos + 1, null),
                };
            case '>':
                return next == '=' ? (SyntaxKind.GreaterThanEqual, pos + 2, null) : (SyntaxKind.GreaterThan, pos + 1, null);
            case '!':
                return LexBang(text, pos, next);
            case '.':
                if (next == '.')
                {
                    return (SyntaxKind.DotDot, pos + 2, null);
                }

                return char.IsAsciiDigit(next) ? LexNumber(text, pos) : (SyntaxKind.Dot, pos + 1, null);
            case '\'' or '"':
                return LexQuotedString(text, pos, pos, verbatim: false);
            case '@' when next is '\'' or '"':
                return LexQuotedString(text, pos, pos + 1, verbatim: true);
            case '`' when next == '`' && pos + 2 < text.Length && text[pos + 2] == '`':
                return LexMultiLineString(text, pos, pos);
            case '$' when IsIdentifierStart(next):
                return (SyntaxKind.Identifier, ScanWord(text, pos + 1), null);
            default:
                break;
        }

        if (char.IsAsciiDigit(c))
        {
            return LexNumber(text, pos);
        }

        if (c is 'h' or 'H')
        {
            if (next is '\'' or '"')
            {
                return LexQuotedString(text, pos, pos + 1, verbatim: false);
            }

            if (next == '@' && pos + 2 < text.Length && text[pos + 2] is '\'' or '"')
            {
                return LexQuotedString(text, pos, pos + 2, verbatim: true);
            }

            if (next == '`' && text.AsSpan(pos + 1).StartsWith("```"))
            {
                return LexMultiLineString(text, pos, pos + 1);
            }
        }

        if (IsIdentifierStart(c))
        {
            return LexWord(text, pos);
        }

        // A character that starts no token; keep a surrogate pair together.
        var length = char.IsHighSurrogate(c) && char.IsLowSurrogate(next) ? 2 : 1;
        return (SyntaxKind.BadToken, pos + length, SyntaxDiagnostics.InvalidCharacter(c, pos));
    }

    private static (SyntaxKind, int, Diagnostic?) LexBang(string text, int pos, char next)
    {
        if (next == '=')
        {
            return (SyntaxKind.BangEqual, pos + 2, null);
        }

        if (next == '~')
        {
            return (SyntaxKind.BangTilde, pos + 2, null);
        }

        if (IsIdentifierStart(next))
        {
            var end = ScanWord(text, pos + 1);
            if (SyntaxFacts.IsNegatableWord(text.AsSpan(pos + 1, end - pos - 1)))
            {
                if (end < text.Length && text[end] == '~' && end - pos == 3 && text[pos + 1] == 'i')
                {
                    end++; // !in~
                }

                return (SyntaxKind.Keyword, end, null);
            }
        }

        return (SyntaxKind.BadToken, pos + 1, SyntaxDiagnostics.InvalidCharacter('!', pos));
    }

    private static int ScanWord(string text, int pos)
    {
        while (pos < text.Length && IsIdentifierPart(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static (SyntaxKind, int, Diagnostic?) LexWord(string text, int start)
    {
        var end = ScanWord(text, start);
        var word = text.AsSpan(start, end - start);

        // Hyphenated keywords: take the longest known one (project-by-names has two hyphens).
        if (end < text.Length && text[end] == '-')
        {
            var best = -1;
            var probe = end;
            while (probe + 1 < text.Length && text[probe] == '-' && IsIdentifierStart(text[probe + 1]))
            {
                probe = ScanWord(text, probe + 1);
                if (SyntaxFacts.IsHyphenatedKeyword(text.AsSpan(start, probe - start)))
                {
                    best = probe;
                }
            }

            if (best > 0)
            {
                return (SyntaxKind.Keyword, best, null);
            }
        }

        if (word is "in" && end < text.Length && text[end] == '~')
        {
            return (SyntaxKind.Keyword, end + 1, null);
        }

        if (word is "hint" && end + 1 < text.Length && text[end] == '.' && IsIdentifierStart(text[end + 1]))
        {
            return (SyntaxKind.Keyword, ScanWord(text, end + 1), null);
        }

        if (word is "true" or "false")
        {
            return (SyntaxKind.BooleanLiteral, end, null);
        }

        if (SyntaxFacts.TryGetTypedLiteralKind(word, out var literalKind))
        {
            var paren = end;
            while (paren < text.Length && text[paren] is ' ' or '\t')
            {
                paren++;
            }

            if (paren < text.Length && text[paren] == '(')
            {
                return literalKind == SyntaxKind.DynamicLiteral
                    ? LexDynamicLiteral(text, start, paren)
                    : LexTypedLiteral(text, start, paren, literalKind);
            }
        }

        return (SyntaxKind.Identifier, end, null);
    }

    /// <summary>datetime(...), guid(...), long(...), time(...): the content is raw text up to ')'.</summary>
    private static (SyntaxKind, int, Diagnostic?) LexTypedLiteral(string text, int start, int paren, SyntaxKind kind)
    {
        var pos = paren + 1;
        while (pos < text.Length && text[pos] is not (')' or '\n' or '\r'))
        {
            pos++;
        }

        if (pos < text.Length && text[pos] == ')')
        {
            return (kind, pos + 1, null);
        }

        var keyword = text[start..paren].TrimEnd();
        return (kind, pos, SyntaxDiagnostics.UnterminatedTypedLiteral(keyword, start, pos - start));
    }

    /// <summary>dynamic(...): JSON-like content; brackets balance and strings may contain ')'.</summary>
    private static (SyntaxKind, int, Diagnostic?) LexDynamicLiteral(string text, int start, int paren)
    {
        var depth = 0;
        var pos = paren;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c is '(' or '[' or '{')
            {
                depth++;
                pos++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                pos++;
                if (depth == 0)
                {
                    return (SyntaxKind.DynamicLiteral, pos, null);
                }
            }
            else if (c is '\'' or '"')
            {
                pos = LexQuotedString(text, pos, pos, verbatim: false).End;
            }
            else if (c == '@' && pos + 1 < text.Length && text[pos + 1] is '\'' or '"')
            {
                pos = LexQuotedString(text, pos, pos + 1, verbatim: true).End;
            }
            else if (c is 'h' or 'H' && pos + 1 < text.Length && text[pos + 1] is '\'' or '"' && !IsIdentifierPart(Previous(text, pos)))
            {
                pos = LexQuotedString(text, pos, pos + 1, verbatim: false).End;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
            {
                while (pos < text.Length && text[pos] is not ('\n' or '\r'))
                {
                    pos++;
                }
            }
            else
            {
                pos++;
            }
        }

        return (SyntaxKind.DynamicLiteral, pos, SyntaxDiagnostics.UnterminatedTypedLiteral("dynamic", start, pos - start));
    }

    private static char Previous(string text, int pos) => pos > 0 ? text[pos - 1] : '\0';

    /// <summary>'...' or "..." (backslash escapes) or, verbatim, @'...' (doubled quotes); no line breaks inside.</summary>
    private static (SyntaxKind Kind, int End, Diagnostic? Diagnostic) LexQuotedString(string text, int start, int quotePos, bool verbatim)
    {
        var quote = text[quotePos];
        var pos = quotePos + 1;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == quote)
            {
                if (verbatim && pos + 1 < text.Length && text[pos + 1] == quote)
                {
                    pos += 2;
                    continue;
                }

                return (SyntaxKind.StringLiteral, pos + 1, null);
            }

            pos += !verbatim && c == '\\' && pos + 1 < text.Length && text[pos + 1] is not ('\n' or '\r') ? 2 : 1;
        }

        return (SyntaxKind.StringLiteral, pos, SyntaxDiagnostics.UnterminatedString(start, pos - start));
    }

    /// <summary>```...``` spanning lines.</summary>
    private static (SyntaxKind, int, Diagnostic?) LexMultiLineString(string text, int start, int fencePos)
    {
        var close = text.IndexOf("```", fencePos + 3, StringComparison.Ordinal);
        if (close >= 0)
        {
            return (SyntaxKind.StringLiteral, close + 3, null);
        }

        return (SyntaxKind.StringLiteral, text.Length, SyntaxDiagnostics.UnterminatedMultiLineString(start, text.Length - start));
    }

    /// <summary>123, 0x1F, 1.5, .5, 1e5, 2.5e-3; followed by a unit it is a timespan (1d, 30min, 1.5sec, 1tick).</summary>
    private static (SyntaxKind, int, Diagnostic?) LexNumber(string text, int start)
    {
        var pos = start;
        if (text[pos] == '0' && pos + 2 < text.Length && text[pos + 1] is 'x' or 'X' && char.IsAsciiHexDigit(text[pos + 2]))
        {
            pos += 2;
            while (pos < text.Length && char.IsAsciiHexDigit(text[pos]))
            {
                pos++;
            }

            return FinishNumber(text, start, pos, SyntaxKind.LongLiteral);
        }

        var kind = SyntaxKind.LongLiteral;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (pos + 1 < text.Length && text[pos] == '.' && char.IsAsciiDigit(text[pos + 1]))
        {
            kind = SyntaxKind.RealLiteral;
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }
        }

        if (pos < text.Length && text[pos] is 'e' or 'E')
        {
            var exponent = pos + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                kind = SyntaxKind.RealLiteral;
                pos = exponent;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    pos++;
                }
            }
        }

        return FinishNumber(text, start, pos, kind);
    }

    private static (SyntaxKind, int, Diagnostic?) FinishNumber(string text, int start, int pos, SyntaxKind kind)
    {
        if (pos >= text.Length || !IsIdentifierPart(text[pos]))
        {
            return (kind, pos, null);
        }

        var suffixEnd = ScanWord(text, pos);
        if (kind != SyntaxKind.LongLiteral || text[start] != '0' || pos - start < 2 || text[start + 1] is not ('x' or 'X'))
        {
            if (SyntaxFacts.IsTimespanUnit(text.AsSpan(pos, suffixEnd - pos)))
            {
                return (SyntaxKind.TimespanLiteral, suffixEnd, null);
            }
        }

        return (kind, suffixEnd, SyntaxDiagnostics.InvalidLiteral("number", text[start..suffixEnd], start, suffixEnd - start));
    }
}
