using System.Numerics;

namespace Vigil.Storage.Extents;

/// <summary>
/// A minimal open-addressing set of 64-bit hashes (term hashes per block): no per-entry objects and cheaper than
/// <see cref="HashSet{T}"/> on this hot path. Zero is remapped to one, and serves as the empty marker.
/// </summary>
internal sealed class HashSet64
{
    private ulong[] _slots = new ulong[1024];

    public int Count { get; private set; }

    public void Clear()
    {
        if (Count > 0)
        {
            // After a column with many terms, a big table would cost a full clear per block of every later column.
            if (_slots.Length > 1024 && Count * 16 < _slots.Length)
            {
                _slots = new ulong[Math.Max(1024, (int)BitOperations.RoundUpToPowerOf2((uint)Count * 4))];
            }
            else
            {
                Array.Clear(_slots);
            }

            Count = 0;
        }
    }

    public void Add(ulong value)
    {
        value = value == 0 ? 1 : value;
        var mask = _slots.Length - 1;
        var i = (int)(value >> 32) & mask;
        while (true)
        {
            var slot = _slots[i];
            if (slot == value)
            {
                return;
            }

            if (slot == 0)
            {
                _slots[i] = value;
                if (++Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>The table itself: the values, in no particular order, among zeros (empty slots).</summary>
    public ReadOnlySpan<ulong> Slots => _slots;

    /// <summary>The values, in no particular order.</summary>
    public IEnumerable<ulong> Values()
    {
        foreach (var slot in _slots)
        {
            if (slot != 0)
            {
                yield return slot;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[(int)BitOperations.RoundUpToPowerOf2((uint)old.Length * 2)];
        Count = 0;
        foreach (var v in old)
        {
            if (v != 0)
            {
                Add(v);
            }
        }
    }
}
