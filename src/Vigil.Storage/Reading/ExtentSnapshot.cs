using System.Buffers;
using Vigil.Storage.Extents;

namespace Vigil.Storage;

/// <summary>
/// One immutable extent as a snapshot sees it, with column ordinals of the table schema. Blocks are the unit of
/// pruning and decoding: check <see cref="TryGetBlockRange"/> and <see cref="BlockMayContainTerm"/>, then
/// <see cref="ReadBlock"/> into a reusable <see cref="ColumnBlock"/>. Safe for concurrent reads (each thread with its
/// own ColumnBlock). A failed checksum throws <see cref="StorageCorruptionException"/> and takes the extent out of
/// service (quarantine) for later snapshots.
/// </summary>
public sealed class ExtentSnapshot
{
    private readonly Workspace _workspace;
    private readonly TableSchema _schema;
    private readonly int[] _map;
    private readonly int _retentionColumn;

    internal ExtentSnapshot(Workspace workspace, ExtentReader reader, TableSchema schema, long retentionCutoffTicks)
    {
        _workspace = workspace;
        Reader = reader;
        _schema = schema;
        var metadata = reader.Metadata;
        _map = new int[schema.Columns.Count];
        for (var c = 0; c < _map.Length; c++)
        {
            var i = metadata.IndexOf(schema.Columns[c].Name);
            _map[c] = i >= 0 && metadata.Columns[i].Type == schema.Columns[c].Type ? i : -1;
        }

        var timeIndex = schema.TimeColumnIndex >= 0 ? _map[schema.TimeColumnIndex] : -1;
        _retentionColumn = timeIndex >= 0 ? timeIndex : metadata.Columns.Length - 1;
        RetentionCutoffTicks = retentionCutoffTicks;
        var (min, _) = Workspace.RetentionRange(reader, schema);
        RequiresRetentionFilter = min < retentionCutoffTicks;
        var ingestion = metadata.Columns[^1];
        MinIngestionTime = new DateTime(ingestion.MinBits, DateTimeKind.Utc);
        MaxIngestionTime = new DateTime(ingestion.MaxBits, DateTimeKind.Utc);
    }

    internal ExtentReader Reader { get; }

    /// <summary>The extent's identity (stable for its life; merges make new extents).</summary>
    public Guid Id => Reader.Metadata.Id;

    public int RowCount => Reader.Metadata.RowCount;

    /// <summary>Bytes the extent's file takes on disk.</summary>
    public long SizeBytes => Reader.FileLength;

    public int BlockCount => Reader.Metadata.BlockCount;

    /// <summary>Rows per block (the last block may hold fewer).</summary>
    public int BlockRows => Reader.Metadata.BlockRows;

    /// <summary>Earliest and latest ingestion time of the extent's rows (per row: <see cref="ReadIngestionTimes"/>).</summary>
    public DateTime MinIngestionTime { get; }

    public DateTime MaxIngestionTime { get; }

    /// <summary>
    /// True when some rows are past retention: the reader must drop rows whose retention time is before
    /// <see cref="RetentionCutoffTicks"/> (use <see cref="SelectRetained"/>).
    /// </summary>
    public bool RequiresRetentionFilter { get; }

    public long RetentionCutoffTicks { get; }

    public int GetBlockRowCount(int block) => Math.Min(BlockRows, RowCount - block * BlockRows);

    /// <summary>Whether the extent stores the column (columns added later read as all null in older extents).</summary>
    public bool HasColumn(int column) => _map[column] >= 0;

    /// <summary>Whether the text column is dictionary-encoded in this extent.</summary>
    public bool IsDictionaryEncoded(int column) =>
        _map[column] >= 0 && Reader.Metadata.Columns[_map[column]].Encoding == ExtentColumn.DictionaryEncoding;

    /// <summary>The extent-wide min/max of a column; false when unknown or no non-null values.</summary>
    public bool TryGetRange(int column, out ColumnRange range)
    {
        var i = _map[column];
        if (i < 0 || !Reader.Metadata.Columns[i].HasRange)
        {
            range = default;
            return false;
        }

        var info = Reader.Metadata.Columns[i];
        range = ColumnRange.From(info.Type, info.MinBits, info.MaxBits);
        return true;
    }

    /// <summary>The min/max of a column within a block; false when unknown or the block holds only nulls.</summary>
    public bool TryGetBlockRange(int column, int block, out ColumnRange range)
    {
        var i = _map[column];
        if (i < 0 || !Reader.Metadata.Columns[i].Blocks[block].HasRange)
        {
            range = default;
            return false;
        }

        var info = Reader.Metadata.Columns[i].Blocks[block];
        range = ColumnRange.From(Reader.Metadata.Columns[i].Type, info.MinBits, info.MaxBits);
        return true;
    }

    /// <summary>Number of null rows of a column in a block.</summary>
    public int GetBlockNullCount(int column, int block) =>
        _map[column] < 0 ? GetBlockRowCount(block) : Reader.Metadata.Columns[_map[column]].Blocks[block].NullCount;

    /// <summary>
    /// False only when no value of the text column in the block contains <paramref name="term"/> as a whole term
    /// (case-insensitive, <see cref="KustoTermTokenizer"/> rules). Returns true (cannot rule out) for terms shorter
    /// than <see cref="KustoTermTokenizer.MinIndexedTermLength"/> or that are not a single term.
    /// </summary>
    public bool BlockMayContainTerm(int column, int block, ReadOnlySpan<char> term)
    {
        if (term.Length < KustoTermTokenizer.MinIndexedTermLength || !KustoTermTokenizer.IsSingleTerm(term))
        {
            return true;
        }

        var i = _map[column];
        if (i < 0)
        {
            return false;
        }

        if (!ColumnTypeFacts.IsText(Reader.Metadata.Columns[i].Type))
        {
            return true;
        }

        ulong[] filter;
        try
        {
            filter = _workspace.TermFilters.GetOrRead(Reader.Metadata.Id, i, block, (Reader, i, block), ReadTermFilter);
        }
        catch (StorageCorruptionException e)
        {
            _workspace.OnCorruption(Reader, e);
            throw;
        }

        return ReferenceEquals(filter, NoFilter) || TermFilter.MayContain(filter, KustoTermTokenizer.HashTerm(term));
    }

    // Stands for a block without a term filter (it may contain anything).
    private static readonly ulong[] NoFilter = [];

    private static ulong[] ReadTermFilter((ExtentReader Reader, int Column, int Block) at)
    {
        var stored = Array.Empty<byte>();
        var raw = Array.Empty<byte>();
        try
        {
            return at.Reader.TryReadTermFilter(at.Column, at.Block, ref stored, ref raw, out var filter) ? filter.ToArray() : NoFilter;
        }
        finally
        {
            if (stored.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(stored);
            }

            if (raw.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(raw);
            }
        }
    }

    /// <summary>Whether any block may contain the term (see <see cref="BlockMayContainTerm"/>).</summary>
    public bool MayContainTerm(int column, ReadOnlySpan<char> term)
    {
        for (var b = 0; b < BlockCount; b++)
        {
            if (BlockMayContainTerm(column, b, term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes a block of a table column (by table ordinal) into <paramref name="destination"/>.</summary>
    public void ReadBlock(int column, int block, ColumnBlock destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if ((uint)block >= (uint)BlockCount)
        {
            throw new ArgumentOutOfRangeException(nameof(block));
        }

        var i = _map[column];
        if (i < 0)
        {
            FillNulls(_schema.Columns[column].Type, GetBlockRowCount(block), destination);
            return;
        }

        Decode(i, block, destination);
    }

    /// <summary>Decodes the per-row ingestion times (datetime ticks) of a block.</summary>
    public void ReadIngestionTimes(int block, ColumnBlock destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Decode(Reader.Metadata.Columns.Length - 1, block, destination);
    }

    /// <summary>
    /// Marks in <paramref name="keep"/> (one bit per row of the block) the rows within retention; returns how many.
    /// <paramref name="scratch"/> is used to decode the time column.
    /// </summary>
    public int SelectRetained(int block, ColumnBlock scratch, Span<ulong> keep)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var count = GetBlockRowCount(block);
        Decode(_retentionColumn, block, scratch);
        keep[..((count + 63) >> 6)].Clear();
        var kept = 0;
        var times = scratch.Int64Values;
        for (var r = 0; r < count; r++)
        {
            if (scratch.IsNull(r) || times[r] >= RetentionCutoffTicks)
            {
                keep[r >> 6] |= 1UL << r;
                kept++;
            }
        }

        return kept;
    }

    private void Decode(int extentColumn, int block, ColumnBlock destination)
    {
        try
        {
            BlockDecoder.Decode(Reader, extentColumn, block, destination);
        }
        catch (StorageCorruptionException e)
        {
            _workspace.OnCorruption(Reader, e);
            throw;
        }
    }

    private static void FillNulls(ColumnType type, int count, ColumnBlock destination)
    {
        destination.Type = type;
        destination.Count = count;
        destination.Dictionary = null;
        destination.HasNulls = true;
        var words = (count + 63) >> 6;
        var nulls = ColumnBlock.Ensure(ref destination.Nulls, Math.Max(1, words));
        nulls.AsSpan(0, words).Fill(ulong.MaxValue);
        switch (type)
        {
            case ColumnType.Real: ColumnBlock.Ensure(ref destination.Doubles, count).AsSpan(0, count).Clear(); break;
            case ColumnType.Decimal: ColumnBlock.Ensure(ref destination.Decimals, count).AsSpan(0, count).Clear(); break;
            case ColumnType.Guid: ColumnBlock.Ensure(ref destination.Guids, count).AsSpan(0, count).Clear(); break;
            case ColumnType.Int: ColumnBlock.Ensure(ref destination.Ints, count).AsSpan(0, count).Clear(); break;
            case ColumnType.Bool: ColumnBlock.Ensure(ref destination.Bools, count).AsSpan(0, count).Clear(); break;
            case ColumnType.String or ColumnType.Dynamic:
                ColumnBlock.Ensure(ref destination.Offsets, count + 1).AsSpan(0, count + 1).Clear();
                destination.Utf8Length = 0;
                break;
        }

        ColumnBlock.Ensure(ref destination.Longs, Math.Max(1, count)).AsSpan(0, count).Clear();
    }
}
