using System.Text;
using Vigil.Kql.Diagnostics;

namespace Vigil.Kql.Syntax;

/// <summary>
/// A token: its <see cref="Text"/>, the <see cref="LeadingTrivia"/> before it (whitespace, comments; every trivia
/// is leading, the end-of-file token holds the trailing one) and tokens the parser skipped just before it.
/// Printing <see cref="SkippedTokens"/>, <see cref="LeadingTrivia"/> and <see cref="Text"/> gives back the input.
/// A missing token (<see cref="IsMissing"/>) is zero-width and carries the "expected ..." diagnostic.
/// </summary>
public sealed class SyntaxToken : SyntaxElement
{
    private static readonly SyntaxToken[] NoTokens = [];
    private readonly int _fullStart;
    private readonly int _skippedWidth;

    internal SyntaxToken(
        SyntaxKind kind,
        string text,
        string leadingTrivia,
        int fullStart,
        bool isMissing = false,
        Diagnostic[]? diagnostics = null,
        SyntaxToken[]? skippedTokens = null)
        : base(kind, diagnostics)
    {
        Text = text;
        LeadingTrivia = leadingTrivia;
        IsMissing = isMissing;
        SkippedTokens = skippedTokens is { Length: > 0 } ? skippedTokens : NoTokens;
        var skippedWidth = 0;
        var containsDiagnostics = OwnDiagnostics.Length > 0;
        foreach (var skipped in SkippedTokens)
        {
            skippedWidth += skipped.FullWidth;
            containsDiagnostics |= skipped.ContainsDiagnostics;
        }

        _skippedWidth = skippedWidth;
        _fullStart = SkippedTokens.Count > 0 ? SkippedTokens[0].FullStart : fullStart;
        ContainsDiagnostics = containsDiagnostics;
    }

    /// <summary>The token's own text (empty for a missing token). Typed literals include the type: <c>long(1)</c>.</summary>
    public string Text { get; }

    /// <summary>Whitespace and comments before the token, verbatim.</summary>
    public string LeadingTrivia { get; }

    /// <summary>Tokens the parser could not use, just before this token's trivia (each with an UnexpectedToken diagnostic).</summary>
    public IReadOnlyList<SyntaxToken> SkippedTokens { get; }

    /// <summary>True for a zero-width token the parser inserted where one was expected.</summary>
    public bool IsMissing { get; }

    public override int FullStart => _fullStart;

    public override int FullWidth => _skippedWidth + LeadingTrivia.Length + Text.Length;

    public override int TextStart => _fullStart + _skippedWidth + LeadingTrivia.Length;

    public override bool ContainsDiagnostics { get; }

    public override int ChildCount => 0;

    public override SyntaxElement? GetChild(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Leading trivia split into whitespace and comment pieces.</summary>
    public IReadOnlyList<SyntaxTrivia> GetTriviaList() => SyntaxTrivia.Split(LeadingTrivia, TextStart - LeadingTrivia.Length);

    internal void WriteTokenTo(StringBuilder builder, bool includeTrivia)
    {
        if (includeTrivia)
        {
            foreach (var skipped in SkippedTokens)
            {
                skipped.WriteTokenTo(builder, includeTrivia: true);
            }

            builder.Append(LeadingTrivia);
        }

        builder.Append(Text);
    }
}
