using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Vigil.Storage.Format;

/// <summary>
/// CRC-32C (Castagnoli) through <see cref="BitOperations.Crc32C(uint, ulong)"/>, which uses the SSE4.2 / ARMv8
/// instruction where present. Standard framing: initial value and final xor 0xFFFFFFFF.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(0xFFFFFFFFu, data);

    /// <summary>Continues a running (non-finalized) CRC.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var longs = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var value in longs)
        {
            crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value));
        }

        for (var i = longs.Length * 8; i < data.Length; i++)
        {
            crc = BitOperations.Crc32C(crc, data[i]);
        }

        return crc;
    }
}
