using Vigil.Engine.Execution.Vectors;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// Rows kept by a blocking operator (sort, top-N) or a result: growable column vectors plus helpers to append the
/// live rows of a batch and to emit rows back as batches in a given order.
/// </summary>
internal sealed class RowBuffer : IDisposable
{
    public RowBuffer(TableSchema schema, int capacity = Batch.DefaultCapacity)
    {
        Schema = schema;
        Columns = Batch.CreateVectors(schema, capacity);
    }

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
    }

    /// <summary>Counts <paramref name="rows"/> rows appended column by column (each column's <c>Append</c> called).</summary>
    public void Commit(int rows) => Count += rows;

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
        Count = order.Length;
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
