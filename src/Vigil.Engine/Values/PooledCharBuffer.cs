using System.Buffers;

namespace Vigil.Engine.Values;

/// <summary>A growable char buffer on <see cref="ArrayPool{T}"/>; dispose it to return the array.</summary>
internal struct PooledCharBuffer : IDisposable
{
    private char[] _array;
    private int _length;

    public PooledCharBuffer(int initialCapacity)
    {
        _array = ArrayPool<char>.Shared.Rent(initialCapacity);
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> WrittenSpan => _array.AsSpan(0, _length);

    public void Append(char value)
    {
        if (_length == _array.Length)
        {
            Grow(1);
        }

        _array[_length++] = value;
    }

    public void Append(ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _array.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_array.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>A span of at least <paramref name="size"/> free chars; follow with <see cref="Advance"/>.</summary>
    public Span<char> GetSpan(int size)
    {
        if (_length + size > _array.Length)
        {
            Grow(size);
        }

        return _array.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public override readonly string ToString() => new(_array, 0, _length);

    public void Dispose()
    {
        var array = _array;
        _array = [];
        if (array.Length > 0)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_array.Length * 2, _length + needed));
        _array.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_array);
        _array = larger;
    }
}
