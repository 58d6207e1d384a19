using Vigil.Kql.Diagnostics;
using Vigil.Kql.Parsing;
using Vigil.Kql.Text;

namespace Vigil.Kql.Syntax;

/// <summary>
/// A parsed query: the text, the root <see cref="QueryBlock"/> and every syntax diagnostic. Parsing never throws on
/// bad input; <c>Root.ToFullString()</c> always equals <see cref="Text"/>.
/// </summary>
public sealed class SyntaxTree
{
    private IReadOnlyList<Diagnostic>? _diagnostics;
    private LineMap? _lineMap;

    private SyntaxTree(string text, QueryBlock root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public QueryBlock Root { get; }

    /// <summary>The syntax diagnostics (lexer and parser), ordered by position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ??= Root.GetContainedDiagnostics();

    public bool HasErrors => Root.ContainsDiagnostics && Diagnostics.Any(static d => d.IsError);

    /// <summary>Offsets to 1-based line/column, for messages.</summary>
    public LineMap LineMap => _lineMap ??= new LineMap(Text);

    /// <summary>Parses <paramref name="text"/> (statements separated by ';').</summary>
    public static SyntaxTree Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SyntaxTree(text, Parser.ParseQuery(text));
    }
}
