using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Parsing;

/// <summary>A token as the lexer found it: positions only (the parser creates <see cref="SyntaxToken"/>s on use).</summary>
internal readonly record struct LexedToken(SyntaxKind Kind, int FullStart, int TriviaLength, int TextLength, Diagnostic? Diagnostic)
{
    public int TextStart => FullStart + TriviaLength;

    public int End => TextStart + TextLength;
}
