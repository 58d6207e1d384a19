using Vigil.Storage.Extents;

namespace Vigil.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// Takes a consistent snapshot of every table's live extents (dispose it to let merged-away files go).
    /// Extents wholly past retention are left out; see <see cref="ExtentSnapshot.RequiresRetentionFilter"/> for the rest.
    /// </summary>
    public WorkspaceSnapshot GetSnapshot()
    {
        ThrowIfDisposed();
        var held = new List<ExtentReader>();
        var tables = new List<TableSnapshot>();
        lock (_stateLock)
        {
            var catalog = _catalog;
            foreach (var table in catalog.Tables.Values.OrderBy(t => t.Schema.Name, StringComparer.Ordinal))
            {
                var cutoff = RetentionCutoff(table);
                var extents = new List<ExtentSnapshot>();
                foreach (var reader in _extents.GetValueOrDefault(table.Schema.Name, []).OrderBy(r => r.Metadata.CreatedTicks))
                {
                    if (RetentionRange(reader, table.Schema).Max < cutoff || !reader.TryAddReference())
                    {
                        continue;
                    }

                    held.Add(reader);
                    extents.Add(new ExtentSnapshot(this, reader, table.Schema, cutoff));
                }

                tables.Add(new TableSnapshot(table.Schema, catalog.RetentionOf(table), cutoff, extents));
            }
        }

        return new WorkspaceSnapshot(tables, [.. held]);
    }
}
