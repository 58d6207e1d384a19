using Vigil.Kql.Diagnostics;

namespace Vigil.Kql.Syntax;

/// <summary>
/// A node: a fixed number of child slots (tokens, nodes, lists; optional parts are null when absent).
/// Derived classes expose the slots as typed properties; <see cref="SyntaxElement.ChildCount"/> and
/// <see cref="SyntaxElement.GetChild"/> walk them generically. Immutable once built; children get their parent
/// when the node is created.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private readonly SyntaxElement?[] _slots;
    private readonly int _fullStart;
    private readonly int _fullWidth;
    private int _textStart = -1;

    private protected SyntaxNode(SyntaxKind kind, SyntaxElement?[] slots, int emptyStart = 0, Diagnostic[]? diagnostics = null)
        : base(kind, diagnostics)
    {
        _slots = slots;
        var start = -1;
        var end = -1;
        var containsDiagnostics = OwnDiagnostics.Length > 0;
        for (var i = 0; i < slots.Length; i++)
        {
            var child = slots[i];
            if (child is null)
            {
                continue;
            }

            child.AttachTo(this, i);
            if (start < 0)
            {
                start = child.FullStart;
            }

            end = child.End;
            containsDiagnostics |= child.ContainsDiagnostics;
        }

        _fullStart = start < 0 ? emptyStart : start;
        _fullWidth = start < 0 ? 0 : end - start;
        ContainsDiagnostics = containsDiagnostics;
    }

    public override int FullStart => _fullStart;

    public override int FullWidth => _fullWidth;

    public override int TextStart
    {
        get
        {
            if (_textStart >= 0)
            {
                return _textStart;
            }

            // Walk down the first non-empty children without recursion (left-deep chains can be very deep), then
            // cache the answer on every node of that path: they all start where their first non-empty child does.
            var path = new List<SyntaxNode>();
            SyntaxNode node = this;
            int textStart;
            while (true)
            {
                path.Add(node);
                SyntaxElement? first = null;
                foreach (var slot in node._slots)
                {
                    if (slot is not null && slot.FullWidth > 0)
                    {
                        first = slot;
                        break;
                    }
                }

                if (first is null)
                {
                    textStart = node.End;
                    break;
                }

                if (first is SyntaxNode child)
                {
                    if (child._textStart >= 0)
                    {
                        textStart = child._textStart;
                        break;
                    }

                    node = child;
                    continue;
                }

                textStart = first.TextStart;
                break;
            }

            foreach (var visited in path)
            {
                visited._textStart = textStart;
            }

            return textStart;
        }
    }

    public override bool ContainsDiagnostics { get; }

    public override int ChildCount => _slots.Length;

    public override SyntaxElement? GetChild(int index) => _slots[index];

    /// <summary>The non-null children in order.</summary>
    public IEnumerable<SyntaxElement> GetChildren()
    {
        foreach (var slot in _slots)
        {
            if (slot is not null)
            {
                yield return slot;
            }
        }
    }

    private protected T Slot<T>(int index)
        where T : SyntaxElement => (T)_slots[index]!;

    private protected T? OptionalSlot<T>(int index)
        where T : SyntaxElement => (T?)_slots[index];
}
