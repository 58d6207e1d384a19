using System.Runtime.InteropServices;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Extents;

/// <summary>
/// Assigns dense codes to the distinct strings of a text column without materializing strings: an open-addressing
/// table of row numbers keyed by the rows' UTF-8 bytes. Gives up (returns false) past a distinct-value limit.
/// </summary>
internal sealed class Utf8Interner
{
    private readonly ColumnBuffer _source;
    private int[] _slots;
    private readonly List<int> _firstRows = [];

    public Utf8Interner(ColumnBuffer source, int expected)
    {
        _source = source;
        _slots = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expected * 2))];
        _slots.AsSpan().Fill(-1);
    }

    public int Count => _firstRows.Count;

    /// <summary>The row where each code first occurs (the code's value lives there).</summary>
    public ReadOnlySpan<int> FirstRows => CollectionsMarshal.AsSpan(_firstRows);

    /// <summary>Codes every row of the source; false if the distinct count exceeds <paramref name="limit"/>.</summary>
    public bool TryEncode(Span<int> codes, int limit)
    {
        for (var row = 0; row < codes.Length; row++)
        {
            var code = _source.IsNull(row) ? -1 : Intern(row);
            // Give up early on columns that are mostly distinct (command lines, ids): a sample decides.
            if (Count > limit || (row == 4095 && Count > 2048 && codes.Length > 8192))
            {
                return false;
            }

            codes[row] = code;
        }

        return true;
    }

    private int Intern(int row)
    {
        var value = _source.GetUtf8(row);
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        var i = hash & mask;
        while (true)
        {
            var code = _slots[i];
            if (code < 0)
            {
                code = _firstRows.Count;
                _firstRows.Add(row);
                _slots[i] = code;
                if (_firstRows.Count * 2 > _slots.Length)
                {
                    Rehash();
                }

                return code;
            }

            if (_source.GetUtf8(_firstRows[code]).SequenceEqual(value))
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
        for (var code = 0; code < _firstRows.Count; code++)
        {
            var i = Hash(_source.GetUtf8(_firstRows[code])) & mask;
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
