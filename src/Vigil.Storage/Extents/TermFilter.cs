using System.Numerics;
using System.Runtime.InteropServices;

namespace Vigil.Storage.Extents;

/// <summary>
/// A Bloom filter over the term hashes of one block of a string column (terms of at least
/// <see cref="KustoTermTokenizer.MinIndexedTermLength"/> characters). "No" is certain; "maybe" may be a false
/// positive (about 1% at 10 bits per term). Power-of-two size, <see cref="Probes"/> probes by double hashing.
/// </summary>
internal static class TermFilter
{
    public const int Probes = 6;
    private const int MaxBits = 1 << 20;

    public static int BitsFor(int distinctTerms)
    {
        var bits = (int)Math.Min(MaxBits, BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, distinctTerms * 10)));
        return bits;
    }

    public static void Add(Span<ulong> filter, ulong hash)
    {
        var mask = (uint)(filter.Length * 64 - 1);
        var h1 = (uint)hash;
        var h2 = (uint)(hash >> 32) | 1;
        for (var i = 0; i < Probes; i++)
        {
            var bit = (h1 + (uint)i * h2) & mask;
            filter[(int)(bit >> 6)] |= 1UL << (int)bit;
        }
    }

    public static bool MayContain(ReadOnlySpan<ulong> filter, ulong hash)
    {
        if (filter.IsEmpty)
        {
            return false;
        }

        var mask = (uint)(filter.Length * 64 - 1);
        var h1 = (uint)hash;
        var h2 = (uint)(hash >> 32) | 1;
        for (var i = 0; i < Probes; i++)
        {
            var bit = (h1 + (uint)i * h2) & mask;
            if ((filter[(int)(bit >> 6)] & (1UL << (int)bit)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    public static ReadOnlySpan<ulong> AsWords(ReadOnlySpan<byte> bytes) => MemoryMarshal.Cast<byte, ulong>(bytes);
}
