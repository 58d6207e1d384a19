using System.Text;

namespace Vigil.Kql.Syntax;

/// <summary>
/// A compact S-expression view of a tree for tests and debugging: <c>(Kind child ...)</c> with the kind's
/// Expression/Operator suffix dropped, names and literals as their text, brackets, commas and other punctuation
/// omitted (operators kept), empty lists and absent parts omitted, lists as <c>[...]</c>, missing tokens as
/// <c>&lt;missing&gt;</c>.
/// </summary>
public static class SyntaxDumper
{
    public static string Dump(SyntaxElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var builder = new StringBuilder();
        Write(builder, element, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, SyntaxElement element, int depth)
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
                Write(builder, name.Identifier, depth + 1);
                return;
            case NameReference { Name: IdentifierName identifier }:
                Write(builder, identifier.Identifier, depth + 1);
                return;
            case LiteralExpression literal:
                builder.Append(literal.Token.Text);
                return;
            case MissingExpression:
                builder.Append("<missing>");
                return;
            case SyntaxNode node when node.Kind is SyntaxKind.List or SyntaxKind.SeparatedList:
                builder.Append('[');
                WriteChildren(builder, node, depth);
                builder.Append(']');
                return;
            case SyntaxNode node:
                builder.Append('(').Append(ShortName(node.Kind));
                if (node.ChildCount > 0)
                {
                    builder.Append(' ');
                }

                WriteChildren(builder, node, depth);
                builder.Append(')');
                return;
        }
    }

    private static void WriteChildren(StringBuilder builder, SyntaxNode node, int depth)
    {
        var first = true;
        var length = builder.Length;
        for (var i = 0; i < node.ChildCount; i++)
        {
            var child = node.GetChild(i);
            if (child is null || IsOmitted(child))
            {
                continue;
            }

            if (!first)
            {
                builder.Append(' ');
            }

            Write(builder, child, depth + 1);
            first = false;
        }

        if (first && builder.Length == length && builder[^1] == ' ')
        {
            builder.Length--;
        }
    }

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
