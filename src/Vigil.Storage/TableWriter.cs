using Vigil.Storage.Memory;

namespace Vigil.Storage;

/// <summary>
/// A table's write buffer: rows acknowledged (or being acknowledged) but not yet in an extent, in WAL order, plus
/// the hidden per-row ingestion time. Guarded by <see cref="Lock"/>; flushes of one table are serialized by
/// <see cref="FlushLock"/>.
/// </summary>
internal sealed class TableWriter
{
    public readonly object Lock = new();
    public readonly object FlushLock = new();

    public TableWriter(TableSchema schema)
    {
        Schema = schema;
        Buffers = NewBuffers(schema);
    }

    public TableSchema Schema { get; private set; }

    /// <summary>One buffer per column, then the ingestion-time buffer.</summary>
    public ColumnBuffer[] Buffers { get; private set; }

    public int Rows => Buffers[^1].Count;

    public long Bytes { get; private set; }

    /// <summary>Lowest and highest WAL sequence buffered (0 when empty).</summary>
    public long MinSequence { get; private set; }

    public long MaxSequence { get; private set; }

    /// <summary>Lowest WAL sequence of a flush in progress (0 when none).</summary>
    public long InFlightMinSequence { get; set; }

    /// <summary>
    /// Adds the rows of a WAL record (call with <see cref="Lock"/> held). <paramref name="expectedRows"/> is how many
    /// rows the buffer will likely hold when it is flushed: the first batch sizes the buffers for that many.
    /// </summary>
    public void Apply(RowBatch batch, long sequence, int expectedRows = 0)
    {
        var rows = batch.RowCount;
        for (var c = 0; c < Schema.Columns.Count; c++)
        {
            var column = Schema.Columns[c];
            var target = Buffers[c];
            var source = FindColumn(batch, column);
            if (source is null)
            {
                target.AppendRepeated(UniformKind.AllNull, rows);
            }
            else
            {
                if (expectedRows > rows && source.Uniform == UniformKind.None && target.Count == 0 && rows > 0)
                {
                    // A quarter more than the first batch's bytes per row, so that ordinary variation does not regrow.
                    target.EnsureCapacity(expectedRows, source.Utf8Data.Length * 5L / 4 * expectedRows / rows);
                }

                target.AppendAll(source);
            }
        }

        var times = Buffers[^1];
        if (expectedRows > rows && times.Count == 0)
        {
            times.EnsureCapacity(expectedRows, 0);
        }

        for (var i = 0; i < rows; i++)
        {
            times.AppendLong(batch.IngestionTicks);
        }

        Bytes += batch.EstimatedBytes + rows * 8L;
        if (rows > 0 || MinSequence == 0)
        {
            MinSequence = MinSequence == 0 ? sequence : MinSequence;
            MaxSequence = Math.Max(MaxSequence, sequence);
        }
    }

    /// <summary>Takes the buffered rows out (call with <see cref="Lock"/> held).</summary>
    public (ColumnBuffer[] Buffers, int Rows, long MinSequence, long MaxSequence, TableSchema Schema) TakeAll()
    {
        var taken = (Buffers, Rows, MinSequence, MaxSequence, Schema);
        Buffers = _spare is not null && _spareSchema == Schema ? _spare : NewBuffers(Schema);
        _spare = null;
        Bytes = 0;
        MinSequence = 0;
        MaxSequence = 0;
        return taken;
    }

    /// <summary>
    /// Hands back buffers taken by <see cref="TakeAll"/> once their extent is written, to be filled again: the big
    /// arrays of a full buffer are then allocated (and grown) once, not per extent (call with the lock held).
    /// </summary>
    public void Recycle(ColumnBuffer[] buffers, TableSchema schema)
    {
        if (schema != Schema)
        {
            return;
        }

        foreach (var buffer in buffers)
        {
            buffer.Clear();
        }

        _spare = buffers;
        _spareSchema = schema;
    }

    private ColumnBuffer[]? _spare;
    private TableSchema? _spareSchema;

    /// <summary>Moves to a schema with more columns; buffered rows get nulls in them (call with the lock held).</summary>
    public void Widen(TableSchema schema)
    {
        var buffers = NewBuffers(schema);
        var rows = Rows;
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            var old = Schema.IndexOf(schema.Columns[c].Name);
            if (old >= 0)
            {
                buffers[c] = Buffers[old];
            }
            else
            {
                buffers[c].AppendRepeated(UniformKind.AllNull, rows);
            }
        }

        buffers[^1] = Buffers[^1];
        Buffers = buffers;
        Schema = schema;
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

    private static ColumnBuffer[] NewBuffers(TableSchema schema)
    {
        var buffers = new ColumnBuffer[schema.Columns.Count + 1];
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            buffers[i] = new ColumnBuffer(schema.Columns[i].Type);
        }

        buffers[^1] = new ColumnBuffer(ColumnType.DateTime);
        return buffers;
    }
}
