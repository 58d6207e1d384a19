namespace Vigil.Simulator;

/// <summary>Where generated rows go: batches of JSON lines (one object per row) for one table at a time.</summary>
public interface IEventSink
{
    /// <summary>
    /// Takes <paramref name="rows"/> rows of <paramref name="table"/> as JSON lines. The memory is reused after the
    /// call returns: copy what must outlive it.
    /// </summary>
    void Write(string table, ReadOnlyMemory<byte> jsonLines, int rows);
}
