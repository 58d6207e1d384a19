namespace Vigil.Engine.Values;

/// <summary>
/// The property bag of a <see cref="DynamicValue"/>: unique, case-sensitive keys in insertion order (the order
/// Kusto prints them in). Immutable; build one with <see cref="Builder"/>. Small bags are searched linearly; larger
/// ones get a hash index on first lookup.
/// </summary>
public sealed class DynamicPropertyBag
{
    private const int IndexThreshold = 8;

    private readonly string[] _keys;
    private readonly DynamicValue[] _values;
    private Dictionary<string, int>? _index;

    private DynamicPropertyBag(string[] keys, DynamicValue[] values)
    {
        _keys = keys;
        _values = values;
    }

    public static DynamicPropertyBag Empty { get; } = new([], []);

    public int Count => _keys.Length;

    public ReadOnlySpan<string> Keys => _keys;

    public ReadOnlySpan<DynamicValue> Values => _values;

    /// <summary>The value of <paramref name="key"/>, or false when the bag has no such key.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out DynamicValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : DynamicValue.Null;
        return i >= 0;
    }

    /// <summary>The position of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> key)
    {
        if (_keys.Length <= IndexThreshold)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (key.SequenceEqual(_keys[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = _index ?? BuildIndex();
        return index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var position) ? position : -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            index[_keys[i]] = i;
        }

        // Racing builders produce equal dictionaries; publishing either is fine.
        _index = index;
        return index;
    }

    /// <summary>
    /// A bag of the given properties in order; a repeated key keeps its first position and its last value.
    /// </summary>
    internal static DynamicPropertyBag FromPairs(ReadOnlySpan<string> keys, ReadOnlySpan<DynamicValue> values)
    {
        if (keys.IsEmpty)
        {
            return Empty;
        }

        if (keys.Length <= IndexThreshold && !HasDuplicates(keys))
        {
            return new DynamicPropertyBag(keys.ToArray(), values.ToArray());
        }

        var builder = new Builder(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            builder.Set(keys[i], values[i]);
        }

        return builder.ToBag();
    }

    private static bool HasDuplicates(ReadOnlySpan<string> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(keys[i], keys[j], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Collects properties; setting a key again replaces its value and keeps its first position.</summary>
    public sealed class Builder
    {
        private readonly List<string> _keys;
        private readonly List<DynamicValue> _values;
        private Dictionary<string, int>? _positions;

        public Builder(int capacity = 4)
        {
            _keys = new List<string>(capacity);
            _values = new List<DynamicValue>(capacity);
        }

        public int Count => _keys.Count;

        /// <summary>Sets <paramref name="key"/>; a C# null value is stored as <see cref="DynamicValue.Null"/>.</summary>
        public Builder Set(string key, DynamicValue? value)
        {
            ArgumentNullException.ThrowIfNull(key);
            value ??= DynamicValue.Null;
            var position = Find(key);
            if (position >= 0)
            {
                _values[position] = value;
                return this;
            }

            _keys.Add(key);
            _values.Add(value);
            _positions?.Add(key, _keys.Count - 1);
            return this;
        }

        public DynamicPropertyBag ToBag() =>
            _keys.Count == 0 ? Empty : new DynamicPropertyBag([.. _keys], [.. _values]);

        private int Find(string key)
        {
            if (_positions is null && _keys.Count > IndexThreshold)
            {
                _positions = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < _keys.Count; i++)
                {
                    _positions[_keys[i]] = i;
                }
            }

            if (_positions is not null)
            {
                return _positions.TryGetValue(key, out var position) ? position : -1;
            }

            for (var i = 0; i < _keys.Count; i++)
            {
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
