using System.Buffers;
using System.Buffers.Binary;
using K4os.Compression.LZ4;
using Vigil.Storage.Format;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Extents;

/// <summary>
/// Writes one immutable extent file from complete column buffers: header, then per column an optional dictionary
/// chunk and per block a data chunk and (text columns) a term filter chunk, then the footer and trailer. Every chunk
/// carries its CRC-32C; chunks are LZ4-compressed when that saves at least an eighth.
/// </summary>
internal sealed partial class ExtentWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly MemoryStream _raw = new();
    private readonly HashSet64 _termHashes = new();
    private byte[] _compressed = [];
    private readonly string _path;

    private ExtentWriter(string path)
    {
        _path = path;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>
    /// Writes <paramref name="buffers"/> (one per column, the hidden ingestion-time column last) to a temporary
    /// file, fsyncs it and renames it to <paramref name="path"/>.
    /// </summary>
    public static ExtentMetadata Write(
        string path, Guid id, string table, IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<ColumnBuffer> buffers,
        int rowCount, int blockRows, long createdTicks) =>
        Write(path, id, table, columns, c => buffers[c], rowCount, blockRows, createdTicks);

    /// <summary>
    /// Writes an extent whose columns are produced one at a time by <paramref name="column"/> (called once per column,
    /// in order; the buffer it returns may be reused for the next column): only one column need be in memory.
    /// </summary>
    public static ExtentMetadata Write(
        string path, Guid id, string table, IReadOnlyList<ColumnDefinition> columns, Func<int, ColumnBuffer> column,
        int rowCount, int blockRows, long createdTicks)
    {
        var temp = path + DurableFile.TempSuffix;
        ExtentMetadata metadata;
        using (var writer = new ExtentWriter(temp))
        {
            metadata = writer.WriteAll(id, table, columns, column, rowCount, blockRows, createdTicks);
        }

        File.Move(temp, path, overwrite: true);
        return metadata;
    }

    public void Dispose()
    {
        _file.Dispose();
        _raw.Dispose();
    }

    private ExtentMetadata WriteAll(
        Guid id, string table, IReadOnlyList<ColumnDefinition> columns, Func<int, ColumnBuffer> column,
        int rowCount, int blockRows, long createdTicks)
    {
        WriteHeader();
        var extentColumns = new ExtentColumn[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var buffer = column(c);
            if (buffer.Count != rowCount || buffer.Type != columns[c].Type)
            {
                throw new InvalidOperationException($"column '{columns[c].Name}' has {buffer.Count} rows of {buffer.Type}, expected {rowCount} of {columns[c].Type}");
            }

            extentColumns[c] = WriteColumn(columns[c], buffer, rowCount, blockRows);
        }

        return WriteFooter(id, table, extentColumns, rowCount, blockRows, createdTicks);
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[ExtentFormat.HeaderSize];
        BinaryPrimitives.WriteUInt64LittleEndian(header, ExtentFormat.Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], ExtentFormat.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], Crc32C.Compute(header[..12]));
        _file.Write(header);
    }

    /// <summary>Writes the footer and trailer and fsyncs the file.</summary>
    private ExtentMetadata WriteFooter(Guid id, string table, ExtentColumn[] extentColumns, int rowCount, int blockRows, long createdTicks)
    {
        var metadata = new ExtentMetadata
        {
            Id = id,
            Table = table,
            CreatedTicks = createdTicks,
            RowCount = rowCount,
            BlockRows = blockRows,
            Columns = extentColumns,
        };

        _raw.SetLength(0);
        metadata.WriteTo(_raw);
        var footerOffset = _file.Position;
        var footer = _raw.GetBuffer().AsSpan(0, (int)_raw.Length);
        _file.Write(footer);
        Span<byte> trailer = stackalloc byte[ExtentFormat.TrailerSize];
        BinaryPrimitives.WriteInt64LittleEndian(trailer, footerOffset);
        BinaryPrimitives.WriteInt32LittleEndian(trailer[8..], footer.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[12..], Crc32C.Compute(footer));
        BinaryPrimitives.WriteUInt64LittleEndian(trailer[16..], ExtentFormat.Magic);
        _file.Write(trailer);
        _file.Flush(flushToDisk: true);
        return metadata;
    }

    private ExtentColumn WriteColumn(ColumnDefinition definition, ColumnBuffer buffer, int rowCount, int blockRows)
    {
        var blockCount = rowCount == 0 ? 0 : (rowCount + blockRows - 1) / blockRows;
        if (buffer.Uniform is UniformKind.AllNull or UniformKind.AllEmpty)
        {
            return WriteUniformColumn(definition, buffer.Uniform, rowCount, blockRows);
        }

        var column = new ExtentColumn { Name = definition.Name, Type = definition.Type, Blocks = new BlockInfo[blockCount] };
        int[]? codes = null;
        TermSets? dictionaryTerms = null;
        try
        {
            if (ColumnTypeFacts.IsText(definition.Type) && rowCount > 0)
            {
                codes = ArrayPool<int>.Shared.Rent(rowCount);
                var interner = new Utf8Interner(buffer, Math.Min(rowCount, 4096));
                // Dictionary-encode when values repeat enough that codes plus one copy of each value are smaller.
                var limit = Math.Min(1 << 20, Math.Max(16, rowCount / 4));
                if (interner.TryEncode(codes.AsSpan(0, rowCount), limit) && interner.Count > 0)
                {
                    column.Encoding = ExtentColumn.DictionaryEncoding;
                    column.DictionaryCount = interner.Count;
                    column.Dictionary = WriteDictionary(buffer, interner.FirstRows);
                    dictionaryTerms = TermSets.ForDictionary(buffer, interner.FirstRows);
                }
                else
                {
                    ArrayPool<int>.Shared.Return(codes);
                    codes = null;
                }
            }

            for (var b = 0; b < blockCount; b++)
            {
                var start = b * blockRows;
                var count = Math.Min(blockRows, rowCount - start);
                column.Blocks[b] = WriteBlock(column, buffer, start, count, codes, dictionaryTerms);
                if (column.Blocks[b].HasRange)
                {
                    MergeRange(column, column.Blocks[b]);
                }
            }
        }
        finally
        {
            if (codes is not null)
            {
                ArrayPool<int>.Shared.Return(codes);
            }
        }

        return column;
    }

    /// <summary>A column whose rows are all null or all empty strings, written without visiting rows.</summary>
    private ExtentColumn WriteUniformColumn(ColumnDefinition definition, UniformKind kind, int rowCount, int blockRows)
    {
        var blockCount = rowCount == 0 ? 0 : (rowCount + blockRows - 1) / blockRows;
        var column = new ExtentColumn { Name = definition.Name, Type = definition.Type, Blocks = new BlockInfo[blockCount] };
        if (kind == UniformKind.AllEmpty)
        {
            // One dictionary entry, the empty string, as the general path would find.
            column.Encoding = ExtentColumn.DictionaryEncoding;
            column.DictionaryCount = 1;
            _raw.SetLength(0);
            _raw.I32(1);
            IntegerCodec.Encode([0L], _raw);
            column.Dictionary = WriteChunk();
        }

        for (var b = 0; b < blockCount; b++)
        {
            var start = b * blockRows;
            column.Blocks[b] = WriteUniformBlock(column.Type, kind == UniformKind.AllNull, Math.Min(blockRows, rowCount - start));
        }

        return column;
    }

    private static void MergeRange(ExtentColumn column, BlockInfo block)
    {
        if (!column.HasRange)
        {
            column.HasRange = true;
            column.MinBits = block.MinBits;
            column.MaxBits = block.MaxBits;
            return;
        }

        if (column.Type == ColumnType.Real)
        {
            column.MinBits = BitConverter.DoubleToInt64Bits(Math.Min(BitConverter.Int64BitsToDouble(column.MinBits), BitConverter.Int64BitsToDouble(block.MinBits)));
            column.MaxBits = BitConverter.DoubleToInt64Bits(Math.Max(BitConverter.Int64BitsToDouble(column.MaxBits), BitConverter.Int64BitsToDouble(block.MaxBits)));
        }
        else
        {
            column.MinBits = Math.Min(column.MinBits, block.MinBits);
            column.MaxBits = Math.Max(column.MaxBits, block.MaxBits);
        }
    }

    private ChunkRef WriteDictionary(ColumnBuffer buffer, ReadOnlySpan<int> firstRows)
    {
        _raw.SetLength(0);
        _raw.I32(firstRows.Length);
        var lengths = ArrayPool<long>.Shared.Rent(firstRows.Length);
        try
        {
            for (var i = 0; i < firstRows.Length; i++)
            {
                lengths[i] = buffer.GetUtf8(firstRows[i]).Length;
            }

            IntegerCodec.Encode(lengths.AsSpan(0, firstRows.Length), _raw);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(lengths);
        }

        foreach (var row in firstRows)
        {
            _raw.Write(buffer.GetUtf8(row));
        }

        return WriteChunk(preferZstd: true);
    }

    private BlockInfo WriteBlock(ExtentColumn column, ColumnBuffer buffer, int start, int count, int[]? codes, TermSets? dictionaryTerms)
    {
        var info = new BlockInfo();
        _raw.SetLength(0);
        for (var i = start; i < start + count; i++)
        {
            if (buffer.IsNull(i))
            {
                info.NullCount++;
            }
        }

        _raw.U8(info.NullCount > 0 ? (byte)1 : (byte)0);
        if (info.NullCount > 0)
        {
            WriteNullBitmap(buffer, start, count);
        }

        switch (column.Type)
        {
            case ColumnType.Real:
                WriteReals(buffer, start, count, info);
                break;
            case ColumnType.Decimal:
                Span<int> bits = stackalloc int[4];
                for (var i = start; i < start + count; i++)
                {
                    decimal.GetBits(buffer.IsNull(i) ? 0m : buffer.GetDecimal(i), bits);
                    _raw.I32(bits[0]);
                    _raw.I32(bits[1]);
                    _raw.I32(bits[2]);
                    _raw.I32(bits[3]);
                }

                break;
            case ColumnType.Guid:
                for (var i = start; i < start + count; i++)
                {
                    _raw.Guid(buffer.IsNull(i) ? default : buffer.GetGuid(i));
                }

                break;
            case ColumnType.String or ColumnType.Dynamic:
                WriteText(buffer, start, count, codes);
                break;
            default:
                WriteIntegers(buffer, start, count, info);
                break;
        }

        info.Data = WriteChunk(preferZstd: ColumnTypeFacts.IsText(column.Type));
        if (ColumnTypeFacts.IsText(column.Type))
        {
            info.Terms = WriteTermFilter(buffer, start, count, codes, dictionaryTerms);
        }

        return info;
    }

    /// <summary>
    /// A block of a column that holds only nulls (or only empty strings): the same bytes the general path writes,
    /// without visiting rows.
    /// </summary>
    private BlockInfo WriteUniformBlock(ColumnType type, bool nulls, int count)
    {
        var info = new BlockInfo { NullCount = nulls ? count : 0 };
        _raw.SetLength(0);
        _raw.U8(nulls ? (byte)1 : (byte)0);
        if (nulls)
        {
            for (var w = 0; w < (count + 63) >> 6; w++)
            {
                var bits = Math.Min(64, count - (w * 64));
                _raw.U64(bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);
            }
        }

        var valueBytes = type switch
        {
            ColumnType.Real => 8,
            ColumnType.Decimal or ColumnType.Guid => 16,
            _ => 0,
        };
        if (valueBytes > 0)
        {
            _raw.SetLength(_raw.Length + ((long)valueBytes * count));
            _raw.Position = _raw.Length;
        }
        else
        {
            // Integers, text lengths (plain) or codes of the one empty string (dictionary): a constant run of zeros.
            IntegerCodec.Encode([0L], _raw);
        }

        info.Data = WriteChunk();
        if (ColumnTypeFacts.IsText(type))
        {
            _raw.SetLength(0);
            for (var w = 0; w < TermFilter.BitsFor(0) / 64; w++)
            {
                _raw.U64(0);
            }

            info.Terms = WriteChunk();
        }

        return info;
    }

    private void WriteNullBitmap(ColumnBuffer buffer, int start, int count)
    {
        var words = (count + 63) >> 6;
        for (var w = 0; w < words; w++)
        {
            ulong word = 0;
            var end = Math.Min(count, (w + 1) * 64);
            for (var i = w * 64; i < end; i++)
            {
                if (buffer.IsNull(start + i))
                {
                    word |= 1UL << i;
                }
            }

            _raw.U64(word);
        }
    }

    private void WriteIntegers(ColumnBuffer buffer, int start, int count, BlockInfo info)
    {
        var values = ArrayPool<long>.Shared.Rent(count);
        try
        {
            var source = buffer.Longs.Slice(start, count);
            var min = long.MaxValue;
            var max = long.MinValue;
            for (var i = 0; i < count; i++)
            {
                if (buffer.IsNull(start + i))
                {
                    // Nulls take the previous value so a near-sorted run stays delta-friendly.
                    values[i] = i > 0 ? values[i - 1] : 0;
                    continue;
                }

                var v = source[i];
                values[i] = v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            if (info.NullCount < count)
            {
                info.HasRange = true;
                info.MinBits = min;
                info.MaxBits = max;
            }

            IntegerCodec.Encode(values.AsSpan(0, count), _raw);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    private void WriteReals(ColumnBuffer buffer, int start, int count, BlockInfo info)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var any = false;
        for (var i = start; i < start + count; i++)
        {
            var v = buffer.IsNull(i) ? 0 : buffer.GetDouble(i);
            _raw.F64(v);
            if (!buffer.IsNull(i) && !double.IsNaN(v))
            {
                any = true;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        // A block holding NaN has no usable range: leave HasRange false so no predicate prunes it.
        var hasNaN = false;
        for (var i = start; i < start + count; i++)
        {
            hasNaN |= !buffer.IsNull(i) && double.IsNaN(buffer.GetDouble(i));
        }

        if (any && !hasNaN)
        {
            info.HasRange = true;
            info.MinBits = BitConverter.DoubleToInt64Bits(min);
            info.MaxBits = BitConverter.DoubleToInt64Bits(max);
        }
    }

    private void WriteText(ColumnBuffer buffer, int start, int count, int[]? codes)
    {
        var values = ArrayPool<long>.Shared.Rent(count);
        try
        {
            if (codes is not null)
            {
                for (var i = 0; i < count; i++)
                {
                    values[i] = Math.Max(0, codes[start + i]);
                }

                IntegerCodec.Encode(values.AsSpan(0, count), _raw);
                return;
            }

            var offsets = buffer.Offsets;
            for (var i = 0; i < count; i++)
            {
                values[i] = offsets[start + i + 1] - offsets[start + i];
            }

            IntegerCodec.Encode(values.AsSpan(0, count), _raw);
            _raw.Write(buffer.Utf8Data[offsets[start]..offsets[start + count]]);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    private ChunkRef WriteTermFilter(ColumnBuffer buffer, int start, int count, int[]? codes, TermSets? dictionaryTerms)
    {
        var hashes = _termHashes;
        hashes.Clear();
        if (codes is not null && dictionaryTerms is not null)
        {
            // Each distinct value's terms once per block: a code is "seen" when its stamp is this block's.
            if (_seenStamps.Length < dictionaryTerms.Count)
            {
                _seenStamps = new int[dictionaryTerms.Count];
                _stamp = 0;
            }

            var stamp = ++_stamp;
            var seen = _seenStamps;
            for (var i = start; i < start + count; i++)
            {
                var code = codes[i];
                if (code >= 0 && seen[code] != stamp)
                {
                    seen[code] = stamp;
                    foreach (var h in dictionaryTerms.Get(code))
                    {
                        hashes.Add(h);
                    }
                }
            }
        }
        else
        {
            for (var i = start; i < start + count; i++)
            {
                if (!buffer.IsNull(i))
                {
                    TermSets.AddTerms(buffer.GetUtf8(i), hashes);
                }
            }
        }

        var words = TermFilter.BitsFor(hashes.Count) / 64;
        _raw.SetLength(0);
        _raw.SetLength(words * 8L);
        var filter = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(_raw.GetBuffer().AsSpan(0, words * 8));
        foreach (var h in hashes.Slots)
        {
            if (h != 0)
            {
                TermFilter.Add(filter, h);
            }
        }

        if (!BitConverter.IsLittleEndian)
        {
            for (var w = 0; w < filter.Length; w++)
            {
                filter[w] = BinaryPrimitives.ReverseEndianness(filter[w]);
            }
        }

        return WriteChunk();
    }

    private int[] _seenStamps = [];
    private int _stamp;

    /// <summary>
    /// Writes the bytes in <see cref="_raw"/> as a chunk, compressed when that saves at least an eighth: with Zstd
    /// when <paramref name="preferZstd"/> (text, where its ratio is worth its slower decoding), else LZ4.
    /// </summary>
    private ChunkRef WriteChunk(bool preferZstd = false)
    {
        var raw = _raw.GetBuffer().AsSpan(0, (int)_raw.Length);
        var offset = _file.Position;
        if (raw.Length >= 64)
        {
            var max = preferZstd ? ZstdChunk.MaxEncodedLength(raw.Length) : LZ4Codec.MaximumOutputSize(raw.Length);
            if (_compressed.Length < max)
            {
                _compressed = new byte[max];
            }

            var written = preferZstd ? ZstdChunk.Encode(raw, _compressed) : LZ4Codec.Encode(raw, _compressed, LZ4Level.L00_FAST);
            if (written > 0 && written < raw.Length - raw.Length / 8)
            {
                var stored = _compressed.AsSpan(0, written);
                _file.Write(stored);
                return new ChunkRef(offset, written, raw.Length, preferZstd ? ChunkRef.ZstdCodec : ChunkRef.Lz4Codec, Crc32C.Compute(stored));
            }
        }

        _file.Write(raw);
        return new ChunkRef(offset, raw.Length, raw.Length, ChunkRef.NoCodec, Crc32C.Compute(raw));
    }

    public override string ToString() => _path;
}

/// <summary>The term hashes of each dictionary value, computed once per column.</summary>
internal sealed class TermSets
{
    private readonly ulong[][] _terms;

    private TermSets(ulong[][] terms)
    {
        _terms = terms;
    }

    public int Count => _terms.Length;

    public ReadOnlySpan<ulong> Get(int code) => _terms[code];

    public static TermSets ForDictionary(ColumnBuffer buffer, ReadOnlySpan<int> firstRows)
    {
        var terms = new ulong[firstRows.Length][];
        var set = new HashSet64();
        for (var code = 0; code < firstRows.Length; code++)
        {
            set.Clear();
            AddTerms(buffer.GetUtf8(firstRows[code]), set);
            terms[code] = [.. set.Values()];
        }

        return new TermSets(terms);
    }

    public static void AddTerms(ReadOnlySpan<byte> utf8, HashSet64 hashes)
    {
        var position = 0;
        while (KustoTermTokenizer.NextTerm(utf8, ref position, out var start, out var length))
        {
            if (length >= KustoTermTokenizer.MinIndexedTermLength)
            {
                hashes.Add(KustoTermTokenizer.HashTerm(utf8.Slice(start, length)));
            }
        }
    }
}
