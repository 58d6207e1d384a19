using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Vigil.Storage;

/// <summary>
/// A decoded block of one column: typed values plus a null bitmap (bit set = null). A reusable buffer: pass the same
/// instance to successive reads; its arrays come from <see cref="ArrayPool{T}"/> and go back on <see cref="Dispose"/>.
/// Spans stay valid until the next read into this block.
/// </summary>
/// <remarks>
/// long, datetime (UTC ticks) and timespan (ticks) fill <see cref="Int64Values"/>; int fills
/// <see cref="Int32Values"/>; bool, real, decimal and guid their own spans; string and dynamic either
/// <see cref="DictionaryCodes"/> with <see cref="Dictionary"/>, or <see cref="Utf8Bytes"/> with
/// <see cref="Utf8Offsets"/> (Count + 1 entries). Null rows hold the default value (0, empty string).
/// </remarks>
public sealed class ColumnBlock : IDisposable
{
    internal long[] Longs = [];
    internal int[] Ints = [];
    internal bool[] Bools = [];
    internal double[] Doubles = [];
    internal decimal[] Decimals = [];
    internal Guid[] Guids = [];
    internal int[] Codes = [];
    internal byte[] Utf8 = [];
    internal int Utf8Length;
    internal int[] Offsets = [];
    internal ulong[] Nulls = [];
    internal byte[] Scratch = [];
    internal byte[] Scratch2 = [];

    /// <summary>The column type of the last read.</summary>
    public ColumnType Type { get; internal set; }

    /// <summary>Rows in the block.</summary>
    public int Count { get; internal set; }

    /// <summary>Whether any row is null.</summary>
    public bool HasNulls { get; internal set; }

    /// <summary>One bit per row, set for null; empty when <see cref="HasNulls"/> is false.</summary>
    public ReadOnlySpan<ulong> NullBitmap => HasNulls ? Nulls.AsSpan(0, (Count + 63) >> 6) : default;

    public ReadOnlySpan<long> Int64Values => Longs.AsSpan(0, Type is ColumnType.Long or ColumnType.DateTime or ColumnType.TimeSpan ? Count : 0);

    public ReadOnlySpan<int> Int32Values => Ints.AsSpan(0, Type == ColumnType.Int ? Count : 0);

    public ReadOnlySpan<bool> BoolValues => Bools.AsSpan(0, Type == ColumnType.Bool ? Count : 0);

    public ReadOnlySpan<double> RealValues => Doubles.AsSpan(0, Type == ColumnType.Real ? Count : 0);

    public ReadOnlySpan<decimal> DecimalValues => Decimals.AsSpan(0, Type == ColumnType.Decimal ? Count : 0);

    public ReadOnlySpan<Guid> GuidValues => Guids.AsSpan(0, Type == ColumnType.Guid ? Count : 0);

    /// <summary>The shared dictionary when the text column is dictionary-encoded, else null.</summary>
    public StringDictionary? Dictionary { get; internal set; }

    public bool IsDictionaryEncoded => Dictionary is not null;

    /// <summary>Per-row dictionary codes (null rows hold code 0; check the bitmap).</summary>
    public ReadOnlySpan<int> DictionaryCodes => Codes.AsSpan(0, Dictionary is null ? 0 : Count);

    /// <summary>Concatenated UTF-8 of a plain-encoded text block.</summary>
    public ReadOnlySpan<byte> Utf8Bytes => Utf8.AsSpan(0, Dictionary is null ? Utf8Length : 0);

    /// <summary>Row i spans <c>Utf8Bytes[Utf8Offsets[i]..Utf8Offsets[i + 1]]</c> in a plain-encoded text block.</summary>
    public ReadOnlySpan<int> Utf8Offsets => Offsets.AsSpan(0, Dictionary is null && IsText ? Count + 1 : 0);

    private bool IsText => Type is ColumnType.String or ColumnType.Dynamic;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int row) => HasNulls && (Nulls[row >> 6] & (1UL << row)) != 0;

    /// <summary>A text row's UTF-8 bytes, whatever the encoding (empty for null).</summary>
    public ReadOnlySpan<byte> GetUtf8(int row) =>
        Dictionary is not null ? Dictionary.GetUtf8(Codes[row]) : Utf8.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    /// <summary>A text row as a string (allocates for plain blocks; null for null rows).</summary>
    public string? GetString(int row) =>
        IsNull(row) ? null : Dictionary is not null ? Dictionary[Codes[row]] : Encoding.UTF8.GetString(GetUtf8(row));

    public void Dispose()
    {
        Return(ref Longs);
        Return(ref Ints);
        Return(ref Bools);
        Return(ref Doubles);
        Return(ref Decimals);
        Return(ref Guids);
        Return(ref Codes);
        Return(ref Utf8);
        Return(ref Offsets);
        Return(ref Nulls);
        Return(ref Scratch);
        Return(ref Scratch2);
        Count = 0;
        Dictionary = null;
    }

    internal static T[] Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Return(ref array);
            array = ArrayPool<T>.Shared.Rent(length);
        }

        return array;
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = [];
    }
}
