using System.Text;

namespace Vigil.Kql.Syntax;

/// <summary>
/// A compact S-expression view of a tree for tests and debugging: <c>(Kind child ...)</c> with the kind's
/// Expression/Operator/Statement suffix dropped, names and literals as their text, brackets, commas and other
/// punctuation omitted (operators kept), empty lists and absent parts omitted, lists as <c>[...]</c>, missing
/// tokens as <c>&lt;missing&gt;</c>. The indented form puts every node on its own line (for golden files).
/// </summary>
public static class SyntaxDumper
{
    public static string Dump(SyntaxElement element, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(element);
        var builder = new StringBuilder();
        Write(builder, element, 0, indented);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, SyntaxElement element, int depth, bool indented)
    {
        if (depth > 2000)
        {
            builder.Append("...");
            return;
        }

        switch (element)
        {
            case SyntaxToken token:
                builder.Append(token.IsMissing ? "<missing>" : token.Text);
                return;
            case IdentifierName name:
                Write(builder, name.Identifier, depth + 1, indented);
                return;
            case NameReference { Name: IdentifierName identifier }:
                Write(builder, identifier.Identifier, depth + 1, indented);
                return;
            case LiteralExpression literal:
                builder.Append(literal.Token.Text);
                return;
            case MissingExpression:
                builder.Append("<missing>");
                return;
            case SyntaxNode node when node.Kind is SyntaxKind.List or SyntaxKind.SeparatedList:
                builder.Append('[');
                WriteChildren(builder, node, depth, indented);
                builder.Append(']');
                return;
            case SyntaxNode node:
                builder.Append('(').Append(ShortName(node.Kind));
                WriteChildren(builder, node, depth, indented, leadingSpace: true);
                builder.Append(')');
                return;
        }
    }

    private static void WriteChildren(StringBuilder builder, SyntaxNode node, int depth, bool indented, bool leadingSpace = false)
    {
        var first = true;
        for (var i = 0; i < node.ChildCount; i++)
        {
            var child = node.GetChild(i);
            if (child is null || IsOmitted(child))
            {
                continue;
            }

            if (indented && IsBlock(child))
            {
                builder.Append('\n').Append(' ', 2 * (depth + 1));
            }
            else if (!first || leadingSpace)
            {
                builder.Append(' ');
            }

            Write(builder, child, depth + 1, indented);
            first = false;
        }
    }

    /// <summary>In the indented form, nodes that print as more than a word start a new line.</summary>
    private static bool IsBlock(SyntaxElement element) => element switch
    {
        SyntaxToken or IdentifierName or LiteralExpression or MissingExpression => false,
        NameReference { Name: IdentifierName } => false,
        _ => true,
    };

    private static bool IsOmitted(SyntaxElement element) => element switch
    {
        SyntaxToken { IsMissing: true } => false,
        SyntaxToken { Parent: BinaryExpression } => false,
        SyntaxToken token => token.Kind is SyntaxKind.OpenParen or SyntaxKind.CloseParen or SyntaxKind.OpenBracket
            or SyntaxKind.CloseBracket or SyntaxKind.OpenBrace or SyntaxKind.CloseBrace or SyntaxKind.Comma
            or SyntaxKind.Semicolon or SyntaxKind.Bar or SyntaxKind.Colon or SyntaxKind.Dot or SyntaxKind.DotDot
            or SyntaxKind.EndOfFile,
        SyntaxNode { Kind: SyntaxKind.List or SyntaxKind.SeparatedList, ChildCount: 0 } => true,
        _ => false,
    };

    private static string ShortName(SyntaxKind kind)
    {
        var name = kind.ToString();
        foreach (var suffix in (ReadOnlySpan<string>)["Expression", "Operator", "Statement"])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
