using System.Buffers;
using System.Runtime.CompilerServices;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Storage;

namespace Vigil.Engine.Execution.Vectors;

/// <summary>
/// A typed column of values with a null bitmap (bit set = null): the unit operators exchange inside a
/// <see cref="Batch"/>, and (grown with the <c>Append</c> methods) the buffer sinks and results keep rows in.
/// Exactly one value array is used, chosen by <see cref="Kind"/>. String vectors are either plain
/// (<see cref="Strings"/>) or dictionary-encoded (<see cref="Codes"/> into <see cref="Dictionary"/>, as storage
/// decodes them), so string predicates can be evaluated once per distinct value. Arrays come from
/// <see cref="ArrayPool{T}"/> and go back on <see cref="Dispose"/>.
/// </summary>
internal sealed partial class ColumnVector : IDisposable
{
    public long[] Int64 = [];
    public double[] Real = [];
    public bool[] Bool = [];
    public decimal[] Decimal = [];
    public Guid[] Guid = [];
    public string[] Strings = [];
    public DynamicValue[] Dynamic = [];
    public int[] Codes = [];
    public ulong[] Nulls = [];

    public ColumnVector(ScalarType type, int capacity)
    {
        Type = PhysicalKinds.Normalize(type);
        Kind = PhysicalKinds.Of(Type);
        EnsureCapacity(Math.Max(capacity, 1));
    }

    public ScalarType Type { get; }

    public PhysicalKind Kind { get; }

    /// <summary>Rows held.</summary>
    public int Count { get; set; }

    public int Capacity { get; private set; }

    /// <summary>Whether any bit of <see cref="Nulls"/> may be set (false means no row is null).</summary>
    public bool HasNulls { get; set; }

    /// <summary>For dictionary-encoded strings: the distinct values <see cref="Codes"/> index.</summary>
    public StringDictionary? Dictionary { get; private set; }

    public bool IsDictionaryEncoded => Dictionary is not null;

    /// <summary>Set by the evaluator when every row holds the same constant (kernels may read row 0 only).</summary>
    public bool IsConstant { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int row) => HasNulls && (Nulls[row >> 6] & (1UL << row)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetNull(int row)
    {
        Nulls[row >> 6] |= 1UL << row;
        HasNulls = true;
    }

    /// <summary>A string row (strings have no null in KQL: a null string reads as empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string GetString(int row) => Dictionary is { } d ? (IsNull(row) ? string.Empty : d[Codes[row]]) : Strings[row] ?? string.Empty;

    /// <summary>Starts a new fill of <paramref name="count"/> rows: no nulls, plain (not dictionary) strings.</summary>
    public void Reset(int count)
    {
        EnsureCapacity(count);
        Count = count;
        Dictionary = null;
        IsConstant = false;
        if (HasNulls)
        {
            Nulls.AsSpan(0, Words(Capacity)).Clear();
            HasNulls = false;
        }
    }

    /// <summary>Makes this vector dictionary-encoded over <paramref name="dictionary"/> (codes to be filled).</summary>
    public void UseDictionary(StringDictionary dictionary)
    {
        Dictionary = dictionary;
        Rent(ref Codes, Capacity, Count);
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity <= Capacity)
        {
            return;
        }

        var newCapacity = Math.Max(capacity, Capacity * 2);
        switch (Kind)
        {
            case PhysicalKind.Bool: Rent(ref Bool, newCapacity, Count); break;
            case PhysicalKind.Int64: Rent(ref Int64, newCapacity, Count); break;
            case PhysicalKind.Real: Rent(ref Real, newCapacity, Count); break;
            case PhysicalKind.Decimal: Rent(ref Decimal, newCapacity, Count); break;
            case PhysicalKind.Guid: Rent(ref Guid, newCapacity, Count); break;
            case PhysicalKind.String:
                Rent(ref Strings, newCapacity, Count);
                if (Dictionary is not null)
                {
                    Rent(ref Codes, newCapacity, Count);
                }

                break;
            default: Rent(ref Dynamic, newCapacity, Count); break;
        }

        var words = Words(newCapacity);
        var nulls = ArrayPool<ulong>.Shared.Rent(words);
        nulls.AsSpan().Clear();
        Nulls.AsSpan(0, Math.Min(Nulls.Length, words)).CopyTo(nulls);
        Return(ref Nulls);
        Nulls = nulls;
        Capacity = newCapacity;
    }

    public static int Words(int rows) => (rows + 63) >> 6;

    public void Dispose()
    {
        Return(ref Int64);
        Return(ref Real);
        Return(ref Bool);
        Return(ref Decimal);
        Return(ref Guid);
        Return(ref Strings, clear: true);
        Return(ref Dynamic, clear: true);
        Return(ref Codes);
        Return(ref Nulls);
        Capacity = 0;
        Count = 0;
        Dictionary = null;
    }

    private static void Rent<T>(ref T[] array, int length, int keep)
    {
        var fresh = ArrayPool<T>.Shared.Rent(length);
        array.AsSpan(0, Math.Min(keep, array.Length)).CopyTo(fresh);
        Return(ref array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        array = fresh;
    }

    private static void Return<T>(ref T[] array, bool clear = false)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clear);
        }

        array = [];
    }
}
