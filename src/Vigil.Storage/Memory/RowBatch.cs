using System.Runtime.InteropServices;
using Vigil.Storage.Format;

namespace Vigil.Storage.Memory;

/// <summary>Rows of one table, column by column, with the time they were ingested. The unit of a WAL record.</summary>
internal sealed class RowBatch
{
    public RowBatch(string table, IReadOnlyList<ColumnDefinition> columns, long ingestionTicks)
    {
        Table = table;
        Columns = columns;
        IngestionTicks = ingestionTicks;
        Buffers = new ColumnBuffer[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            Buffers[i] = new ColumnBuffer(columns[i].Type);
        }
    }

    private RowBatch(string table, ColumnDefinition[] columns, ColumnBuffer[] buffers, long ingestionTicks)
    {
        Table = table;
        Columns = columns;
        Buffers = buffers;
        IngestionTicks = ingestionTicks;
    }

    public string Table { get; }

    public IReadOnlyList<ColumnDefinition> Columns { get; }

    public ColumnBuffer[] Buffers { get; }

    public long IngestionTicks { get; set; }

    public int RowCount => Buffers.Length == 0 ? _emptyRowCount : Buffers[0].Count;

    public long EstimatedBytes
    {
        get
        {
            long total = 0;
            foreach (var b in Buffers)
            {
                total += b.EstimatedBytes;
            }

            return total;
        }
    }

    /// <summary>Bytes of the arrays the buffers hold.</summary>
    public long CapacityBytes
    {
        get
        {
            long total = 0;
            foreach (var b in Buffers)
            {
                total += b.CapacityBytes;
            }

            return total;
        }
    }

    // A table with no columns still counts rows.
    private int _emptyRowCount;

    public void CountEmptyRow() => _emptyRowCount++;

    public void Clear()
    {
        foreach (var b in Buffers)
        {
            b.Clear();
        }

        _emptyRowCount = 0;
    }

    // Per-column flag in a WAL record: how the nulls are given, and whether values follow.
    private const byte NoNulls = 0;
    private const byte NullBitmapFollows = 1;
    private const byte AllNullNoValues = 2;
    private const byte AllEmptyNoValues = 3;

    /// <summary>
    /// Serializes for the WAL: table, ingestion time, row count, then each column's name, type, nulls, values. A
    /// column whose rows are all null (or all empty strings) is only a flag.
    /// </summary>
    public void WriteTo(Stream s)
    {
        Span<int> bits = stackalloc int[4];
        s.String(Table);
        s.I64(IngestionTicks);
        s.I32(RowCount);
        s.I32(Columns.Count);
        for (var c = 0; c < Columns.Count; c++)
        {
            var buffer = Buffers[c];
            s.String(Columns[c].Name);
            s.U8((byte)Columns[c].Type);
            switch (buffer.Uniform)
            {
                case UniformKind.AllNull:
                    s.U8(AllNullNoValues);
                    continue;
                case UniformKind.AllEmpty:
                    s.U8(AllEmptyNoValues);
                    continue;
            }

            s.U8(buffer.NullCount > 0 ? NullBitmapFollows : NoNulls);
            if (buffer.NullCount > 0)
            {
                foreach (var word in buffer.NullBitmap)
                {
                    s.U64(word);
                }
            }

            var n = buffer.Count;
            switch (buffer.Type)
            {
                case ColumnType.Real when BitConverter.IsLittleEndian:
                    s.Write(MemoryMarshal.AsBytes(buffer.Doubles));
                    break;
                case ColumnType.Real:
                    foreach (var v in buffer.Doubles)
                    {
                        s.F64(v);
                    }

                    break;
                case ColumnType.Decimal:
                    foreach (var v in buffer.Decimals)
                    {
                        decimal.GetBits(v, bits);
                        s.I32(bits[0]);
                        s.I32(bits[1]);
                        s.I32(bits[2]);
                        s.I32(bits[3]);
                    }

                    break;
                case ColumnType.Guid:
                    foreach (var v in buffer.Guids)
                    {
                        s.Guid(v);
                    }

                    break;
                case ColumnType.String or ColumnType.Dynamic:
                    if (BitConverter.IsLittleEndian)
                    {
                        s.Write(MemoryMarshal.AsBytes(buffer.Offsets[1..]));
                    }
                    else
                    {
                        for (var i = 1; i <= n; i++)
                        {
                            s.I32(buffer.Offsets[i]);
                        }
                    }

                    s.Write(buffer.Utf8Data);
                    break;
                case var _ when BitConverter.IsLittleEndian:
                    s.Write(MemoryMarshal.AsBytes(buffer.Longs));
                    break;
                default:
                    foreach (var v in buffer.Longs)
                    {
                        s.I64(v);
                    }

                    break;
            }
        }
    }

    public static RowBatch ReadFrom(ref BinaryCursor cursor)
    {
        var table = cursor.String();
        var ticks = cursor.I64();
        var rows = cursor.Count(int.MaxValue);
        var columnCount = cursor.Count(100_000);
        var columns = new ColumnDefinition[columnCount];
        var nulls = new ulong[(rows + 63) >> 6];
        var batch = new RowBatch(table, columns, new ColumnBuffer[columnCount], ticks);
        Span<int> bits = stackalloc int[4];
        for (var c = 0; c < columnCount; c++)
        {
            var name = cursor.String();
            var type = (ColumnType)cursor.U8();
            if (!ColumnTypeFacts.IsDefined(type))
            {
                ThrowHelper.Corrupt("wal", $"unknown column type {(byte)type}");
            }

            columns[c] = new ColumnDefinition(name, type);
            var buffer = new ColumnBuffer(type);
            batch.Buffers[c] = buffer;
            var flag = cursor.U8();
            if (flag is AllNullNoValues or AllEmptyNoValues)
            {
                if (flag == AllEmptyNoValues && !ColumnTypeFacts.IsText(type))
                {
                    ThrowHelper.Corrupt("wal", "empty-string flag on a non-text column");
                }

                buffer.AppendRepeated(flag == AllNullNoValues ? UniformKind.AllNull : UniformKind.AllEmpty, rows);
                continue;
            }

            if (flag > NullBitmapFollows)
            {
                ThrowHelper.Corrupt("wal", $"unknown column flag {flag}");
            }

            var hasNulls = flag == NullBitmapFollows;
            if (hasNulls)
            {
                for (var w = 0; w < nulls.Length; w++)
                {
                    nulls[w] = cursor.U64();
                }
            }

            switch (type)
            {
                case ColumnType.Real:
                    for (var i = 0; i < rows; i++)
                    {
                        buffer.AppendDouble(cursor.F64());
                    }

                    break;
                case ColumnType.Decimal:
                    for (var i = 0; i < rows; i++)
                    {
                        bits[0] = cursor.I32();
                        bits[1] = cursor.I32();
                        bits[2] = cursor.I32();
                        bits[3] = cursor.I32();
                        buffer.AppendDecimal(new decimal(bits));
                    }

                    break;
                case ColumnType.Guid:
                    for (var i = 0; i < rows; i++)
                    {
                        buffer.AppendGuid(cursor.Guid());
                    }

                    break;
                case ColumnType.String or ColumnType.Dynamic:
                    var ends = new int[rows];
                    for (var i = 0; i < rows; i++)
                    {
                        ends[i] = cursor.I32();
                    }

                    var total = rows == 0 ? 0 : ends[rows - 1];
                    var data = cursor.Bytes(total);
                    var start = 0;
                    for (var i = 0; i < rows; i++)
                    {
                        if (ends[i] < start || ends[i] > total)
                        {
                            ThrowHelper.Corrupt("wal", "string offsets out of order");
                        }

                        buffer.AppendUtf8(data[start..ends[i]]);
                        start = ends[i];
                    }

                    break;
                default:
                    if (!ColumnTypeFacts.IsDefined(type))
                    {
                        ThrowHelper.Corrupt("wal", $"unknown column type {(byte)type}");
                    }

                    for (var i = 0; i < rows; i++)
                    {
                        buffer.AppendLong(cursor.I64());
                    }

                    break;
            }

            if (hasNulls)
            {
                // Re-mark nulls: values were appended as non-null above.
                var marked = new ColumnBuffer(type);
                for (var i = 0; i < rows; i++)
                {
                    if ((nulls[i >> 6] & (1UL << i)) != 0)
                    {
                        marked.AppendNull();
                    }
                    else
                    {
                        marked.AppendFrom(buffer, i);
                    }
                }

                batch.Buffers[c] = marked;
            }
        }

        if (columnCount == 0)
        {
            batch._emptyRowCount = rows;
        }

        return batch;
    }
}
