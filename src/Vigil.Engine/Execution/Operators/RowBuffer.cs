using Vigil.Engine.Execution.Vectors;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// Rows kept by a blocking operator (sort, top-N) or a result: growable column vectors plus helpers to append the
/// live rows of a batch and to emit rows back as batches in a given order.
/// </summary>
internal sealed class RowBuffer : IDisposable
{
    public RowBuffer(TableSchema schema, int capacity = Batch.DefaultCapacity, MemoryAccount? account = null)
    {
        Schema = schema;
        Columns = Batch.CreateVectors(schema, capacity);
        _account = account;
    }

    private readonly MemoryAccount? _account;
    private int _charged;

    /// <summary>A buffer over vectors already filled with <paramref name="count"/> rows (it takes ownership).</summary>
    public RowBuffer(TableSchema schema, ColumnVector[] columns, int count)
    {
        Schema = schema;
        Columns = columns;
        Count = count;
    }

    public TableSchema Schema { get; }

    public ColumnVector[] Columns { get; private set; }

    public int Count { get; private set; }

    /// <summary>Estimated bytes of the rows held (charged to the memory account when there is one).</summary>
    public long Bytes { get; private set; }

    /// <summary>Appends the live rows of <paramref name="batch"/> (columns in the same order) to the buffer.</summary>
    public void Append(Batch batch, ColumnVector[]? columns = null)
    {
        columns ??= batch.Columns;
        var live = batch.Count;
        for (var c = 0; c < Columns.Length; c++)
        {
            var target = Columns[c];
            var source = columns[c];
            target.EnsureCapacity(Count + live);
            for (var i = 0; i < live; i++)
            {
                target.Append(source, batch.RowAt(i));
            }
        }

        Count += live;
        if (_account is not null)
        {
            Charge();
        }
    }

    /// <summary>
    /// Counts the rows not yet charged against the account: 8 bytes a value (16 for decimals and guids) plus the
    /// characters of strings, and a reference for dynamic values.
    /// </summary>
    private void Charge()
    {
        var from = _charged;
        var to = Count;
        _charged = Count;
        long bytes = 0;
        foreach (var column in Columns)
        {
            bytes += (long)(to - from) * (column.Kind is PhysicalKind.Decimal or PhysicalKind.Guid ? 16 : 8);
            if (column.Kind == PhysicalKind.String && column.Dictionary is null)
            {
                for (var r = from; r < to; r++)
                {
                    bytes += 2L * (column.Strings[r]?.Length ?? 0);
                }
            }
            else if (column.Kind == PhysicalKind.Dynamic)
            {
                bytes += 32L * (to - from);
            }
        }

        Bytes += bytes;
        _account!.Add(bytes);
    }

    /// <summary>Counts <paramref name="rows"/> rows appended column by column (each column's <c>Append</c> called).</summary>
    public void Commit(int rows)
    {
        Count += rows;
        if (_account is not null && Count - _charged >= 1024)
        {
            // Rows committed one by one are charged a thousand at a time.
            Charge();
        }
    }

    /// <summary>Keeps only the rows listed in <paramref name="order"/>, in that order.</summary>
    public void Reorder(ReadOnlySpan<int> order)
    {
        var fresh = Batch.CreateVectors(Schema, Math.Max(order.Length, 1));
        for (var c = 0; c < Columns.Length; c++)
        {
            foreach (var row in order)
            {
                fresh[c].Append(Columns[c], row);
            }

            Columns[c].Dispose();
        }

        Columns = fresh;
        var before = Count;
        Count = order.Length;
        if (_account is not null && before > 0)
        {
            var kept = Bytes * Count / before;
            _account.Set(_account.Held - Bytes + kept);
            Bytes = kept;
            _charged = Count;
        }
    }

    public void Dispose()
    {
        foreach (var column in Columns)
        {
            column.Dispose();
        }
    }
}

/// <summary>Emits a <see cref="RowBuffer"/>'s rows (in buffer order) as batches.</summary>
internal sealed class BufferEmitter(RowBuffer buffer) : IDisposable
{
    private readonly ColumnVector[] _vectors = Batch.CreateVectors(buffer.Schema, Batch.DefaultCapacity);
    private int _position;

    public Batch? Next()
    {
        if (_position >= buffer.Count)
        {
            return null;
        }

        var count = Math.Min(Batch.DefaultCapacity, buffer.Count - _position);
        for (var c = 0; c < _vectors.Length; c++)
        {
            var vector = _vectors[c];
            vector.Reset(count);
            var source = buffer.Columns[c];
            for (var i = 0; i < count; i++)
            {
                vector.CopyRow(i, source, _position + i);
            }
        }

        _position += count;
        return new Batch(_vectors, count);
    }

    public void Dispose()
    {
        foreach (var vector in _vectors)
        {
            vector.Dispose();
        }
    }
}
