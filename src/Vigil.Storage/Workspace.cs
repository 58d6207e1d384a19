using Vigil.Storage.Catalog;
using Vigil.Storage.Extents;
using Vigil.Storage.Format;
using Vigil.Storage.Memory;
using Vigil.Storage.Wal;

namespace Vigil.Storage;

/// <summary>
/// An embedded, durable, columnar log workspace in one directory: a catalog of tables, a write-ahead log, immutable
/// checksummed extents and a manifest naming the live ones. Thread-safe: any number of concurrent ingestions and
/// snapshots. See README.md for the file formats and the durability protocol.
/// </summary>
public sealed partial class Workspace : IDisposable
{
    internal const string ExtentsDirectory = "extents";
    internal const string WalDirectory = "wal";
    internal const string QuarantineDirectory = "quarantine";

    private readonly object _stateLock = new();
    private readonly object _catalogLock = new();
    private readonly Dictionary<string, TableWriter> _writers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableSchema> _builtIns = new(StringComparer.Ordinal);
    private readonly List<StorageProblem> _problems = [];
    private readonly WorkspaceOptions _options;
    private readonly string _extentsPath;
    private WorkspaceCatalog _catalog;
    private Manifest _manifest;
    private Dictionary<string, ExtentReader[]> _extents = new(StringComparer.Ordinal);
    private WriteAheadLog _wal = null!;
    private bool _disposed;

    /// <summary>Decoded term filters shared by all snapshots.</summary>
    internal TermFilterCache TermFilters { get; }

    private Workspace(string directory, WorkspaceOptions options, WorkspaceCatalog catalog, Manifest manifest)
    {
        Directory = directory;
        _options = options;
        _catalog = catalog;
        _manifest = manifest;
        _extentsPath = Path.Combine(directory, ExtentsDirectory);
        TermFilters = new TermFilterCache(options.TermFilterCacheBytes);
        foreach (var table in options.BuiltInTables)
        {
            _builtIns[table.Name] = table;
        }
    }

    /// <summary>The workspace directory.</summary>
    public string Directory { get; }

    /// <summary>The tables created so far.</summary>
    public IReadOnlyList<TableSchema> Tables => [.. _catalog.Tables.Values.Select(t => t.Schema).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Retention of tables without their own setting.</summary>
    public int DefaultRetentionDays => _catalog.DefaultRetentionDays;

    /// <summary>Problems found and worked around since the workspace was opened.</summary>
    public IReadOnlyList<StorageProblem> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>
    /// Opens (or creates) the workspace in <paramref name="directory"/>: loads the catalog and manifest, opens the
    /// extents (quarantining any that fail their checks), replays the WAL into extents and starts a fresh WAL.
    /// </summary>
    public static Workspace Open(string directory, WorkspaceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new WorkspaceOptions();
        options.Validate();
        directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(directory);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, ExtentsDirectory));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, WalDirectory));
        DeleteTemporaryFiles(directory);

        var catalog = WorkspaceCatalog.Load(directory);
        if (catalog is null)
        {
            catalog = new WorkspaceCatalog(options.DefaultRetentionDays, new Dictionary<string, CatalogTable>(StringComparer.Ordinal));
            catalog.Save(directory);
        }

        var manifest = Manifest.Load(directory) ?? Manifest.Empty;
        var workspace = new Workspace(directory, options, catalog, manifest);
        try
        {
            workspace.Recover();
        }
        catch
        {
            workspace.Dispose();
            throw;
        }

        if (options.BackgroundMaintenance)
        {
            workspace.StartMaintenance();
        }

        return workspace;
    }

    /// <summary>A created table's schema, or null.</summary>
    public TableSchema? GetTable(string name) => _catalog.Tables.TryGetValue(name, out var t) ? t.Schema : null;

    /// <summary>
    /// Creates a table. Its name must end in <c>_CL</c> unless it is one of the built-in tables, whose definition
    /// must then match. Creating an existing table with the same columns is a no-op.
    /// </summary>
    public TableSchema CreateTable(TableSchema schema, int? retentionDays = null, UnknownPropertyPolicy? unknownProperties = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (retentionDays is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retentionDays), "Retention is at least one day.");
        }

        if (!schema.Name.EndsWith("_CL", StringComparison.Ordinal) && !_builtIns.ContainsKey(schema.Name))
        {
            throw new ArgumentException($"Table '{schema.Name}' is not a built-in table; custom table names must end in '_CL'.", nameof(schema));
        }

        lock (_catalogLock)
        {
            ThrowIfDisposed();
            if (_catalog.Tables.TryGetValue(schema.Name, out var existing))
            {
                if (!existing.Schema.Columns.SequenceEqual(schema.Columns))
                {
                    throw new InvalidOperationException($"Table '{schema.Name}' already exists with other columns; use AddColumns.");
                }

                return existing.Schema;
            }

            var catalog = _catalog.With(new CatalogTable(schema, retentionDays, unknownProperties ?? _options.DefaultUnknownPropertyPolicy));
            catalog.Save(Directory);
            _catalog = catalog;
            lock (_writers)
            {
                _writers[schema.Name] = new TableWriter(schema);
            }

            return schema;
        }
    }

    /// <summary>Appends columns to a table. Existing rows read as null in them.</summary>
    public TableSchema AddColumns(string table, IEnumerable<ColumnDefinition> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        lock (_catalogLock)
        {
            ThrowIfDisposed();
            var current = RequireTable(table);
            var added = columns.Where(c => current.Schema.IndexOf(c.Name) < 0 || current.Schema.Columns[current.Schema.IndexOf(c.Name)] != c).ToList();
            foreach (var column in added)
            {
                if (current.Schema.IndexOf(column.Name) >= 0)
                {
                    throw new InvalidOperationException($"Column '{column.Name}' of table '{table}' exists with another type.");
                }
            }

            if (added.Count == 0)
            {
                return current.Schema;
            }

            var schema = current.Schema.WithColumns(added);
            var catalog = _catalog.With(current with { Schema = schema });
            catalog.Save(Directory);
            var writer = Writer(table);
            lock (writer.Lock)
            {
                _catalog = catalog;
                writer.Widen(schema);
            }

            return schema;
        }
    }

    /// <summary>Sets a table's retention in days (null: the workspace default).</summary>
    public void SetRetention(string table, int? days)
    {
        if (days is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), "Retention is at least one day.");
        }

        lock (_catalogLock)
        {
            ThrowIfDisposed();
            var catalog = _catalog.With(RequireTable(table) with { RetentionDays = days });
            catalog.Save(Directory);
            _catalog = catalog;
        }
    }

    /// <summary>Sets the retention of tables without their own setting.</summary>
    public void SetDefaultRetention(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        lock (_catalogLock)
        {
            ThrowIfDisposed();
            var catalog = _catalog.WithDefaultRetention(days);
            catalog.Save(Directory);
            _catalog = catalog;
        }
    }

    /// <summary>Retention of a table in days.</summary>
    public int GetRetention(string table) => _catalog.RetentionOf(RequireTable(table));

    public void Dispose()
    {
        lock (_catalogLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        StopMaintenance();
        _wal?.Dispose();
        lock (_stateLock)
        {
            foreach (var readers in _extents.Values)
            {
                foreach (var reader in readers)
                {
                    reader.Release();
                }
            }

            _extents = new Dictionary<string, ExtentReader[]>(StringComparer.Ordinal);
        }
    }

    internal void ReportProblem(string path, string message)
    {
        lock (_problems)
        {
            _problems.Add(new StorageProblem(_options.TimeProvider.GetUtcNow().UtcDateTime, path, message));
        }
    }

    private CatalogTable RequireTable(string table) =>
        _catalog.Tables.TryGetValue(table, out var t) ? t : throw new ArgumentException($"Table '{table}' does not exist.", nameof(table));

    private TableWriter Writer(string table)
    {
        lock (_writers)
        {
            if (!_writers.TryGetValue(table, out var writer))
            {
                writer = new TableWriter(RequireTable(table).Schema);
                _writers[table] = writer;
            }

            return writer;
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            ThrowHelper.ObjectDisposed(nameof(Workspace));
        }
    }

    private string ExtentPath(Guid id) => Path.Combine(_extentsPath, id.ToString("N") + ExtentFormat.Extension);

    private static void DeleteTemporaryFiles(string directory)
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + DurableFile.TempSuffix, SearchOption.AllDirectories))
        {
            File.Delete(path);
        }
    }

    /// <summary>Opens the manifest's extents, replays the WAL and flushes what it held.</summary>
    private void Recover()
    {
        var live = new List<(string, Guid)>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, id) in _manifest.Extents)
        {
            var path = ExtentPath(id);
            known.Add(Path.GetFileName(path));
            try
            {
                var reader = ExtentReader.Open(path);
                if (_options.VerifyExtentsOnOpen)
                {
                    try
                    {
                        reader.Verify();
                    }
                    catch
                    {
                        reader.Release();
                        throw;
                    }
                }

                _extents[table] = [.. _extents.GetValueOrDefault(table, []), reader];
                live.Add((table, id));
            }
            catch (Exception e) when (e is StorageCorruptionException or IOException)
            {
                Quarantine(path, e.Message);
            }
        }

        // Extent files no manifest names were written by a flush or merge that never committed.
        foreach (var path in System.IO.Directory.EnumerateFiles(_extentsPath, "*" + ExtentFormat.Extension))
        {
            if (!known.Contains(Path.GetFileName(path)))
            {
                File.Delete(path);
            }
        }

        if (live.Count != _manifest.Extents.Count)
        {
            // Quarantined extents leave the manifest before replay, which may commit extents of its own.
            _manifest = new Manifest(_manifest.Generation + 1, _manifest.LastSequence, _manifest.FlushedThrough, live);
            _manifest.Save(Directory);
        }

        // The log is streamed: a table's replayed rows become an extent whenever they fill a write buffer, as when
        // ingesting, so memory stays bounded however long the log.
        var lastSequence = _manifest.LastSequence;
        var walPath = Path.Combine(Directory, WalDirectory);
        foreach (var (sequence, payload) in WriteAheadLog.Replay(walPath, message => ReportProblem(walPath, message)))
        {
            lastSequence = Math.Max(lastSequence, sequence);
            RowBatch batch;
            try
            {
                var cursor = new BinaryCursor(payload, walPath);
                batch = RowBatch.ReadFrom(ref cursor);
            }
            catch (Exception e) when (e is StorageCorruptionException or ArgumentException)
            {
                ReportProblem(walPath, $"WAL record {sequence} unreadable: {e.Message}");
                continue;
            }

            if (!_catalog.Tables.ContainsKey(batch.Table))
            {
                ReportProblem(walPath, $"WAL record {sequence} names unknown table '{batch.Table}'; skipped");
                continue;
            }

            if (sequence <= _manifest.FlushedThroughFor(batch.Table))
            {
                continue; // already in an extent: replay is exactly once
            }

            var writer = Writer(batch.Table);
            bool full;
            lock (writer.Lock)
            {
                writer.Apply(batch, sequence);
                full = writer.Rows >= _options.FlushRows || writer.Bytes >= _options.FlushBytes;
            }

            if (full)
            {
                FlushWriter(writer);
            }
        }

        _manifest = new Manifest(_manifest.Generation + 1, Math.Max(lastSequence, _manifest.LastSequence), _manifest.FlushedThrough, _manifest.Extents);
        _manifest.Save(Directory);
        lock (_writers)
        {
            foreach (var writer in _writers.Values.ToList())
            {
                FlushWriter(writer);
            }
        }

        _wal = WriteAheadLog.StartFresh(walPath, lastSequence, _options.WalSegmentBytes);
    }
}
