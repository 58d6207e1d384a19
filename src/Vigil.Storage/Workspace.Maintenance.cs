using Vigil.Storage.Catalog;
using Vigil.Storage.Extents;
using Vigil.Storage.Format;
using Vigil.Storage.Memory;

namespace Vigil.Storage;

public sealed partial class Workspace
{
    private readonly object _maintenanceLock = new();
    private readonly SemaphoreSlim _maintenanceSignal = new(0, 1);
    private CancellationTokenSource? _maintenanceStop;
    private Task? _maintenanceTask;

    /// <summary>
    /// Runs maintenance now: drops extents wholly past retention, rewrites extents holding expired rows, and merges
    /// small extents of each table into larger ones. Background maintenance calls this too.
    /// </summary>
    public void Compact()
    {
        ThrowIfDisposed();
        lock (_maintenanceLock)
        {
            foreach (var table in _catalog.Tables.Values)
            {
                CompactTable(table);
            }
        }
    }

    /// <summary>Reads every chunk of every live extent, quarantining those that fail; returns how many failed.</summary>
    public int Verify()
    {
        ThrowIfDisposed();
        var failed = 0;
        using var snapshot = GetSnapshot();
        foreach (var table in snapshot.Tables)
        {
            foreach (var extent in table.Extents)
            {
                try
                {
                    extent.Reader.Verify();
                }
                catch (StorageCorruptionException e)
                {
                    failed++;
                    OnCorruption(extent.Reader, e);
                }
            }
        }

        return failed;
    }

    /// <summary>Called when reading an extent fails a check: reports it and moves it out of service.</summary>
    internal void OnCorruption(ExtentReader reader, StorageCorruptionException error)
    {
        lock (_stateLock)
        {
            var table = reader.Metadata.Table;
            if (_disposed || !_extents.TryGetValue(table, out var readers) || Array.IndexOf(readers, reader) < 0)
            {
                return; // already quarantined or replaced
            }

            var remaining = readers.Where(r => r != reader).ToArray();
            var extents = _manifest.Extents.Where(e => e.Id != reader.Metadata.Id).ToList();
            var manifest = new Manifest(_manifest.Generation + 1, _manifest.LastSequence, _manifest.FlushedThrough, extents);
            manifest.Save(Directory);
            _manifest = manifest;
            _extents = new Dictionary<string, ExtentReader[]>(_extents, StringComparer.Ordinal) { [table] = remaining };
            var moved = Quarantine(reader.Path, error.Message);
            if (moved is not null)
            {
                reader.Moved(moved);
            }

            reader.Release();
        }
    }

    /// <summary>Moves a bad file to the quarantine folder and reports it; returns the new path.</summary>
    private string? Quarantine(string path, string reason)
    {
        string? target = null;
        try
        {
            if (File.Exists(path))
            {
                var folder = Path.Combine(Directory, QuarantineDirectory);
                System.IO.Directory.CreateDirectory(folder);
                target = Path.Combine(folder, $"{Path.GetFileName(path)}.{DateTime.UtcNow:yyyyMMddHHmmssfff}");
                File.Move(path, target);
            }
        }
        catch (IOException e)
        {
            reason += $" (could not move it aside: {e.Message})";
        }

        ReportProblem(path, target is null ? $"{reason}; extent taken out of service" : $"{reason}; quarantined as {target}");
        return target;
    }

    /// <summary>Swaps extents in the manifest atomically: adds <paramref name="added"/>, retires <paramref name="removed"/>.</summary>
    private void CommitExtents(string table, ExtentReader[] added, ExtentReader[] removed, long flushedThrough)
    {
        lock (_stateLock)
        {
            var current = _extents.GetValueOrDefault(table, []);
            foreach (var r in removed)
            {
                if (Array.IndexOf(current, r) < 0)
                {
                    // An input was quarantined meanwhile: abandon this merge, keep the inputs' rows where they are.
                    foreach (var a in added)
                    {
                        a.Release();
                        File.Delete(a.Path);
                    }

                    return;
                }
            }

            var removedIds = removed.Select(r => r.Metadata.Id).ToHashSet();
            var extents = _manifest.Extents.Where(e => !removedIds.Contains(e.Id)).ToList();
            extents.AddRange(added.Select(a => (table, a.Metadata.Id)));
            var flushed = new Dictionary<string, long>(_manifest.FlushedThrough, StringComparer.Ordinal);
            if (flushedThrough > 0)
            {
                flushed[table] = Math.Max(flushed.GetValueOrDefault(table), flushedThrough);
            }

            var manifest = new Manifest(_manifest.Generation + 1, Math.Max(_manifest.LastSequence, flushedThrough), flushed, extents);
            try
            {
                manifest.Save(Directory);
            }
            catch
            {
                foreach (var a in added)
                {
                    a.Release();
                }

                throw;
            }

            _manifest = manifest;
            _extents = new Dictionary<string, ExtentReader[]>(_extents, StringComparer.Ordinal)
            {
                [table] = [.. current.Where(r => Array.IndexOf(removed, r) < 0), .. added],
            };
            foreach (var r in removed)
            {
                // Snapshots that hold the reader keep reading through their open handle.
                File.Delete(r.Path);
                r.Release();
            }
        }
    }

    private void CompactTable(CatalogTable table)
    {
        // Retention first, then merge what is left (including extents the retention pass rewrote).
        var cutoff = RetentionCutoff(table);
        WithExtents(table.Schema.Name, readers => ApplyRetention(table.Schema, readers, cutoff));
        WithExtents(table.Schema.Name, readers => MergeSmall(table.Schema, readers, cutoff));
    }

    /// <summary>Runs <paramref name="action"/> over the table's live extents, holding references meanwhile.</summary>
    private void WithExtents(string table, Action<ExtentReader[]> action)
    {
        ExtentReader[] readers;
        lock (_stateLock)
        {
            readers = [.. _extents.GetValueOrDefault(table, []).Where(r => r.TryAddReference())];
        }

        try
        {
            action(readers);
        }
        finally
        {
            foreach (var r in readers)
            {
                r.Release();
            }
        }
    }

    private void ApplyRetention(TableSchema schema, ExtentReader[] readers, long cutoff)
    {
        var expired = new List<ExtentReader>();
        foreach (var reader in readers)
        {
            var (min, max) = RetentionRange(reader, schema);
            if (max < cutoff)
            {
                expired.Add(reader);
            }
            else if (min < cutoff)
            {
                Rewrite(schema, [reader], cutoff);
            }
        }

        if (expired.Count > 0)
        {
            CommitExtents(schema.Name, [], [.. expired], 0);
        }
    }

    private void MergeSmall(TableSchema schema, ExtentReader[] readers, long cutoff)
    {
        var small = readers
            .Where(r => r.Metadata.RowCount < _options.TargetExtentRows / 2 || r.Metadata.BlockRows != _options.BlockRows)
            .OrderBy(r => r.Metadata.CreatedTicks)
            .ToList();
        var group = new List<ExtentReader>();
        long groupRows = 0;
        foreach (var reader in small)
        {
            if (groupRows + reader.Metadata.RowCount > _options.TargetExtentRows && group.Count > 0)
            {
                if (group.Count > 1)
                {
                    Rewrite(schema, [.. group], cutoff);
                }

                group.Clear();
                groupRows = 0;
            }

            group.Add(reader);
            groupRows += reader.Metadata.RowCount;
        }

        if (group.Count > 1)
        {
            Rewrite(schema, [.. group], cutoff);
        }
    }

    /// <summary>Merges extents into one, dropping rows past retention, and swaps it in.</summary>
    private void Rewrite(TableSchema schema, ExtentReader[] inputs, long cutoff)
    {
        var buffers = new ColumnBuffer[schema.Columns.Count + 1];
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            buffers[c] = new ColumnBuffer(schema.Columns[c].Type);
        }

        buffers[^1] = new ColumnBuffer(ColumnType.DateTime);
        using var block = new ColumnBlock();
        using var times = new ColumnBlock();
        var keep = new List<int>();
        foreach (var input in inputs)
        {
            try
            {
                var metadata = input.Metadata;
                var timeColumn = schema.TimeColumnIndex >= 0 ? metadata.IndexOf(schema.Columns[schema.TimeColumnIndex].Name) : -1;
                var retentionColumn = timeColumn >= 0 ? timeColumn : metadata.Columns.Length - 1;
                for (var b = 0; b < metadata.BlockCount; b++)
                {
                    BlockDecoder.Decode(input, retentionColumn, b, times);
                    keep.Clear();
                    for (var i = 0; i < times.Count; i++)
                    {
                        // Rows whose time is null cannot expire by it: keep them.
                        if (times.IsNull(i) || times.Longs[i] >= cutoff)
                        {
                            keep.Add(i);
                        }
                    }

                    for (var c = 0; c <= schema.Columns.Count; c++)
                    {
                        var name = c < schema.Columns.Count ? schema.Columns[c].Name : ExtentMetadata.IngestionTimeColumn;
                        var source = metadata.IndexOf(name);
                        if (source < 0 || metadata.Columns[source].Type != buffers[c].Type)
                        {
                            foreach (var _ in keep)
                            {
                                buffers[c].AppendNull();
                            }

                            continue;
                        }

                        BlockDecoder.Decode(input, source, b, block);
                        foreach (var i in keep)
                        {
                            ExtentRows.AppendRow(block, i, buffers[c]);
                        }
                    }
                }
            }
            catch (StorageCorruptionException e)
            {
                // Only the damaged input goes to quarantine; the merge is abandoned and the rest stay as they are.
                OnCorruption(input, e);
                return;
            }
        }

        var rows = buffers[^1].Count;
        ExtentReader[] added = [];
        if (rows > 0)
        {
            var id = Guid.NewGuid();
            var path = ExtentPath(id);
            var columns = new List<ColumnDefinition>(schema.Columns) { HiddenIngestionColumn };
            ExtentWriter.Write(path, id, schema.Name, columns, buffers, rows, _options.BlockRows, NowTicks());
            DurableFile.SyncDirectory(_extentsPath);
            added = [ExtentReader.Open(path)];
        }

        CommitExtents(schema.Name, added, inputs, 0);
    }

    private long RetentionCutoff(CatalogTable table)
    {
        var days = _catalog.RetentionOf(table);
        var now = NowTicks();
        return now - Math.Min(now, days * TimeSpan.TicksPerDay);
    }

    /// <summary>The min and max of the retention time (time column, else ingestion time) of an extent.</summary>
    internal static (long Min, long Max) RetentionRange(ExtentReader reader, TableSchema schema)
    {
        var metadata = reader.Metadata;
        var index = schema.TimeColumnIndex >= 0 ? metadata.IndexOf(schema.Columns[schema.TimeColumnIndex].Name) : -1;
        if (index < 0)
        {
            index = metadata.Columns.Length - 1;
        }

        var column = metadata.Columns[index];
        if (column.Type != ColumnType.DateTime)
        {
            column = metadata.Columns[^1];
        }

        // All-null time: nothing can expire by it.
        return column.HasRange ? (column.MinBits, column.MaxBits) : (long.MaxValue, long.MaxValue);
    }

    private void StartMaintenance()
    {
        _maintenanceStop = new CancellationTokenSource();
        var token = _maintenanceStop.Token;
        _maintenanceTask = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                try
                {
                    await _maintenanceSignal.WaitAsync(_options.MaintenanceInterval, token).ConfigureAwait(false);
                    Compact();
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (Exception e)
                {
                    ReportProblem(Directory, "background maintenance failed: " + e.Message);
                }
            }
        }, token);
    }

    private void SignalMaintenance()
    {
        if (_maintenanceTask is not null && _maintenanceSignal.CurrentCount == 0)
        {
            try
            {
                _maintenanceSignal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    private void StopMaintenance()
    {
        if (_maintenanceStop is null)
        {
            return;
        }

        _maintenanceStop.Cancel();
        try
        {
            _maintenanceTask?.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled.
        }

        _maintenanceStop.Dispose();
    }
}
