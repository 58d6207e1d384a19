using Vigil.Storage.Memory;

namespace Vigil.Storage.Extents;

/// <summary>
/// A growing dictionary of distinct UTF-8 values that owns a copy of each (code i is row i of <see cref="Values"/>):
/// the dictionary of an extent written block by block, where no whole column is at hand to point into.
/// </summary>
internal sealed class Utf8Dictionary
{
    private int[] _slots = new int[64];

    public Utf8Dictionary()
    {
        _slots.AsSpan().Fill(-1);
    }

    /// <summary>The distinct values; row i holds the value of code i.</summary>
    public ColumnBuffer Values { get; } = new(ColumnType.String);

    public int Count => Values.Count;

    /// <summary>The code of <paramref name="value"/>, added when new.</summary>
    public int Add(ReadOnlySpan<byte> value)
    {
        var mask = _slots.Length - 1;
        var i = Hash(value) & mask;
        while (true)
        {
            var code = _slots[i];
            if (code < 0)
            {
                code = Values.Count;
                Values.AppendUtf8(value);
                _slots[i] = code;
                if (Values.Count * 2 > _slots.Length)
                {
                    Rehash();
                }

                return code;
            }

            if (Values.GetUtf8(code).SequenceEqual(value))
            {
                return code;
            }

            i = (i + 1) & mask;
        }
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        _slots.AsSpan().Fill(-1);
        var mask = _slots.Length - 1;
        for (var code = 0; code < Values.Count; code++)
        {
            var i = Hash(Values.GetUtf8(code)) & mask;
            while (_slots[i] >= 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = code;
        }
    }

    private static int Hash(ReadOnlySpan<byte> value)
    {
        var h = new HashCode();
        h.AddBytes(value);
        return h.ToHashCode() & int.MaxValue;
    }
}
