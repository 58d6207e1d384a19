using Vigil.Storage.Format;

namespace Vigil.Storage.Catalog;

/// <summary>
/// The set of live extents and, per table, the last WAL sequence whose rows are in extents. Swapped atomically
/// (<c>manifest.vman</c>): an extent becomes visible, and WAL records become spent, in the same rename.
/// </summary>
internal sealed class Manifest
{
    public const string FileName = "manifest.vman";
    public const ulong Magic = 0x314E414D47495656UL; // "VVIGMAN1"
    public const ushort Version = 1;

    public Manifest(long generation, long lastSequence, IReadOnlyDictionary<string, long> flushedThrough, IReadOnlyList<(string Table, Guid Id)> extents)
    {
        Generation = generation;
        LastSequence = lastSequence;
        FlushedThrough = flushedThrough;
        Extents = extents;
    }

    public static Manifest Empty { get; } = new(0, 0, new Dictionary<string, long>(), []);

    public long Generation { get; }

    /// <summary>The highest WAL sequence ever folded into extents (sequences never repeat).</summary>
    public long LastSequence { get; }

    public IReadOnlyDictionary<string, long> FlushedThrough { get; }

    public IReadOnlyList<(string Table, Guid Id)> Extents { get; }

    public long FlushedThroughFor(string table) => FlushedThrough.TryGetValue(table, out var s) ? s : 0;

    public void Save(string directory)
    {
        using var payload = new MemoryStream();
        payload.I64(Generation);
        payload.I64(LastSequence);
        payload.I32(FlushedThrough.Count);
        foreach (var (table, sequence) in FlushedThrough.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            payload.String(table);
            payload.I64(sequence);
        }

        payload.I32(Extents.Count);
        foreach (var (table, id) in Extents)
        {
            payload.String(table);
            payload.Guid(id);
        }

        DurableFile.WriteAtomically(Path.Combine(directory, FileName), Envelope.Wrap(Magic, Version, payload.GetBuffer().AsSpan(0, (int)payload.Length)));
    }

    public static Manifest? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var payload = Envelope.Unwrap(path, File.ReadAllBytes(path), Magic, Version, Version, out _);
        var c = new BinaryCursor(payload.Span, path);
        var generation = c.I64();
        var last = c.I64();
        var flushed = new Dictionary<string, long>(StringComparer.Ordinal);
        var tableCount = c.Count(1_000_000);
        for (var i = 0; i < tableCount; i++)
        {
            flushed[c.String()] = c.I64();
        }

        var extentCount = c.Count(100_000_000);
        var extents = new List<(string, Guid)>(extentCount);
        for (var i = 0; i < extentCount; i++)
        {
            extents.Add((c.String(), c.Guid()));
        }

        return new Manifest(generation, last, flushed, extents);
    }
}
