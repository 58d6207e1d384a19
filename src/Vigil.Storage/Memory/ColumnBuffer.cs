using System.Runtime.CompilerServices;
using System.Text;

namespace Vigil.Storage.Memory;

/// <summary>
/// A growable, typed column of values with a null bitmap: the in-memory form of rows between ingestion and an
/// extent (WAL records, the per-table write buffer, merge input). Int, long, datetime, timespan and bool are held
/// as <see cref="long"/>; strings and dynamic as UTF-8 bytes plus offsets, so buffering allocates no string per row.
/// </summary>
/// <remarks>
/// Wide tables are mostly absent columns, so a buffer whose rows are all null (or, for text, all empty strings) holds
/// no arrays at all, only a count (<see cref="Uniform"/>); it materializes on the first other value, or when a bulk
/// span is asked for. Copying, logging and encoding such a column then costs nothing per row.
/// </remarks>
internal sealed class ColumnBuffer
{
    private long[] _longs = [];
    private double[] _doubles = [];
    private decimal[] _decimals = [];
    private Guid[] _guids = [];
    private byte[] _utf8 = [];
    private int _utf8Length;
    private int[] _offsets = [0];
    private ulong[] _nulls = [];
    private int _nullCount;
    private UniformKind _uniform = UniformKind.NoRows;

    public ColumnBuffer(ColumnType type)
    {
        Type = type;
    }

    public ColumnType Type { get; }

    public int Count { get; private set; }

    public int NullCount => _nullCount;

    /// <summary>Approximate bytes held, for flush thresholds.</summary>
    public long EstimatedBytes => _uniform == UniformKind.None ? ((long)Count * 9) + _utf8Length : Count / 8;

    /// <summary>Bytes of the arrays held (what keeping this buffer for reuse costs).</summary>
    public long CapacityBytes =>
        ((long)_longs.Length * 8) + ((long)_doubles.Length * 8) + ((long)_decimals.Length * 16) + ((long)_guids.Length * 16)
        + _utf8.Length + ((long)_offsets.Length * 4) + ((long)_nulls.Length * 8);

    /// <summary>
    /// Whether every row is null (<see cref="UniformKind.AllNull"/>) or an empty string
    /// (<see cref="UniformKind.AllEmpty"/>) with nothing stored, or <see cref="UniformKind.None"/> when values are held.
    /// </summary>
    public UniformKind Uniform => _uniform;

    public ReadOnlySpan<long> Longs => Materialized()._longs.AsSpan(0, ColumnTypeFacts.IsInt64Like(Type) || Type == ColumnType.Bool ? Count : 0);

    public ReadOnlySpan<double> Doubles => Materialized()._doubles.AsSpan(0, Type == ColumnType.Real ? Count : 0);

    public ReadOnlySpan<decimal> Decimals => Materialized()._decimals.AsSpan(0, Type == ColumnType.Decimal ? Count : 0);

    public ReadOnlySpan<Guid> Guids => Materialized()._guids.AsSpan(0, Type == ColumnType.Guid ? Count : 0);

    public ReadOnlySpan<int> Offsets => Materialized()._offsets.AsSpan(0, ColumnTypeFacts.IsText(Type) ? Count + 1 : 1);

    public ReadOnlySpan<byte> Utf8Data => _utf8.AsSpan(0, _utf8Length);

    public ReadOnlySpan<ulong> NullBitmap => Materialized()._nulls.AsSpan(0, (Count + 63) >> 6);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int row) => _nullCount != 0 && (_uniform == UniformKind.AllNull || (_nulls[row >> 6] & (1UL << row)) != 0);

    public long GetLong(int row) => _uniform == UniformKind.None ? _longs[row] : 0;

    public double GetDouble(int row) => _uniform == UniformKind.None ? _doubles[row] : 0;

    public decimal GetDecimal(int row) => _uniform == UniformKind.None ? _decimals[row] : 0;

    public Guid GetGuid(int row) => _uniform == UniformKind.None ? _guids[row] : default;

    public ReadOnlySpan<byte> GetUtf8(int row) => _uniform == UniformKind.None ? _utf8.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]) : [];

    public string GetString(int row) => Encoding.UTF8.GetString(GetUtf8(row));

    public void Clear()
    {
        if (_uniform == UniformKind.None)
        {
            Array.Clear(_nulls, 0, Math.Min(_nulls.Length, (Count + 63) >> 6));
        }

        Count = 0;
        _utf8Length = 0;
        _nullCount = 0;
        _uniform = UniformKind.NoRows;
    }

    /// <summary>Drops rows past <paramref name="newCount"/> (undoes a half-converted row).</summary>
    public void Truncate(int newCount)
    {
        if (_uniform != UniformKind.None)
        {
            if (newCount < Count)
            {
                Count = newCount;
                _nullCount = _uniform == UniformKind.AllNull ? newCount : 0;
            }

            return;
        }

        while (Count > newCount)
        {
            Count--;
            if (IsNull(Count))
            {
                _nulls[Count >> 6] &= ~(1UL << Count);
                _nullCount--;
            }
        }

        if (ColumnTypeFacts.IsText(Type))
        {
            _utf8Length = _offsets[Count];
        }
    }

    public void AppendNull()
    {
        if (_uniform is UniformKind.NoRows or UniformKind.AllNull || (_uniform == UniformKind.AllEmpty && Count == 0))
        {
            _uniform = UniformKind.AllNull;
            Count++;
            _nullCount++;
            return;
        }

        Materialize();
        var row = Count;
        AppendDefault();
        _nulls[row >> 6] |= 1UL << row;
        _nullCount++;
    }

    public void AppendLong(long value)
    {
        Materialize();
        EnsureRow();
        _longs[Count++] = value;
    }

    /// <summary>Appends <paramref name="n"/> copies of an integer-like value.</summary>
    public void AppendConstant(long value, int n)
    {
        Materialize();
        ReserveRows(Count + n);
        _longs.AsSpan(Count, n).Fill(value);
        Count += n;
    }

    public void AppendDouble(double value)
    {
        Materialize();
        EnsureRow();
        _doubles[Count++] = value;
    }

    public void AppendDecimal(decimal value)
    {
        Materialize();
        EnsureRow();
        _decimals[Count++] = value;
    }

    public void AppendGuid(Guid value)
    {
        Materialize();
        EnsureRow();
        _guids[Count++] = value;
    }

    public void AppendUtf8(ReadOnlySpan<byte> value)
    {
        value.CopyTo(ReserveUtf8(value.Length));
        CommitUtf8(value.Length);
    }

    public void AppendString(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var written = Encoding.UTF8.GetBytes(value, ReserveUtf8(max));
        CommitUtf8(written);
    }

    /// <summary>
    /// Space for the next string's bytes; finish with <see cref="CommitUtf8"/>. (A uniform buffer holds no bytes, so
    /// reserving does not materialize it: an empty string then keeps it uniform.)
    /// </summary>
    public Span<byte> ReserveUtf8(int maxBytes)
    {
        if (_utf8Length + maxBytes > _utf8.Length)
        {
            Array.Resize(ref _utf8, Math.Max(checked(_utf8Length + maxBytes), Math.Min(_utf8.Length * 2, Array.MaxLength)));
        }

        return _utf8.AsSpan(_utf8Length, maxBytes);
    }

    public void CommitUtf8(int length)
    {
        if (length == 0 && (_uniform is UniformKind.NoRows or UniformKind.AllEmpty || (_uniform == UniformKind.AllNull && Count == 0)))
        {
            _uniform = UniformKind.AllEmpty;
            Count++;
            return;
        }

        Materialize();
        EnsureRow();
        _utf8Length += length;
        _offsets[++Count] = _utf8Length;
    }

    /// <summary>Appends row <paramref name="row"/> of <paramref name="source"/> (same type).</summary>
    public void AppendFrom(ColumnBuffer source, int row)
    {
        if (source.IsNull(row))
        {
            AppendNull();
            return;
        }

        switch (Type)
        {
            case ColumnType.Real: AppendDouble(source._doubles[row]); break;
            case ColumnType.Decimal: AppendDecimal(source._decimals[row]); break;
            case ColumnType.Guid: AppendGuid(source._guids[row]); break;
            case ColumnType.String or ColumnType.Dynamic: AppendUtf8(source.GetUtf8(row)); break;
            default: AppendLong(source._longs[row]); break;
        }
    }

    /// <summary>Appends every row of <paramref name="source"/> (same type) with bulk copies.</summary>
    public void AppendAll(ColumnBuffer source)
    {
        var n = source.Count;
        if (n == 0)
        {
            return;
        }

        var kind = source.Uniform;
        if (kind != UniformKind.None)
        {
            AppendRepeated(kind, n);
            return;
        }

        Materialize();
        var start = Count;
        var total = start + n;
        if ((total + 63) >> 6 > _nulls.Length)
        {
            Array.Resize(ref _nulls, Math.Max((total + 63) >> 6, _nulls.Length * 2));
        }

        switch (Type)
        {
            case ColumnType.Real:
                Grow(ref _doubles, total);
                source.Doubles.CopyTo(_doubles.AsSpan(start));
                break;
            case ColumnType.Decimal:
                Grow(ref _decimals, total);
                source.Decimals.CopyTo(_decimals.AsSpan(start));
                break;
            case ColumnType.Guid:
                Grow(ref _guids, total);
                source.Guids.CopyTo(_guids.AsSpan(start));
                break;
            case ColumnType.String or ColumnType.Dynamic:
                Grow(ref _offsets, total + 1);
                var bytes = source._utf8Length;
                if (_utf8Length + bytes > _utf8.Length)
                {
                    Array.Resize(ref _utf8, Math.Max(checked(_utf8Length + bytes), Math.Min(_utf8.Length * 2, Array.MaxLength)));
                }

                source.Utf8Data.CopyTo(_utf8.AsSpan(_utf8Length));
                var sourceOffsets = source._offsets;
                for (var i = 1; i <= n; i++)
                {
                    _offsets[start + i] = _utf8Length + sourceOffsets[i];
                }

                _utf8Length += bytes;
                break;
            default:
                Grow(ref _longs, total);
                source.Longs.CopyTo(_longs.AsSpan(start));
                break;
        }

        Count = total;
        if (source._nullCount > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (source.IsNull(i))
                {
                    _nulls[(start + i) >> 6] |= 1UL << (start + i);
                    _nullCount++;
                }
            }
        }
    }

    /// <summary>
    /// Makes room for <paramref name="rows"/> rows and <paramref name="utf8Bytes"/> bytes of text at once, so a buffer
    /// that is filled batch by batch up to a known size does not grow (and copy) step by step.
    /// </summary>
    public void EnsureCapacity(int rows, long utf8Bytes)
    {
        Materialize();
        ReserveRows(rows);
        if (ColumnTypeFacts.IsText(Type) && utf8Bytes > _utf8.Length)
        {
            Array.Resize(ref _utf8, (int)Math.Min(utf8Bytes, Array.MaxLength));
        }
    }

    /// <summary>
    /// Like <see cref="EnsureCapacity"/>, but an empty buffer stays uniform (arrays are only made ready): for a buffer
    /// that will likely be filled like the last one of its column.
    /// </summary>
    public void Reserve(int rows, long utf8Bytes)
    {
        ReserveRows(rows);
        if (ColumnTypeFacts.IsText(Type) && utf8Bytes > _utf8.Length)
        {
            Array.Resize(ref _utf8, (int)Math.Min(utf8Bytes, Array.MaxLength));
        }
    }

    /// <summary>Appends <paramref name="n"/> nulls (or empty strings), staying uniform when this buffer is.</summary>
    public void AppendRepeated(UniformKind kind, int n)
    {
        if (n == 0)
        {
            return;
        }

        if (_uniform == UniformKind.NoRows || Count == 0 || _uniform == kind)
        {
            _uniform = kind;
            Count += n;
            _nullCount += kind == UniformKind.AllNull ? n : 0;
            return;
        }

        Materialize();
        ReserveRows(Count + n);
        FillRepeated(Count, n, kind == UniformKind.AllNull);
        Count += n;
        _nullCount += kind == UniformKind.AllNull ? n : 0;
    }

    /// <summary>Turns a uniform buffer into explicit arrays (zero values, null bits, empty strings).</summary>
    private void Materialize()
    {
        if (_uniform == UniformKind.None)
        {
            return;
        }

        var allNull = _uniform == UniformKind.AllNull;
        var count = Count;
        _uniform = UniformKind.None;
        if (count > 0)
        {
            ReserveRows(count);
            FillRepeated(0, count, allNull);
        }
    }

    private ColumnBuffer Materialized()
    {
        Materialize();
        return this;
    }

    /// <summary>Capacity for <paramref name="rows"/> rows in the typed array and the null bitmap.</summary>
    private void ReserveRows(int rows)
    {
        if ((rows + 63) >> 6 > _nulls.Length)
        {
            Array.Resize(ref _nulls, Math.Max((rows + 63) >> 6, _nulls.Length * 2));
        }

        switch (Type)
        {
            case ColumnType.Real: Grow(ref _doubles, rows); break;
            case ColumnType.Decimal: Grow(ref _decimals, rows); break;
            case ColumnType.Guid: Grow(ref _guids, rows); break;
            case ColumnType.String or ColumnType.Dynamic: Grow(ref _offsets, rows + 1); break;
            default: Grow(ref _longs, rows); break;
        }
    }

    /// <summary>Writes default values (and null bits when <paramref name="nulls"/>) into rows [start, start + n); the caller counts the nulls.</summary>
    private void FillRepeated(int start, int n, bool nulls)
    {
        switch (Type)
        {
            case ColumnType.Real: _doubles.AsSpan(start, n).Clear(); break;
            case ColumnType.Decimal: _decimals.AsSpan(start, n).Clear(); break;
            case ColumnType.Guid: _guids.AsSpan(start, n).Clear(); break;
            case ColumnType.String or ColumnType.Dynamic: _offsets.AsSpan(start + 1, n).Fill(_offsets[start]); break;
            default: _longs.AsSpan(start, n).Clear(); break;
        }

        if (nulls)
        {
            for (var i = start; i < start + n; i++)
            {
                _nulls[i >> 6] |= 1UL << i;
            }

        }
    }

    /// <summary>Appends the default (zero / empty) value, not null.</summary>
    public void AppendDefault()
    {
        switch (Type)
        {
            case ColumnType.Real: AppendDouble(0); break;
            case ColumnType.Decimal: AppendDecimal(0); break;
            case ColumnType.Guid: AppendGuid(default); break;
            case ColumnType.String or ColumnType.Dynamic: AppendUtf8([]); break;
            default: AppendLong(0); break;
        }
    }

    private void EnsureRow()
    {
        var needed = Count + 1;
        if ((needed + 63) >> 6 > _nulls.Length)
        {
            Array.Resize(ref _nulls, Math.Max(4, _nulls.Length * 2));
        }

        switch (Type)
        {
            case ColumnType.Real:
                Grow(ref _doubles, needed);
                break;
            case ColumnType.Decimal:
                Grow(ref _decimals, needed);
                break;
            case ColumnType.Guid:
                Grow(ref _guids, needed);
                break;
            case ColumnType.String or ColumnType.Dynamic:
                Grow(ref _offsets, needed + 1);
                break;
            default:
                Grow(ref _longs, needed);
                break;
        }
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        if (needed > array.Length)
        {
            Array.Resize(ref array, Math.Max(needed, Math.Max(16, array.Length * 2)));
        }
    }
}
