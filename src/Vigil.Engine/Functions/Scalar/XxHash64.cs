using System.Buffers.Binary;
using System.Numerics;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>The XXH64 hash (seed 0), which Kusto's <c>hash()</c> and <c>hash_xxhash64()</c> return.</summary>
internal static class XxHash64
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;

    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        var length = data.Length;
        ulong hash;
        var i = 0;
        if (length >= 32)
        {
            var v1 = seed + Prime1 + Prime2;
            var v2 = seed + Prime2;
            var v3 = seed;
            var v4 = seed - Prime1;
            for (; i + 32 <= length; i += 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 16)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 24)..]));
            }

            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            hash = Merge(hash, v1);
            hash = Merge(hash, v2);
            hash = Merge(hash, v3);
            hash = Merge(hash, v4);
        }
        else
        {
            hash = seed + Prime5;
        }

        hash += (ulong)length;
        for (; i + 8 <= length; i += 8)
        {
            hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            hash = (BitOperations.RotateLeft(hash, 27) * Prime1) + Prime4;
        }

        if (i + 4 <= length)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(data[i..]) * Prime1;
            hash = (BitOperations.RotateLeft(hash, 23) * Prime2) + Prime3;
            i += 4;
        }

        for (; i < length; i++)
        {
            hash ^= data[i] * Prime5;
            hash = BitOperations.RotateLeft(hash, 11) * Prime1;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }

    private static ulong Round(ulong accumulator, ulong input)
    {
        accumulator += input * Prime2;
        accumulator = BitOperations.RotateLeft(accumulator, 31);
        return accumulator * Prime1;
    }

    private static ulong Merge(ulong accumulator, ulong value)
    {
        accumulator ^= Round(0, value);
        return (accumulator * Prime1) + Prime4;
    }
}
