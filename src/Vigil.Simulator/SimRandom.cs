namespace Vigil.Simulator;

/// <summary>
/// The simulator's random source: SplitMix64, so that a seed gives the same numbers on every runtime and machine
/// (System.Random's seeded sequence is an implementation detail). Not for security.
/// </summary>
internal sealed class SimRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, max).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextULong() % (ulong)max);

    /// <summary>A number in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public long NextLong(long min, long max) => min + (long)(NextULong() % (ulong)Math.Max(1, max - min));

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextULong());
        BitConverter.TryWriteBytes(bytes[8..], NextULong());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, as real ids are
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary><paramref name="chars"/> lowercase hex digits.</summary>
    public string Hex(int chars)
    {
        const string digits = "0123456789abcdef";
        return string.Create(chars, this, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i += 16)
            {
                var bits = random.NextULong();
                for (var j = i; j < Math.Min(span.Length, i + 16); j++)
                {
                    span[j] = digits[(int)(bits & 0xF)];
                    bits >>= 4;
                }
            }
        });
    }

    /// <summary>An independent stream for one part of the world (a device's day, the mail of a day...).</summary>
    public static SimRandom For(ulong seed, string part, long index = 0) =>
        new(seed ^ Hash(part) ^ ((ulong)index * 0xD1B54A32D192ED03UL));

    /// <summary>FNV-1a: a stable hash of a text (string.GetHashCode changes per process).</summary>
    public static ulong Hash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }
}
