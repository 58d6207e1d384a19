namespace Vigil.Storage;

/// <summary>
/// Decoded per-block term filters (Bloom filters) of recently queried text columns, so that repeated <c>has</c>-style
/// lookups do not read, check and decompress the same chunks again. Least recently used entries are dropped past a
/// byte budget. Extents are immutable and never reuse an id, so an entry can never be stale, only unused.
/// </summary>
internal sealed class TermFilterCache
{
    private readonly long _capacityBytes;
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = [];
    private readonly object _lock = new();
    private long _bytes;

    public TermFilterCache(long capacityBytes)
    {
        _capacityBytes = capacityBytes;
    }

    /// <summary>Filters found in the cache, and filters that had to be read (for tests and diagnostics).</summary>
    public long Hits { get; private set; }

    public long Misses { get; private set; }

    /// <summary>Bytes of filters held; never more than the capacity.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The filter of a block, from the cache or else from <paramref name="read"/> (then kept, if it fits).</summary>
    public ulong[] GetOrRead<TState>(Guid extent, int column, int block, TState state, Func<TState, ulong[]> read)
    {
        var key = new Key(extent, column, block);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                Hits++;
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Filter;
            }

            Misses++;
        }

        // Read outside the lock: other lookups go on meanwhile (two threads may read the same filter once each).
        var filter = read(state);
        var size = ((long)filter.Length * 8) + 64;
        if (size > _capacityBytes)
        {
            return filter;
        }

        lock (_lock)
        {
            if (_entries.ContainsKey(key))
            {
                return filter;
            }

            while (_bytes + size > _capacityBytes && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Size;
            }

            _entries[key] = _recency.AddFirst(new Entry(key, filter, size));
            _bytes += size;
        }

        return filter;
    }

    private readonly record struct Key(Guid Extent, int Column, int Block);

    private sealed record Entry(Key Key, ulong[] Filter, long Size);
}
