using System.Runtime.InteropServices;

namespace Vigil.Engine.Execution.Operators;

/// <summary>Compares encoded keys (arrays of 64-bit parts from <see cref="GroupKeyEncoder"/>) by content.</summary>
internal sealed class KeyPartsComparer : IEqualityComparer<long[]>
{
    public static readonly KeyPartsComparer Instance = new();

    public bool Equals(long[]? x, long[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(long[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
