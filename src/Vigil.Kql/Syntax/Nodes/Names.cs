namespace Vigil.Kql.Syntax;

/// <summary>A name as written: a plain identifier, a bracketed name <c>['a b']</c> or a wildcard <c>Device*</c>.</summary>
public abstract class Name : SyntaxNode
{
    private protected Name(SyntaxKind kind, SyntaxElement?[] slots)
        : base(kind, slots)
    {
    }

    /// <summary>The name's value: the identifier text, the bracketed string's value, or the wildcard pattern.</summary>
    public abstract string SimpleName { get; }
}

/// <summary>A plain name: an identifier, or a keyword used as a name (<c>count</c>, <c>type</c>, <c>$left</c>).</summary>
public sealed class IdentifierName : Name
{
    internal IdentifierName(SyntaxToken identifier)
        : base(SyntaxKind.IdentifierName, [identifier])
    {
    }

    public SyntaxToken Identifier => Slot<SyntaxToken>(0);

    public override string SimpleName => Identifier.Text;
}

/// <summary><c>['name with spaces']</c> or <c>["x"]</c>.</summary>
public sealed class BracketedName : Name
{
    internal BracketedName(SyntaxToken openBracket, SyntaxToken value, SyntaxToken closeBracket)
        : base(SyntaxKind.BracketedName, [openBracket, value, closeBracket])
    {
    }

    public SyntaxToken OpenBracket => Slot<SyntaxToken>(0);

    /// <summary>The string literal token holding the name.</summary>
    public SyntaxToken Value => Slot<SyntaxToken>(1);

    public SyntaxToken CloseBracket => Slot<SyntaxToken>(2);

    public override string SimpleName => SyntaxFacts.GetStringValue(Value.Text) ?? string.Empty;
}

/// <summary>A name pattern with <c>*</c> wildcards (<c>Device*</c>, <c>*Events</c>, <c>*</c>), as tokens written together.</summary>
public sealed class WildcardedName : Name
{
    internal WildcardedName(SyntaxList<SyntaxToken> parts)
        : base(SyntaxKind.WildcardedName, [parts])
    {
    }

    /// <summary>Identifier and <c>*</c> tokens with no trivia between them.</summary>
    public SyntaxList<SyntaxToken> Parts => Slot<SyntaxList<SyntaxToken>>(0);

    /// <summary>The pattern text, e.g. <c>Device*Events</c>.</summary>
    public override string SimpleName
    {
        get
        {
            var builder = new System.Text.StringBuilder();
            foreach (var part in Parts)
            {
                builder.Append(part.Text);
            }

            return builder.ToString();
        }
    }
}
