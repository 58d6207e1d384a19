using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Vigil.Storage.Format;

namespace Vigil.Storage.Extents;

/// <summary>
/// Encodes a run of 64-bit integers as the smallest of: a constant; frame of reference (value - min, bit-packed);
/// delta frame of reference (first value, then consecutive differences - min difference, bit-packed), which suits
/// near-sorted timestamps. Arithmetic wraps, so every long round-trips whatever the spread.
/// </summary>
internal static class IntegerCodec
{
    private const byte Constant = 0;
    private const byte FrameOfReference = 1;
    private const byte DeltaFrameOfReference = 2;

    public static void Encode(ReadOnlySpan<long> values, Stream output)
    {
        var n = values.Length;
        if (n == 0)
        {
            output.U8(Constant);
            output.I64(0);
            return;
        }

        long min = values[0], max = values[0];
        foreach (var v in values)
        {
            if (v < min)
            {
                min = v;
            }

            if (v > max)
            {
                max = v;
            }
        }

        if (min == max)
        {
            output.U8(Constant);
            output.I64(min);
            return;
        }

        var forWidth = BitPacking.WidthOf(unchecked((ulong)(max - min)));
        var deltaWidth = 64;
        long minDelta = 0;
        if (n > 2)
        {
            minDelta = long.MaxValue;
            var maxDelta = long.MinValue;
            for (var i = 1; i < n; i++)
            {
                var d = unchecked(values[i] - values[i - 1]);
                minDelta = Math.Min(minDelta, d);
                maxDelta = Math.Max(maxDelta, d);
            }

            deltaWidth = BitPacking.WidthOf(unchecked((ulong)(maxDelta - minDelta)));
        }

        var scratch = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            int width;
            int count;
            if (deltaWidth < forWidth)
            {
                output.U8(DeltaFrameOfReference);
                output.I64(values[0]);
                output.I64(minDelta);
                for (var i = 1; i < n; i++)
                {
                    scratch[i - 1] = unchecked((ulong)(values[i] - values[i - 1] - minDelta));
                }

                width = deltaWidth;
                count = n - 1;
            }
            else
            {
                output.U8(FrameOfReference);
                output.I64(min);
                for (var i = 0; i < n; i++)
                {
                    scratch[i] = unchecked((ulong)(values[i] - min));
                }

                width = forWidth;
                count = n;
            }

            output.U8((byte)width);
            var bytes = BitPacking.PackedBytes(count, width);
            var packed = ArrayPool<byte>.Shared.Rent(Math.Max(bytes, 1));
            try
            {
                BitPacking.Pack(scratch.AsSpan(0, count), width, packed);
                output.Write(packed, 0, bytes);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(packed);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }

    /// <summary>Decodes <paramref name="destination"/>.Length values; returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<long> destination, string path)
    {
        var cursor = new BinaryCursor(source, path);
        var kind = cursor.U8();
        var n = destination.Length;
        switch (kind)
        {
            case Constant:
                destination.Fill(cursor.I64());
                return cursor.Position;
            case FrameOfReference:
                {
                    var min = cursor.I64();
                    var width = Width(cursor.U8(), path);
                    var packed = cursor.Bytes(BitPacking.PackedBytes(n, width));
                    var raw = MemoryMarshal.Cast<long, ulong>(destination);
                    BitPacking.Unpack(packed, width, raw);
                    for (var i = 0; i < raw.Length; i++)
                    {
                        destination[i] = unchecked((long)raw[i] + min);
                    }

                    return cursor.Position;
                }

            case DeltaFrameOfReference:
                {
                    var first = cursor.I64();
                    var minDelta = cursor.I64();
                    var width = Width(cursor.U8(), path);
                    var packed = cursor.Bytes(BitPacking.PackedBytes(n - 1, width));
                    var raw = MemoryMarshal.Cast<long, ulong>(destination[1..]);
                    BitPacking.Unpack(packed, width, raw);
                    destination[0] = first;
                    var previous = first;
                    for (var i = 1; i < n; i++)
                    {
                        previous = unchecked(previous + (long)raw[i - 1] + minDelta);
                        destination[i] = previous;
                    }

                    return cursor.Position;
                }

            default:
                return ThrowHelper.Corrupt<int>(path, $"unknown integer encoding {kind}");
        }
    }

    private static int Width(byte width, string path) =>
        width <= 64 ? width : ThrowHelper.Corrupt<int>(path, $"bit width {width} out of range");

    public static void WriteLong(Span<byte> destination, long value) => BinaryPrimitives.WriteInt64LittleEndian(destination, value);
}
