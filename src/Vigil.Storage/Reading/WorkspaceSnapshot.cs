using Vigil.Storage.Extents;

namespace Vigil.Storage;

/// <summary>
/// A consistent view of the workspace: the tables and the extents live when it was taken. Writers keep appending
/// and maintenance keeps merging meanwhile; the snapshot holds its extents open until disposed.
/// </summary>
public sealed class WorkspaceSnapshot : IDisposable
{
    private readonly Dictionary<string, TableSnapshot> _tables;
    private readonly ExtentReader[] _held;
    private int _disposed;

    internal WorkspaceSnapshot(IReadOnlyList<TableSnapshot> tables, ExtentReader[] held)
    {
        Tables = tables;
        _held = held;
        _tables = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Every table, in name order.</summary>
    public IReadOnlyList<TableSnapshot> Tables { get; }

    /// <summary>A table by its exact (case-sensitive) name, or null.</summary>
    public TableSnapshot? GetTable(string name) => _tables.GetValueOrDefault(name);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var reader in _held)
            {
                reader.Release();
            }
        }
    }
}

/// <summary>A table in a snapshot: its schema, retention and live extents.</summary>
public sealed class TableSnapshot
{
    internal TableSnapshot(TableSchema schema, int retentionDays, long retentionCutoffTicks, IReadOnlyList<ExtentSnapshot> extents)
    {
        Schema = schema;
        RetentionDays = retentionDays;
        RetentionCutoff = new DateTime(retentionCutoffTicks, DateTimeKind.Utc);
        Extents = extents;
        long rows = 0;
        foreach (var extent in extents)
        {
            rows += extent.RowCount;
        }

        StoredRowCount = rows;
    }

    public string Name => Schema.Name;

    public TableSchema Schema { get; }

    public int RetentionDays { get; }

    /// <summary>
    /// Rows whose time (<see cref="TableSchema.TimeColumnIndex"/>, else ingestion time) is before this are past
    /// retention and must not be returned; see <see cref="ExtentSnapshot.RequiresRetentionFilter"/>.
    /// </summary>
    public DateTime RetentionCutoff { get; }

    /// <summary>Extents whose rows are not all past retention, oldest first.</summary>
    public IReadOnlyList<ExtentSnapshot> Extents { get; }

    /// <summary>Rows stored in <see cref="Extents"/> (including any past retention inside partially expired extents).</summary>
    public long StoredRowCount { get; }
}
