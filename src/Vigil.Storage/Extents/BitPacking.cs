using System.Buffers.Binary;
using System.Numerics;

namespace Vigil.Storage.Extents;

/// <summary>Packs unsigned values of a fixed bit width (0..64) into little-endian 64-bit words.</summary>
internal static class BitPacking
{
    public static int WidthOf(ulong max) => 64 - BitOperations.LeadingZeroCount(max);

    public static int PackedBytes(int count, int width) => checked((int)(((long)count * width + 63) / 64 * 8));

    public static void Pack(ReadOnlySpan<ulong> values, int width, Span<byte> destination)
    {
        if (width == 0)
        {
            return;
        }

        ulong acc = 0;
        var bits = 0;
        var o = 0;
        foreach (var v in values)
        {
            acc |= v << bits;
            var total = bits + width;
            if (total >= 64)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(destination[o..], acc);
                o += 8;
                // C# masks shift counts to 6 bits, so v >> 64 would be v: the bits == 0 case carries nothing.
                acc = bits == 0 ? 0 : v >> (64 - bits);
                bits = total - 64;
            }
            else
            {
                bits = total;
            }
        }

        if (bits > 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[o..], acc);
        }
    }

    public static void Unpack(ReadOnlySpan<byte> source, int width, Span<ulong> destination)
    {
        if (width == 0)
        {
            destination.Clear();
            return;
        }

        var mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        long bitIndex = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            var word = (int)(bitIndex >> 6);
            var offset = (int)(bitIndex & 63);
            var lo = BinaryPrimitives.ReadUInt64LittleEndian(source[(word * 8)..]) >> offset;
            if (offset + width > 64)
            {
                lo |= BinaryPrimitives.ReadUInt64LittleEndian(source[((word + 1) * 8)..]) << (64 - offset);
            }

            destination[i] = lo & mask;
            bitIndex += width;
        }
    }
}
