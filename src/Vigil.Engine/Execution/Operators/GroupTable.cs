using System.Numerics;
using System.Runtime.CompilerServices;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// A hash table from encoded keys (a fixed number of 64-bit parts, <see cref="GroupKeyEncoder"/>) to dense group
/// numbers 0, 1, 2... in order of first appearance. Keys live in one flat array and the slots are open-addressed,
/// so adding a group allocates nothing per key (a dictionary of <c>long[]</c> keys costs an object and a comparer
/// call per row, which dominates high-cardinality summarize and join builds).
/// </summary>
internal sealed class GroupTable
{
    private readonly int _width;
    private long[] _keys;
    private int[] _hashes;
    private int[] _slots;
    private int _mask;

    public GroupTable(int width, int capacity = 16)
    {
        _width = Math.Max(width, 1);
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity * 2, 16));
        _slots = new int[slots];
        _mask = slots - 1;
        _keys = new long[capacity * _width];
        _hashes = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Bytes held by the table (for the query's memory budget).</summary>
    public long Bytes => ((long)_keys.Length * sizeof(long)) + ((long)_hashes.Length * sizeof(int)) + ((long)_slots.Length * sizeof(int));

    /// <summary>The key parts of group <paramref name="group"/>.</summary>
    public ReadOnlySpan<long> KeyOf(int group) => _keys.AsSpan(group * _width, _width);

    /// <summary>The group of <paramref name="key"/>, added as the next group number when new.</summary>
    public int FindOrAdd(ReadOnlySpan<long> key, out bool added)
    {
        var hash = Hash(key);
        var slot = hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            var group = entry - 1;
            if (_hashes[group] == hash && key.SequenceEqual(_keys.AsSpan(group * _width, _width)))
            {
                added = false;
                return group;
            }

            slot = (slot + 1) & _mask;
        }

        added = true;
        var id = Count;
        if ((id + 1) * _width > _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _hashes, _hashes.Length * 2);
        }

        key.CopyTo(_keys.AsSpan(id * _width, _width));
        _hashes[id] = hash;
        _slots[slot] = id + 1;
        Count = id + 1;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    /// <summary>The group of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<long> key)
    {
        var hash = Hash(key);
        var slot = hash & _mask;
        while (_slots[slot] is var entry && entry != 0)
        {
            var group = entry - 1;
            if (_hashes[group] == hash && key.SequenceEqual(_keys.AsSpan(group * _width, _width)))
            {
                return group;
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var group = 0; group < Count; group++)
        {
            var slot = _hashes[group] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = group + 1;
        }

        _slots = slots;
        _mask = mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<long> key)
    {
        // A multiply-xorshift mix per part: sequential integers (ids, codes) spread over all slots.
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var part in key)
        {
            h = (h ^ (ulong)part) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
        }

        return (int)(h ^ (h >> 32)) & int.MaxValue;
    }
}
