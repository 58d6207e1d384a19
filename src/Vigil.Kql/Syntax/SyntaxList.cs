using System.Collections;

namespace Vigil.Kql.Syntax;

/// <summary>A list of elements of one type (tokens or nodes). Its children are its elements.</summary>
public sealed class SyntaxList<T> : SyntaxNode, IReadOnlyList<T>
    where T : SyntaxElement
{
    internal SyntaxList(T[] elements, int emptyStart)
        : base(SyntaxKind.List, elements, emptyStart)
    {
        Elements = elements;
    }

    private T[] Elements { get; }

    public int Count => Elements.Length;

    public T this[int index] => Elements[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A comma- (or semicolon-) separated list. Children alternate element, separator, element...; a trailing separator
/// is allowed. <see cref="Count"/> and the indexer see the elements only; <see cref="GetSeparator"/> the separators.
/// </summary>
public sealed class SeparatedSyntaxList<T> : SyntaxNode, IReadOnlyList<T>
    where T : SyntaxElement
{
    private readonly T[] _elements;
    private readonly SyntaxToken[] _separators;

    internal SeparatedSyntaxList(T[] elements, SyntaxToken[] separators, int emptyStart)
        : base(SyntaxKind.SeparatedList, Interleave(elements, separators), emptyStart)
    {
        _elements = elements;
        _separators = separators;
    }

    public int Count => _elements.Length;

    public T this[int index] => _elements[index];

    public int SeparatorCount => _separators.Length;

    /// <summary>The separator after element <paramref name="index"/>.</summary>
    public SyntaxToken GetSeparator(int index) => _separators[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static SyntaxElement?[] Interleave(T[] elements, SyntaxToken[] separators)
    {
        if (separators.Length != elements.Length && separators.Length != elements.Length - 1 &&
            !(elements.Length == 0 && separators.Length == 0))
        {
            throw new ArgumentException("A separated list has one separator between elements and at most one after the last.");
        }

        var slots = new SyntaxElement?[elements.Length + separators.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            slots[2 * i] = elements[i];
            if (i < separators.Length)
            {
                slots[(2 * i) + 1] = separators[i];
            }
        }

        return slots;
    }
}
