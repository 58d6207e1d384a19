namespace Vigil.Engine.Values;

public sealed partial class DynamicValue
{
    /// <summary><c>x.key</c> and <c>x["key"]</c>: the property's value, or <see cref="Null"/> when this is not a bag or has no such key.</summary>
    public DynamicValue this[string key] => GetProperty(key);

    /// <summary><c>x[i]</c>: see <see cref="GetElement"/>.</summary>
    public DynamicValue this[long index] => GetElement(index);

    public DynamicValue GetProperty(ReadOnlySpan<char> key) =>
        Kind == DynamicKind.Bag && ((DynamicPropertyBag)_reference!).TryGetValue(key, out var value) ? value : Null;

    /// <summary>
    /// <c>x[i]</c>: the element at <paramref name="index"/>, counting from the end when negative (<c>x[-1]</c> is the
    /// last); <see cref="Null"/> when this is not an array or the index is out of range.
    /// </summary>
    public DynamicValue GetElement(long index)
    {
        if (Kind != DynamicKind.Array)
        {
            return Null;
        }

        var items = (DynamicValue[])_reference!;
        if (index < 0)
        {
            index += items.Length;
        }

        return (ulong)index < (ulong)items.Length ? items[index] : Null;
    }
}
