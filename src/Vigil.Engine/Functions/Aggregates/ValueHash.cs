using System.Runtime.InteropServices;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// A stable 64-bit hash of a value for the distinct-count sketches: equal values hash equally in every process (hll()
/// results are stored and merged later), and the bits are well mixed so leading-zero counts are geometric.
/// </summary>
internal static class ValueHash
{
    /// <summary>The hash of <paramref name="row"/>; the caller skips nulls.</summary>
    public static ulong Of(ColumnVector vector, int row) => vector.Kind switch
    {
        PhysicalKind.Int64 => OfLong(vector.Int64[row]),
        PhysicalKind.Real => OfReal(vector.Real[row]),
        PhysicalKind.Bool => OfLong(vector.Bool[row] ? 1 : 0),
        PhysicalKind.Decimal => OfDecimal(vector.Decimal[row]),
        PhysicalKind.Guid => OfGuid(vector.Guid[row]),
        PhysicalKind.String => OfString(vector.GetString(row)),
        _ => OfString(Scalar.ConvertFunction.ToDynamic(vector, row).ToJsonString()),
    };

    public static ulong OfLong(long value) => Mix(unchecked((ulong)value + 0x9E3779B97F4A7C15UL));

    public static ulong OfReal(double value)
    {
        // -0 equals 0 and every NaN is the same value.
        var bits = value == 0 ? 0 : double.IsNaN(value) ? 0x7FF8000000000000L : BitConverter.DoubleToInt64Bits(value);
        return Mix(unchecked((ulong)bits ^ 0x2545F4914F6CDD1DUL));
    }

    public static ulong OfString(ReadOnlySpan<char> text)
    {
        var hash = unchecked(0xCBF29CE484222325UL ^ (ulong)text.Length);
        var words = MemoryMarshal.Cast<char, ulong>(text);
        foreach (var word in words)
        {
            hash = unchecked(Mix(hash ^ word) + 0x9E3779B97F4A7C15UL);
        }

        ulong tail = 0;
        for (var i = words.Length * 4; i < text.Length; i++)
        {
            tail = (tail << 16) | text[i];
        }

        return Mix(hash ^ tail ^ 0xD6E8FEB86659FD93UL);
    }

    private static ulong OfDecimal(decimal value) => OfString((value / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ulong OfGuid(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        return Mix(BitConverter.ToUInt64(bytes) ^ Mix(BitConverter.ToUInt64(bytes[8..]) + 0x5851F42D4C957F2DUL));
    }

    /// <summary>A bijective 64-bit finalizer (xor-shift-multiply rounds).</summary>
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return x;
        }
    }
}
