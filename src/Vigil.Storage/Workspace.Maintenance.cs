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

    /// <summary>
    /// Merges extents into one, dropping rows past retention, and swaps it in. The new extent is streamed column by
    /// column, block by block (<see cref="ExtentWriter.ColumnStream"/>): memory holds one decoded input block and one
    /// output block at a time (plus a text column's merged dictionary), however large the result.
    /// </summary>
    private void Rewrite(TableSchema schema, ExtentReader[] inputs, long cutoff)
    {
        var columns = new List<ColumnDefinition>(schema.Columns) { HiddenIngestionColumn };
        ExtentWriter? writer = null;
        string? path = null;
        ExtentReader[] added = [];
        try
        {
            using var block = new ColumnBlock();
            var kept = KeptRows(schema, inputs, cutoff, block, out var rows);
            if (rows > 0)
            {
                var id = Guid.NewGuid();
                path = ExtentPath(id);
                writer = ExtentWriter.Begin(path);
                var extentColumns = new ExtentColumn[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    extentColumns[c] = MergeColumn(writer, columns[c], inputs, kept, rows, block);
                }

                writer.Complete(id, schema.Name, extentColumns, rows, _options.BlockRows, NowTicks());
                writer.Dispose();
                writer = null;
                DurableFile.SyncDirectory(_extentsPath);
                added = [ExtentReader.Open(path)];
            }
        }
        catch (MergeInputCorruptException e)
        {
            // Only the damaged input goes to quarantine; the merge is abandoned and the rest stay as they are.
            writer?.Dispose();
            DeleteQuietly(path);
            OnCorruption(e.Input, e.Error);
            return;
        }
        catch
        {
            writer?.Dispose();
            DeleteQuietly(path);
            throw;
        }

        CommitExtents(schema.Name, added, inputs, 0);
    }

    private static void DeleteQuietly(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path + DurableFile.TempSuffix);
            File.Delete(path);
        }
        catch (IOException)
        {
            // Recovery deletes leftovers that no manifest names.
        }
    }

    /// <summary>A checksum failure while reading a merge input, with the input it came from.</summary>
    private sealed class MergeInputCorruptException(ExtentReader input, StorageCorruptionException error) : Exception(error.Message, error)
    {
        public ExtentReader Input { get; } = input;

        public StorageCorruptionException Error { get; } = error;
    }

    private static void Decode(ExtentReader input, int column, int b, ColumnBlock destination)
    {
        try
        {
            BlockDecoder.Decode(input, column, b, destination);
        }
        catch (StorageCorruptionException e)
        {
            throw new MergeInputCorruptException(input, e);
        }
    }

    /// <summary>
    /// Per input and block, the rows within retention: null when all are (the usual case), else their indexes.
    /// Rows whose time is null cannot expire by it and are kept.
    /// </summary>
    private static int[]?[][] KeptRows(TableSchema schema, ExtentReader[] inputs, long cutoff, ColumnBlock times, out int rows)
    {
        var kept = new int[]?[inputs.Length][];
        long total = 0;
        var list = new List<int>();
        for (var n = 0; n < inputs.Length; n++)
        {
            var input = inputs[n];
            var metadata = input.Metadata;
            kept[n] = new int[]?[metadata.BlockCount];
            var (min, _) = RetentionRange(input, schema);
            if (min >= cutoff)
            {
                total += metadata.RowCount;
                continue;
            }

            var timeColumn = schema.TimeColumnIndex >= 0 ? metadata.IndexOf(schema.Columns[schema.TimeColumnIndex].Name) : -1;
            var retentionColumn = timeColumn >= 0 && metadata.Columns[timeColumn].Type == ColumnType.DateTime ? timeColumn : metadata.Columns.Length - 1;
            for (var b = 0; b < metadata.BlockCount; b++)
            {
                Decode(input, retentionColumn, b, times);
                list.Clear();
                for (var i = 0; i < times.Count; i++)
                {
                    if (times.IsNull(i) || times.Int64Values[i] >= cutoff)
                    {
                        list.Add(i);
                    }
                }

                kept[n][b] = list.Count == times.Count ? null : [.. list];
                total += list.Count;
            }
        }

        rows = checked((int)total);
        return kept;
    }

    /// <summary>Streams one column of the merged extent from the inputs' blocks.</summary>
    private ExtentColumn MergeColumn(
        ExtentWriter writer, ColumnDefinition column, ExtentReader[] inputs, int[]?[][] kept, int rows, ColumnBlock block)
    {
        var sources = new int[inputs.Length];
        var anyValues = false;
        for (var n = 0; n < inputs.Length; n++)
        {
            var metadata = inputs[n].Metadata;
            var i = metadata.IndexOf(column.Name);
            sources[n] = i >= 0 && metadata.Columns[i].Type == column.Type ? i : -1;
            anyValues |= sources[n] >= 0 && !IsAllNull(metadata, metadata.Columns[sources[n]]);
        }

        if (!anyValues)
        {
            return writer.WriteUniform(column, UniformKind.AllNull, rows, _options.BlockRows);
        }

        var dictionary = ColumnTypeFacts.IsText(column.Type) ? MergedDictionary(inputs, sources, rows, block) : null;
        if (dictionary is { Count: 1 } && dictionary.Values.GetUtf8(0).IsEmpty && NoNulls(inputs, sources))
        {
            return writer.WriteUniform(column, UniformKind.AllEmpty, rows, _options.BlockRows);
        }

        var stream = writer.BeginColumn(column, rows, _options.BlockRows, dictionary);
        for (var n = 0; n < inputs.Length; n++)
        {
            var input = inputs[n];
            for (var b = 0; b < input.Metadata.BlockCount; b++)
            {
                var keep = kept[n][b];
                var count = Math.Min(input.Metadata.BlockRows, input.Metadata.RowCount - (b * input.Metadata.BlockRows));
                var keptCount = keep?.Length ?? count;
                if (sources[n] < 0)
                {
                    for (var i = 0; i < keptCount; i++)
                    {
                        stream.AppendNull();
                    }

                    continue;
                }

                if (keptCount == 0)
                {
                    continue;
                }

                Decode(input, sources[n], b, block);
                if (keep is null)
                {
                    for (var i = 0; i < count; i++)
                    {
                        stream.Append(block, i);
                    }
                }
                else
                {
                    foreach (var i in keep)
                    {
                        stream.Append(block, i);
                    }
                }
            }
        }

        return stream.Complete();
    }

    private static bool IsAllNull(ExtentMetadata metadata, ExtentColumn column)
    {
        long nulls = 0;
        foreach (var b in column.Blocks)
        {
            nulls += b.NullCount;
        }

        return nulls == metadata.RowCount;
    }

    private static bool NoNulls(ExtentReader[] inputs, int[] sources)
    {
        for (var n = 0; n < inputs.Length; n++)
        {
            if (sources[n] < 0)
            {
                return false;
            }

            foreach (var b in inputs[n].Metadata.Columns[sources[n]].Blocks)
            {
                if (b.NullCount > 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The dictionary of a merged text column: the union of the inputs' values, or null (plain encoding) when it has
    /// more than max(16, rows / 4) values, the limit the flush applies. Dictionary-encoded inputs give their
    /// dictionaries; the blocks of plain ones are read for it.
    /// </summary>
    private static Utf8Dictionary? MergedDictionary(ExtentReader[] inputs, int[] sources, int rows, ColumnBlock block)
    {
        var limit = Math.Min(1 << 20, Math.Max(16, rows / 4));
        var dictionary = new Utf8Dictionary();
        for (var n = 0; n < inputs.Length; n++)
        {
            if (sources[n] < 0)
            {
                continue;
            }

            var input = inputs[n];
            var column = input.Metadata.Columns[sources[n]];
            if (column.Encoding == ExtentColumn.DictionaryEncoding)
            {
                if (column.DictionaryCount > limit)
                {
                    return null;
                }

                StringDictionary values;
                try
                {
                    values = input.GetDictionary(sources[n], ref block.Scratch, ref block.Scratch2);
                }
                catch (StorageCorruptionException e)
                {
                    throw new MergeInputCorruptException(input, e);
                }

                for (var code = 0; code < values.Count; code++)
                {
                    dictionary.Add(values.GetUtf8(code));
                }
            }
            else if (!IsAllNull(input.Metadata, column))
            {
                for (var b = 0; b < input.Metadata.BlockCount; b++)
                {
                    Decode(input, sources[n], b, block);
                    for (var i = 0; i < block.Count; i++)
                    {
                        if (!block.IsNull(i))
                        {
                            dictionary.Add(block.GetUtf8(i));
                        }
                    }

                    if (dictionary.Count > limit)
                    {
                        return null;
                    }
                }
            }

            if (dictionary.Count > limit)
            {
                return null;
            }
        }

        return dictionary;
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
