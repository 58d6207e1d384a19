using System.Runtime.CompilerServices;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

/// <summary>
/// Recursive-descent parser over the lexer's tokens. It never throws on bad input: where a token is expected and
/// absent it inserts a zero-width missing token (with an "expected ..." diagnostic); tokens it cannot use are
/// attached to the next token as skipped tokens (with an "unexpected ..." diagnostic). Every loop consumes a token
/// or stops, and nesting deeper than <see cref="MaxDepth"/> (or the thread's stack) ends in a diagnostic.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deepest nesting of expressions accepted; real queries nest a few dozen levels at most.</summary>
    public const int MaxDepth = 256;

    private readonly string _text;
    private readonly List<LexedToken> _tokens;
    private readonly List<SyntaxToken> _pendingSkipped = [];
    /// <summary>Names, keywords and trivia repeat across queries: one intern table per thread, reused by every
    /// parse on it (cleared when it grows past <see cref="MaxInternedStrings"/>), saves most token-text allocations.</summary>
    [ThreadStatic]
    private static Dictionary<string, string>? t_strings;

    private const int MaxInternedStrings = 16_384;

    private readonly Dictionary<string, string> _strings;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private int _pos;
    private int _depth;
    private bool _tooDeepReported;

    /// <summary>A diagnostic to attach to the next token made (for errors found before the token is consumed).</summary>
    private Diagnostic? _pendingDiagnostic;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Lex(text);
        _strings = t_strings ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (_strings.Count > MaxInternedStrings)
        {
            _strings.Clear();
        }

        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Parses a whole query (statements separated by ';').</summary>
    public static QueryBlock ParseQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Parser(text).ParseQueryBlock();
    }

    // ---------------------------------------------------------------- token access

    private LexedToken Current => _tokens[_pos];

    private LexedToken Peek(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    private SyntaxKind CurrentKind => _tokens[_pos].Kind;

    private bool AtEnd => CurrentKind == SyntaxKind.EndOfFile;

    private ReadOnlySpan<char> TextOf(in LexedToken token) => _text.AsSpan(token.TextStart, token.TextLength);

    private static bool IsWordKind(SyntaxKind kind) => kind is SyntaxKind.Identifier or SyntaxKind.Keyword;

    /// <summary>True when the token <paramref name="offset"/> ahead is the word <paramref name="word"/>.</summary>
    private bool IsWord(string word, int offset = 0)
    {
        var token = Peek(offset);
        return IsWordKind(token.Kind) && TextOf(token).SequenceEqual(word);
    }

    private bool IsKind(SyntaxKind kind, int offset = 0) => Peek(offset).Kind == kind;

    /// <summary>True when the current token is a plain identifier that is not a clause word (by, on, with...).</summary>
    private bool IsNameStart(int offset = 0)
    {
        var token = Peek(offset);
        return token.Kind == SyntaxKind.Identifier && !SyntaxFacts.IsClauseWord(Intern(TextOf(token)));
    }

    /// <summary>True when the two tokens touch (no trivia between): <c>Device*</c>.</summary>
    private bool Adjacent(int offset) => Peek(offset).TriviaLength == 0;

    private string CurrentText => Intern(TextOf(Current));

    private string Intern(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (text.Length > 64)
        {
            return text.ToString();
        }

        if (!_stringLookup.TryGetValue(text, out var value))
        {
            value = text.ToString();
            _strings[value] = value;
        }

        return value;
    }

    private string TokenText(in LexedToken token) =>
        SyntaxFacts.GetText(token.Kind) is { } fixedText && token.TextLength == fixedText.Length ? fixedText : Intern(TextOf(token));

    private string TriviaText(in LexedToken token) => Intern(_text.AsSpan(token.FullStart, token.TriviaLength));

    // ---------------------------------------------------------------- making tokens

    /// <summary>Consumes the current token, optionally giving it another kind (a word used as a keyword).</summary>
    private SyntaxToken Take(SyntaxKind? asKind = null, Diagnostic? diagnostic = null)
    {
        var token = Current;
        if (token.Kind != SyntaxKind.EndOfFile)
        {
            _pos++;
        }

        return Make(token, asKind ?? token.Kind, diagnostic);
    }

    private SyntaxToken TakeKeyword() => Take(SyntaxKind.Keyword);

    private SyntaxToken Make(in LexedToken token, SyntaxKind kind, Diagnostic? extra)
    {
        var pending = _pendingDiagnostic;
        _pendingDiagnostic = null;
        var count = (pending is null ? 0 : 1) + (token.Diagnostic is null ? 0 : 1) + (extra is null ? 0 : 1);
        Diagnostic[]? diagnostics = null;
        if (count > 0)
        {
            diagnostics = new Diagnostic[count];
            var i = 0;
            foreach (var diagnostic in (ReadOnlySpan<Diagnostic?>)[pending, token.Diagnostic, extra])
            {
                if (diagnostic is not null)
                {
                    diagnostics[i++] = diagnostic;
                }
            }
        }

        var skipped = TakePendingSkipped();
        return new SyntaxToken(kind, TokenText(token), TriviaText(token), token.FullStart, false, diagnostics, skipped);
    }

    private SyntaxToken[]? TakePendingSkipped()
    {
        if (_pendingSkipped.Count == 0)
        {
            return null;
        }

        var skipped = _pendingSkipped.ToArray();
        _pendingSkipped.Clear();
        return skipped;
    }

    /// <summary>A zero-width token where one was expected, placed right after the previous token.</summary>
    private SyntaxToken Missing(SyntaxKind kind, Diagnostic diagnostic) =>
        new(kind, string.Empty, string.Empty, Current.FullStart, isMissing: true, [diagnostic], TakePendingSkipped());

    private SyntaxToken Expect(SyntaxKind kind) =>
        CurrentKind == kind ? Take() : Missing(kind, SyntaxDiagnostics.ExpectedToken(SyntaxFacts.GetText(kind) ?? kind.ToString(), Current.FullStart));

    private SyntaxToken ExpectKeyword(string word) =>
        IsWord(word) ? TakeKeyword() : Missing(SyntaxKind.Keyword, SyntaxDiagnostics.ExpectedToken(word, Current.FullStart));

    private SyntaxToken? TakeKeywordIf(string word) => IsWord(word) ? TakeKeyword() : null;

    private SyntaxToken? TakeIf(SyntaxKind kind) => CurrentKind == kind ? Take() : null;

    /// <summary>Skips the current token (never end of file); the first of a run reports "unexpected".</summary>
    private void SkipCurrent(bool report)
    {
        var token = Current;
        if (token.Kind == SyntaxKind.EndOfFile)
        {
            return;
        }

        _pos++;
        var diagnostic = report ? SyntaxDiagnostics.UnexpectedToken(Intern(TextOf(token)), token.TextStart, token.TextLength) : null;
        Diagnostic[]? diagnostics = (token.Diagnostic, diagnostic) switch
        {
            (null, null) => null,
            (null, { } d) => [d],
            ({ } d, null) => [d],
            ({ } a, { } b) => [b, a],
        };
        _pendingSkipped.Add(new SyntaxToken(token.Kind, TokenText(token), TriviaText(token), token.FullStart, false, diagnostics));
    }

    /// <summary>Skips tokens up to (not including) one that <paramref name="stop"/> accepts or the end, keeping
    /// brackets balanced; reports the run once.</summary>
    private void SkipUntil(Func<Parser, bool> stop)
    {
        var first = true;
        var nesting = 0;
        while (!AtEnd && (nesting > 0 || !stop(this)))
        {
            nesting += CurrentKind switch
            {
                SyntaxKind.OpenParen or SyntaxKind.OpenBracket or SyntaxKind.OpenBrace => 1,
                SyntaxKind.CloseParen or SyntaxKind.CloseBracket or SyntaxKind.CloseBrace when nesting > 0 => -1,
                _ => 0,
            };
            SkipCurrent(first);
            first = false;
        }
    }

    // ---------------------------------------------------------------- lists

    private SyntaxList<T> List<T>(List<T> items, int emptyStart)
        where T : SyntaxElement => new([.. items], emptyStart);

    private SyntaxList<T> EmptyList<T>()
        where T : SyntaxElement => new([], Current.FullStart);

    private SeparatedSyntaxList<T> EmptySeparated<T>()
        where T : SyntaxElement => new([], [], Current.FullStart);

    /// <summary>Parses <c>element (, element)*</c>. After a separator an element is required unless
    /// <paramref name="allowTrailingSeparator"/> and <paramref name="atEnd"/> says the list ended.</summary>
    private SeparatedSyntaxList<T> ParseSeparated<T>(
        Func<T> parseElement, Func<bool>? atEnd = null, SyntaxKind separator = SyntaxKind.Comma, bool allowTrailingSeparator = false)
        where T : SyntaxElement
    {
        var start = Current.FullStart;
        if (atEnd is not null && atEnd())
        {
            return new SeparatedSyntaxList<T>([], [], start);
        }

        var elements = new List<T>();
        var separators = new List<SyntaxToken>();
        while (true)
        {
            elements.Add(parseElement());
            if (CurrentKind != separator)
            {
                break;
            }

            separators.Add(Take());
            if (allowTrailingSeparator && atEnd is not null && atEnd())
            {
                break;
            }
        }

        return new SeparatedSyntaxList<T>([.. elements], [.. separators], start);
    }

    // ---------------------------------------------------------------- nesting guard

    /// <summary>Enters one level of nesting; false when too deep (the caller then returns a placeholder).</summary>
    private bool EnterNesting()
    {
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return false;
        }

        _depth++;
        return true;
    }

    private void ExitNesting() => _depth--;

    /// <summary>The placeholder for an expression nested too deeply: skips the rest of the nested group.</summary>
    private MissingExpression TooDeep()
    {
        var diagnostic = SyntaxDiagnostics.NestingTooDeep(Current.TextStart);
        if (_tooDeepReported)
        {
            diagnostic = SyntaxDiagnostics.ExpectedExpression(Current.FullStart);
        }

        _tooDeepReported = true;

        // Skip to the end of the enclosing group so the outer levels find their closing tokens.
        var nesting = 0;
        while (!AtEnd)
        {
            var kind = CurrentKind;
            if (kind is SyntaxKind.OpenParen or SyntaxKind.OpenBracket or SyntaxKind.OpenBrace)
            {
                nesting++;
            }
            else if (kind is SyntaxKind.CloseParen or SyntaxKind.CloseBracket or SyntaxKind.CloseBrace)
            {
                if (nesting == 0)
                {
                    break;
                }

                nesting--;
            }
            else if (nesting == 0 && kind is SyntaxKind.Semicolon or SyntaxKind.Comma or SyntaxKind.Bar)
            {
                break;
            }

            SkipCurrent(report: false);
        }

        return new MissingExpression(Missing(SyntaxKind.Identifier, diagnostic));
    }
}
