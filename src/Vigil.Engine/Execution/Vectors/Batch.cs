using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Vectors;

/// <summary>
/// A slice of rows as column vectors plus an optional selection vector: when <see cref="Selection"/> is set, only the
/// rows it lists (ascending physical indexes, <see cref="SelectedCount"/> of them) are part of the batch, so a filter
/// drops rows without copying. A batch returned by an operator stays valid until that operator's next call; the
/// operator owns its vectors (a consumer that keeps rows copies them).
/// </summary>
internal sealed class Batch
{
    /// <summary>Rows per batch the operators produce (the storage scan cuts blocks into slices of this size).</summary>
    public const int DefaultCapacity = 2048;

    public Batch(ColumnVector[] columns, int rowCount)
    {
        Columns = columns;
        RowCount = rowCount;
    }

    /// <summary>The vectors, one per output column of the producing operator.</summary>
    public ColumnVector[] Columns { get; set; }

    /// <summary>Physical rows in each vector.</summary>
    public int RowCount { get; set; }

    /// <summary>The live physical rows, or null when all <see cref="RowCount"/> rows are live.</summary>
    public int[]? Selection { get; set; }

    public int SelectedCount { get; set; }

    /// <summary>Live rows.</summary>
    public int Count => Selection is null ? RowCount : SelectedCount;

    /// <summary>The physical index of the <paramref name="i"/>-th live row.</summary>
    public int RowAt(int i) => Selection is null ? i : Selection[i];

    public static ColumnVector[] CreateVectors(TableSchema schema, int capacity)
    {
        var vectors = new ColumnVector[schema.Count];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = new ColumnVector(schema.Columns[i].Type, capacity);
        }

        return vectors;
    }
}
