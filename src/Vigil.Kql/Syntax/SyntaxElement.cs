using System.Text;
using Vigil.Kql.Diagnostics;

namespace Vigil.Kql.Syntax;

/// <summary>
/// A token or a node of the immutable syntax tree. Every element knows its parent and its absolute position in the
/// query text: <see cref="FullStart"/>/<see cref="FullWidth"/> include the leading trivia (whitespace, comments,
/// skipped tokens), <see cref="TextStart"/>/<see cref="Width"/> exclude it. There is no trailing trivia, so
/// <see cref="End"/> is both the end of the text and of the full span.
/// </summary>
public abstract class SyntaxElement
{
    private protected static readonly Diagnostic[] NoDiagnostics = [];

    private protected SyntaxElement(SyntaxKind kind, Diagnostic[]? diagnostics)
    {
        Kind = kind;
        OwnDiagnostics = diagnostics is { Length: > 0 } ? diagnostics : NoDiagnostics;
    }

    public SyntaxKind Kind { get; }

    /// <summary>The node that holds this element; null for the root (and for skipped tokens).</summary>
    public SyntaxNode? Parent { get; private set; }

    /// <summary>The index of this element in <see cref="Parent"/>'s children (see <see cref="SyntaxNode.GetChild"/>).</summary>
    public int IndexInParent { get; private set; } = -1;

    /// <summary>Offset of the first character, leading trivia included.</summary>
    public abstract int FullStart { get; }

    /// <summary>Number of characters, leading trivia included.</summary>
    public abstract int FullWidth { get; }

    /// <summary>Offset of the first character of the first token's text (leading trivia excluded).</summary>
    public abstract int TextStart { get; }

    /// <summary>Offset just after the last character.</summary>
    public int End => FullStart + FullWidth;

    /// <summary>Number of characters, leading trivia excluded.</summary>
    public int Width => End - TextStart;

    /// <summary>Diagnostics reported on this element itself (not its descendants).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => OwnDiagnostics;

    private protected Diagnostic[] OwnDiagnostics { get; }

    /// <summary>True when this element or any descendant (or skipped token) has a diagnostic.</summary>
    public abstract bool ContainsDiagnostics { get; }

    /// <summary>Number of child slots; a slot may be empty (null) for an optional part that is absent.</summary>
    public abstract int ChildCount { get; }

    /// <summary>The child in slot <paramref name="index"/>, or null when that optional part is absent.</summary>
    public abstract SyntaxElement? GetChild(int index);

    /// <summary>The exact text this element was parsed from, leading trivia and skipped tokens included.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        WriteTo(builder, includeFirstTrivia: true);
        return builder.ToString();
    }

    /// <summary>The text of this element without the first token's leading trivia.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Width);
        WriteTo(builder, includeFirstTrivia: false);
        return builder.ToString();
    }

    /// <summary>Appends the text of every token (iteratively: deep trees do not overflow the stack).</summary>
    public void WriteTo(StringBuilder builder, bool includeFirstTrivia = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var first = true;
        foreach (var token in GetTokens())
        {
            token.WriteTokenTo(builder, includeTrivia: includeFirstTrivia || !first);
            first = false;
        }
    }

    /// <summary>Every token under this element (this element when it is a token), in text order, missing ones too.</summary>
    public IEnumerable<SyntaxToken> GetTokens()
    {
        foreach (var element in DescendantsAndSelf())
        {
            if (element is SyntaxToken token)
            {
                yield return token;
            }
        }
    }

    /// <summary>This element and all its descendants in text order (pre-order), walked without recursion.</summary>
    public IEnumerable<SyntaxElement> DescendantsAndSelf()
    {
        var stack = new Stack<(SyntaxElement Element, int Next)>();
        yield return this;
        if (ChildCount > 0)
        {
            stack.Push((this, 0));
        }

        while (stack.Count > 0)
        {
            var (element, next) = stack.Pop();
            if (next >= element.ChildCount)
            {
                continue;
            }

            stack.Push((element, next + 1));
            var child = element.GetChild(next);
            if (child is null)
            {
                continue;
            }

            yield return child;
            if (child.ChildCount > 0)
            {
                stack.Push((child, 0));
            }
        }
    }

    /// <summary>Every diagnostic in this subtree (skipped tokens' included), ordered by position.</summary>
    public IReadOnlyList<Diagnostic> GetContainedDiagnostics()
    {
        if (!ContainsDiagnostics)
        {
            return NoDiagnostics;
        }

        var list = new List<Diagnostic>();
        foreach (var element in DescendantsAndSelf())
        {
            if (!element.ContainsDiagnostics)
            {
                continue;
            }

            if (element is SyntaxToken token)
            {
                foreach (var skipped in token.SkippedTokens)
                {
                    list.AddRange(skipped.OwnDiagnostics);
                }
            }

            list.AddRange(element.OwnDiagnostics);
        }

        // Stable by position: diagnostics at the same offset keep the order the parser met them.
        var ordered = new Diagnostic[list.Count];
        var keys = new (int Start, int Index)[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            ordered[i] = list[i];
            keys[i] = (list[i].Start, i);
        }

        Array.Sort(keys, ordered);
        return ordered;
    }

    /// <summary>The first token in this subtree (this element when it is a token), or null for an empty list.</summary>
    public SyntaxToken? GetFirstToken()
    {
        foreach (var token in GetTokens())
        {
            return token;
        }

        return null;
    }

    /// <summary>The last token in this subtree, or null for an empty list.</summary>
    public SyntaxToken? GetLastToken()
    {
        SyntaxElement? element = this;
        while (element is not null and not SyntaxToken)
        {
            SyntaxElement? next = null;
            for (var i = element.ChildCount - 1; i >= 0; i--)
            {
                var child = element.GetChild(i);
                if (child is not null && (child.FullWidth > 0 || child is SyntaxToken || child.ChildCount > 0))
                {
                    next = child;
                    break;
                }
            }

            element = next;
        }

        return element as SyntaxToken;
    }

    /// <summary>The nearest ancestor (not this element) of type <typeparamref name="T"/>.</summary>
    public T? GetFirstAncestor<T>()
        where T : SyntaxNode
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            if (node is T match)
            {
                return match;
            }
        }

        return null;
    }

    internal void AttachTo(SyntaxNode parent, int index)
    {
        if (Parent is not null)
        {
            throw new InvalidOperationException($"A {Kind} element already has a parent; syntax elements are not shared.");
        }

        Parent = parent;
        IndexInParent = index;
    }
}
