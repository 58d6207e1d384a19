using Vigil.Storage.Catalog;
using Vigil.Storage.Extents;
using Vigil.Storage.Format;
using Vigil.Storage.Ingestion;
using Vigil.Storage.Wal;

namespace Vigil.Storage;

public sealed partial class Workspace
{
    private const long WalBatchBytes = 8L << 20;

    /// <summary>A spent active WAL segment at least this big is closed and deleted once its rows are in extents.</summary>
    private const long SpentSegmentBytes = 1L << 20;

    /// <summary>
    /// Ingests <paramref name="data"/> into <paramref name="table"/> (a built-in table is created on first use),
    /// streaming it in bounded memory. Rows that cannot be converted are reported with their row numbers; every
    /// accepted row is durable (in the WAL, fsynced) and visible to new snapshots when this returns.
    /// </summary>
    public IngestResult Ingest(string table, Stream data, IngestFormat format)
    {
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfDisposed();
        var definition = EnsureTable(table);
        var writer = Writer(table);
        long accepted = 0, failed = 0;
        var failures = new List<IngestFailure>();
        void Fail(long row, string reason)
        {
            failed++;
            if (failures.Count < IngestResult.MaxReportedFailures)
            {
                failures.Add(new IngestFailure(row, reason));
            }
        }

        using var converter = new RecordConverter(definition.Schema, definition.Policy, NowTicks());
        using var payload = new MemoryStream();
        long lastSequence = 0;
        Task? flushing = null;
        long inputSinceCheck = 0;
        void CommitIfFull(int recordBytes)
        {
            // Summing the batch's size costs a pass over its columns: only after each megabyte of input.
            inputSinceCheck += recordBytes;
            var check = inputSinceCheck >= 1 << 20;
            if (check)
            {
                inputSinceCheck = 0;
            }

            if (converter.Batch.RowCount >= _options.WalBatchRows || (check && converter.Batch.EstimatedBytes >= WalBatchBytes))
            {
                accepted += Commit(writer, converter, payload, ref lastSequence, ref flushing);
            }
        }

        if (format is IngestFormat.JsonLines or IngestFormat.Json)
        {
            var reader = new JsonRecordReader(data, format == IngestFormat.JsonLines);
            while (reader.TryRead(out var record, out var row, out var error, out var fatal))
            {
                if (error is not null)
                {
                    Fail(row, error);
                    if (fatal)
                    {
                        break;
                    }

                    continue;
                }

                if (!converter.TryAddJson(record.Span, out error))
                {
                    Fail(row, error!);
                }

                CommitIfFull(record.Length);
            }
        }
        else if (format is IngestFormat.Csv or IngestFormat.CsvWithHeader)
        {
            using var reader = new CsvRecordReader(data);
            long row = 0;
            var headerPending = format == IngestFormat.CsvWithHeader;
            while (reader.TryRead(out var error))
            {
                if (reader.IsBlank && error is null)
                {
                    continue;
                }

                if (headerPending)
                {
                    headerPending = false;
                    if (error is not null || !converter.TrySetCsvHeader(reader, out error))
                    {
                        Fail(0, "header: " + error);
                        break;
                    }

                    continue;
                }

                row++;
                if (error is not null)
                {
                    Fail(row, error);
                }
                else if (!converter.TryAddCsv(reader, out error))
                {
                    Fail(row, error!);
                }

                CommitIfFull(reader.RecordBytes);
            }
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown ingestion format.");
        }

        try
        {
            if (converter.Batch.RowCount > 0)
            {
                accepted += Commit(writer, converter, payload, ref lastSequence, ref flushing);
            }
        }
        finally
        {
            flushing?.GetAwaiter().GetResult();
        }

        // The call is the unit of acknowledgement: one fsync covers every record it logged.
        if (lastSequence > 0)
        {
            _wal.WaitDurable(lastSequence);
        }

        FlushWriter(writer);
        return new IngestResult(accepted, failed, failures);
    }

    /// <summary>Writes every table's buffered rows to extents.</summary>
    public void Flush()
    {
        ThrowIfDisposed();
        List<TableWriter> writers;
        lock (_writers)
        {
            writers = [.. _writers.Values];
        }

        foreach (var writer in writers)
        {
            FlushWriter(writer);
        }
    }

    private CatalogTable EnsureTable(string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        if (_catalog.Tables.TryGetValue(table, out var existing))
        {
            return existing;
        }

        if (_builtIns.TryGetValue(table, out var schema))
        {
            CreateTable(schema);
            return _catalog.Tables[table];
        }

        throw new ArgumentException($"Table '{table}' does not exist (create it first; custom tables end in '_CL').", nameof(table));
    }

    private long NowTicks() => _options.TimeProvider.GetUtcNow().UtcTicks;

    /// <summary>
    /// Logs a batch and buffers it. When the buffer is full its extent is written on a background task, so encoding
    /// overlaps parsing; at most one such flush per ingestion is in flight, which bounds memory.
    /// </summary>
    private int Commit(TableWriter writer, RecordConverter converter, MemoryStream payload, ref long lastSequence, ref Task? flushing)
    {
        var batch = converter.Batch;
        var rows = batch.RowCount;
        if (rows == 0)
        {
            return 0;
        }

        // The record's frame around the payload is filled in by the log, so the batch is serialized only once.
        payload.SetLength(WriteAheadLog.RecordHeaderBytes);
        payload.Position = WriteAheadLog.RecordHeaderBytes;
        batch.WriteTo(payload);
        payload.SetLength(payload.Length + WriteAheadLog.RecordTrailerBytes);
        bool full;
        lock (writer.Lock)
        {
            // Logging and buffering under one lock keeps the buffer in WAL order, which the per-table
            // "flushed through sequence N" checkpoint relies on.
            lastSequence = _wal.AppendFramed(payload.GetBuffer().AsSpan(0, (int)payload.Length));
            writer.Apply(batch, lastSequence);
            full = writer.Rows >= _options.FlushRows || writer.Bytes >= _options.FlushBytes;
            converter.ReplaceBatch(writer.RentBatch(0), 0);
        }

        converter.Batch.IngestionTicks = NowTicks();

        if (full)
        {
            flushing?.GetAwaiter().GetResult();
            flushing = Task.Run(() => FlushWriter(writer));
        }

        return rows;
    }

    /// <summary>Writes a table's buffered rows as an extent and commits it with the manifest.</summary>
    private void FlushWriter(TableWriter writer)
    {
        lock (writer.FlushLock)
        {
            PendingRows pending;
            lock (writer.Lock)
            {
                if (writer.Rows == 0)
                {
                    return;
                }

                pending = writer.TakeAll();
                writer.InFlightMinSequence = pending.MinSequence;
            }

            try
            {
                var schema = pending.Schema;
                var id = Guid.NewGuid();
                var path = ExtentPath(id);
                var columns = new List<ColumnDefinition>(schema.Columns) { HiddenIngestionColumn };
                ExtentWriter.Write(
                    path, id, schema.Name, columns, c => pending.Column(c, writer.Scratch(columns[c].Type)), pending.Rows,
                    _options.BlockRows, NowTicks());
                DurableFile.SyncDirectory(_extentsPath);
                var reader = ExtentReader.Open(path);
                CommitExtents(schema.Name, [reader], [], pending.MaxSequence);
                lock (writer.Lock)
                {
                    // Keep the batches to fill again (up to about two write buffers, which ingestion holds anyway):
                    // a steady ingestion then allocates nothing per batch.
                    writer.Recycle(pending, 2 * _options.FlushBytes);
                }
            }
            finally
            {
                lock (writer.Lock)
                {
                    writer.InFlightMinSequence = 0;
                }
            }

            DeleteSpentWal();
            SignalMaintenance();
        }
    }

    private static readonly ColumnDefinition HiddenIngestionColumn = ColumnDefinition.Hidden(ExtentMetadata.IngestionTimeColumn, ColumnType.DateTime);

    /// <summary>Deletes WAL segments all of whose records are in extents.</summary>
    private void DeleteSpentWal()
    {
        if (_wal is null)
        {
            return;
        }

        var safe = _wal.LastSequence;
        lock (_writers)
        {
            foreach (var writer in _writers.Values)
            {
                lock (writer.Lock)
                {
                    if (writer.MinSequence > 0)
                    {
                        safe = Math.Min(safe, writer.MinSequence - 1);
                    }

                    if (writer.InFlightMinSequence > 0)
                    {
                        safe = Math.Min(safe, writer.InFlightMinSequence - 1);
                    }
                }
            }
        }

        _wal.RollIfSpent(safe, SpentSegmentBytes);
        _wal.DeleteThrough(safe);
    }
}
