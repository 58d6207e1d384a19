using Vigil.Storage.Memory;

namespace Vigil.Storage;

/// <summary>
/// A table's write buffer: rows acknowledged (or being acknowledged) but not yet in an extent, in WAL order, kept as
/// the WAL batches themselves (handed over, never copied), each with its ingestion time. Guarded by
/// <see cref="Lock"/>; flushes of one table are serialized by <see cref="FlushLock"/>.
/// </summary>
internal sealed class TableWriter
{
    public readonly object Lock = new();
    public readonly object FlushLock = new();

    private List<PendingBatch> _batches = [];
    private readonly Stack<RowBatch> _spare = new();
    private long _spareBytes;

    public TableWriter(TableSchema schema)
    {
        Schema = schema;
    }

    public TableSchema Schema { get; private set; }

    public int Rows { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Lowest and highest WAL sequence buffered (0 when empty).</summary>
    public long MinSequence { get; private set; }

    public long MaxSequence { get; private set; }

    /// <summary>Lowest WAL sequence of a flush in progress (0 when none).</summary>
    public long InFlightMinSequence { get; set; }

    /// <summary>
    /// Adds the rows of a WAL record (call with <see cref="Lock"/> held). The batch is taken over: the caller must not
    /// touch it afterwards (<see cref="RentBatch"/> gives it a fresh one).
    /// </summary>
    public void Apply(RowBatch batch, long sequence)
    {
        var rows = batch.RowCount;
        if (rows > 0)
        {
            _batches.Add(new PendingBatch(batch, Align(batch), rows, batch.IngestionTicks));
            RecordShape(batch);
            Rows += rows;
            Bytes += batch.EstimatedBytes + rows * 8L;
        }

        if (rows > 0 || MinSequence == 0)
        {
            MinSequence = MinSequence == 0 ? sequence : MinSequence;
            MaxSequence = Math.Max(MaxSequence, sequence);
        }
    }

    /// <summary>A cleared batch for the table's current schema, reused from flushed ones when possible (call with the lock held).</summary>
    public RowBatch RentBatch(long ingestionTicks)
    {
        while (_spare.Count > 0)
        {
            var batch = _spare.Pop();
            _spareBytes -= batch.CapacityBytes;
            if (ReferenceEquals(batch.Columns, Schema.Columns))
            {
                batch.IngestionTicks = ingestionTicks;
                return batch;
            }
        }

        var fresh = new RowBatch(Schema.Name, Schema.Columns, ingestionTicks);
        if (_lastShape is not null && _lastShape.Length == fresh.Buffers.Length)
        {
            // Sized like the last batch (a quarter more text), so that filling it does not regrow arrays step by step.
            for (var c = 0; c < _lastShape.Length; c++)
            {
                if (_lastShape[c] >= 0)
                {
                    fresh.Buffers[c].Reserve(_lastRows, _lastShape[c] * 5 / 4);
                }
            }
        }

        return fresh;
    }

    // Per column of the last batch of this schema: its text bytes, or -1 when it held no values (uniform).
    private long[]? _lastShape;
    private int _lastRows;

    private void RecordShape(RowBatch batch)
    {
        if (!ReferenceEquals(batch.Columns, Schema.Columns))
        {
            return;
        }

        _lastShape ??= new long[batch.Buffers.Length];
        _lastRows = batch.RowCount;
        for (var c = 0; c < _lastShape.Length; c++)
        {
            var buffer = batch.Buffers[c];
            _lastShape[c] = buffer.Uniform == UniformKind.None ? buffer.Utf8Data.Length : -1;
        }
    }

    /// <summary>Takes the buffered rows out (call with <see cref="Lock"/> held).</summary>
    public PendingRows TakeAll()
    {
        var taken = new PendingRows(_batches, Rows, MinSequence, MaxSequence, Schema);
        _batches = [];
        Rows = 0;
        Bytes = 0;
        MinSequence = 0;
        MaxSequence = 0;
        return taken;
    }

    /// <summary>
    /// Hands back batches taken by <see cref="TakeAll"/> once their extent is written, to be filled again, so that the
    /// arrays of a steady ingestion are allocated once rather than per batch (call with the lock held). At most
    /// <paramref name="maxBytes"/> of capacity is kept.
    /// </summary>
    public void Recycle(PendingRows rows, long maxBytes)
    {
        foreach (var pending in rows.Batches)
        {
            var batch = pending.Batch;
            if (!ReferenceEquals(batch.Columns, Schema.Columns) || _spareBytes + batch.CapacityBytes > maxBytes)
            {
                continue;
            }

            batch.Clear();
            _spare.Push(batch);
            _spareBytes += batch.CapacityBytes;
        }
    }

    /// <summary>
    /// A reusable buffer of <paramref name="type"/> to assemble one column of an extent in (call with
    /// <see cref="FlushLock"/> held): kept between flushes so that its arrays are not allocated again each time.
    /// </summary>
    public ColumnBuffer Scratch(ColumnType type)
    {
        if (!_scratch.TryGetValue(type, out var buffer))
        {
            buffer = new ColumnBuffer(type);
            _scratch[type] = buffer;
        }

        return buffer;
    }

    private readonly Dictionary<ColumnType, ColumnBuffer> _scratch = [];

    /// <summary>Moves to a schema with more columns; buffered rows get nulls in them (call with the lock held).</summary>
    public void Widen(TableSchema schema)
    {
        Schema = schema;
        _lastShape = null;
        for (var i = 0; i < _batches.Count; i++)
        {
            _batches[i] = _batches[i] with { Buffers = Align(_batches[i].Batch) };
        }

        _spare.Clear();
        _spareBytes = 0;
    }

    /// <summary>
    /// The batch's buffers in the order of the table's columns: the batch's own when it was made for this schema, else
    /// matched by name and type, with an all-null buffer for a column it lacks.
    /// </summary>
    private ColumnBuffer[] Align(RowBatch batch)
    {
        var columns = Schema.Columns;
        if (ReferenceEquals(batch.Columns, columns))
        {
            return batch.Buffers;
        }

        var rows = batch.RowCount;
        var aligned = new ColumnBuffer[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var source = FindColumn(batch, columns[c]);
            if (source is null)
            {
                source = new ColumnBuffer(columns[c].Type);
                source.AppendRepeated(UniformKind.AllNull, rows);
            }

            aligned[c] = source;
        }

        return aligned;
    }

    private static ColumnBuffer? FindColumn(RowBatch batch, ColumnDefinition column)
    {
        for (var i = 0; i < batch.Columns.Count; i++)
        {
            if (batch.Columns[i].Name == column.Name)
            {
                return batch.Columns[i].Type == column.Type ? batch.Buffers[i] : null;
            }
        }

        return null;
    }
}

/// <summary>A WAL batch in a write buffer: the batch, its buffers in table column order, rows, ingestion time.</summary>
internal readonly record struct PendingBatch(RowBatch Batch, ColumnBuffer[] Buffers, int Rows, long IngestionTicks);

/// <summary>The rows taken out of a write buffer for one extent.</summary>
internal sealed record PendingRows(List<PendingBatch> Batches, int Rows, long MinSequence, long MaxSequence, TableSchema Schema)
{
    /// <summary>
    /// Column <paramref name="column"/> of every batch as one buffer: the batch's own when there is one batch, else
    /// concatenated into <paramref name="scratch"/> (cleared first). Past the schema's columns: the ingestion times.
    /// </summary>
    public ColumnBuffer Column(int column, ColumnBuffer scratch)
    {
        scratch.Clear();
        if (column == Schema.Columns.Count)
        {
            scratch.EnsureCapacity(Rows, 0);
            foreach (var batch in Batches)
            {
                scratch.AppendConstant(batch.IngestionTicks, batch.Rows);
            }

            return scratch;
        }

        if (Batches.Count == 1)
        {
            return Batches[0].Buffers[column];
        }

        foreach (var batch in Batches)
        {
            scratch.AppendAll(batch.Buffers[column]);
        }

        return scratch;
    }
}
