using System.Buffers;
using System.Text;
using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Storage;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// Reads a table from a storage snapshot: skips extents and blocks that the scan's range and term constraints rule
/// out (storage min/max and term filters), decodes only the needed columns of the remaining blocks, drops rows past
/// retention, cuts blocks into batches, and evaluates the pushed-down filters into the selection vector.
/// String columns stay dictionary-encoded when storage gives them so.
/// </summary>
internal sealed class ScanSource : PhysicalOperator
{
    private readonly TableSnapshot? _table;
    private readonly LogicalScan _scan;
    private readonly int[] _storageColumn;
    private readonly int[] _needed;
    private readonly ColumnBlock[] _blocks;
    private readonly ColumnBlock _retentionScratch = new();
    private readonly ColumnVector?[] _tableVectors;
    private readonly Batch _tableBatch;
    private readonly Batch _output;
    private readonly ExpressionEvaluator? _filter;
    private readonly ScanStatistics _statistics;
    private ulong[] _keep = [];
    private int[] _selection = ArrayPool<int>.Shared.Rent(Batch.DefaultCapacity);
    private int _extent = -1;
    private int _block = -1;
    private int _blockRows;
    private int _offset;
    private bool _blockHasRetention;
    private readonly ScanPart _part;
    private readonly CancellationToken _cancellation;
    private readonly int[] _extentStart;

    public ScanSource(TableSnapshot? table, LogicalScan scan, QueryContext context, ScanStatistics statistics, ScanPart? part = null)
        : base(scan.Schema)
    {
        _table = table;
        _cancellation = context.Cancellation;
        _part = part ?? ScanPart.All;
        _extentStart = table is null ? [] : ScanPart.ExtentStarts(table);
        _scan = scan;
        _statistics = statistics;
        var columns = scan.Table.Columns;
        _storageColumn = new int[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var storageIndex = table?.Schema.IndexOf(columns[i].Name) ?? -1;
            if (storageIndex >= 0 && SchemaMapping.ToScalarType(table!.Schema.Columns[storageIndex].Type) != PhysicalKinds.Normalize(columns[i].Type))
            {
                storageIndex = -1;
            }

            _storageColumn[i] = storageIndex;
        }

        var needed = new SortedSet<int>(scan.Columns);
        foreach (var filter in scan.Filters)
        {
            filter.VisitColumns(o => needed.Add(o));
        }

        _needed = [.. needed];
        _blocks = new ColumnBlock[_needed.Length];
        _tableVectors = new ColumnVector?[columns.Length];
        for (var i = 0; i < _needed.Length; i++)
        {
            _blocks[i] = new ColumnBlock();
            _tableVectors[_needed[i]] = new ColumnVector(columns[_needed[i]].Type, Batch.DefaultCapacity);
        }

        _tableBatch = new Batch(new ColumnVector[columns.Length], 0);
        for (var i = 0; i < columns.Length; i++)
        {
            _tableBatch.Columns[i] = _tableVectors[i]!;
        }

        _output = new Batch(new ColumnVector[scan.Columns.Length], 0);
        if (scan.Filters.Length > 0)
        {
            var predicate = scan.Filters[0];
            for (var i = 1; i < scan.Filters.Length; i++)
            {
                predicate = Functions.FunctionRegistry.TryBind("and", [predicate, scan.Filters[i]], ScalarType.Bool)!;
            }

            _filter = new ExpressionEvaluator(predicate, context);
        }
    }

    public override Batch? Next()
    {
        while (true)
        {
            if (_block < 0 || _offset >= _blockRows)
            {
                if (!NextBlock())
                {
                    return null;
                }
            }

            var count = Math.Min(Batch.DefaultCapacity, _blockRows - _offset);
            FillSlice(count);
            _offset += count;
            if (Select(count) > 0)
            {
                for (var i = 0; i < _scan.Columns.Length; i++)
                {
                    _output.Columns[i] = _tableBatch.Columns[_scan.Columns[i]];
                }

                _output.RowCount = count;
                _output.Selection = _tableBatch.Selection;
                _output.SelectedCount = _tableBatch.SelectedCount;
                _statistics.RowsProduced += _output.Count;
                return _output;
            }
        }
    }

    private bool NextBlock()
    {
        if (_table is null)
        {
            return false;
        }

        // Sinks above (summarize, sort, join) read a whole scan before returning: a block is the unit of cancellation.
        _cancellation.ThrowIfCancellationRequested();
        while (true)
        {
            ExtentSnapshot extent;
            if (_extent >= 0 && _block + 1 < _table.Extents[_extent].BlockCount && _extentStart[_extent] + _block + 1 < _part.End)
            {
                _block++;
                extent = _table.Extents[_extent];
            }
            else
            {
                _extent++;
                _block = -1;
                if (_extent >= _table.Extents.Count || _extentStart[_extent] >= _part.End)
                {
                    return false;
                }

                extent = _table.Extents[_extent];
                if (_extentStart[_extent] + extent.BlockCount <= _part.Start && extent.BlockCount > 0)
                {
                    // Wholly before this part of the scan (past its last block, so the loop moves on to the next extent).
                    _block = extent.BlockCount;
                    continue;
                }

                // An extent split between parts is counted by the part holding its first block.
                var owned = _extentStart[_extent] >= _part.Start;
                if (!ExtentMayMatch(extent))
                {
                    _statistics.ExtentsSkipped += owned ? 1 : 0;
                    _block = extent.BlockCount;
                    continue;
                }

                _statistics.ExtentsScanned += owned ? 1 : 0;
                if (extent.BlockCount == 0)
                {
                    continue;
                }

                _block = Math.Max(0, _part.Start - _extentStart[_extent]);
            }

            if (!BlockMayMatch(extent, _block))
            {
                _statistics.BlocksSkipped++;
                continue;
            }

            _statistics.BlocksScanned++;
            _blockRows = extent.GetBlockRowCount(_block);
            _offset = 0;
            for (var i = 0; i < _needed.Length; i++)
            {
                var storage = _storageColumn[_needed[i]];
                if (storage >= 0)
                {
                    extent.ReadBlock(storage, _block, _blocks[i]);
                }
            }

            _blockHasRetention = extent.RequiresRetentionFilter;
            if (_blockHasRetention)
            {
                var words = ColumnVector.Words(_blockRows);
                if (_keep.Length < words)
                {
                    _keep = new ulong[words];
                }

                extent.SelectRetained(_block, _retentionScratch, _keep);
            }

            return true;
        }
    }

    private bool ExtentMayMatch(ExtentSnapshot extent)
    {
        foreach (var range in _scan.Pruning.Ranges)
        {
            var storage = _storageColumn[range.Column];
            if (storage < 0)
            {
                return false;
            }

            if (extent.TryGetRange(storage, out var r) && (r.MaxInt64 < range.Min || r.MinInt64 > range.Max))
            {
                return false;
            }
        }

        return true;
    }

    private bool BlockMayMatch(ExtentSnapshot extent, int block)
    {
        foreach (var range in _scan.Pruning.Ranges)
        {
            var storage = _storageColumn[range.Column];
            if (storage >= 0 && extent.TryGetBlockRange(storage, block, out var r) && (r.MaxInt64 < range.Min || r.MinInt64 > range.Max))
            {
                return false;
            }

            if (storage >= 0 && extent.GetBlockNullCount(storage, block) == extent.GetBlockRowCount(block))
            {
                // Only nulls: no range comparison can be true.
                return false;
            }
        }

        foreach (var term in _scan.Pruning.Terms)
        {
            var storage = _storageColumn[term.Column];
            if (storage < 0)
            {
                return false;
            }

            var any = false;
            foreach (var candidate in term.AnyOf)
            {
                if (extent.BlockMayContainTerm(storage, block, candidate))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    private void FillSlice(int count)
    {
        for (var i = 0; i < _needed.Length; i++)
        {
            var vector = _tableVectors[_needed[i]]!;
            vector.Reset(count);
            if (_storageColumn[_needed[i]] < 0)
            {
                vector.Fill(Planning.Expressions.ScalarValue.Null(vector.Type), count);
                continue;
            }

            Copy(_blocks[i], _offset, count, vector);
        }

        _tableBatch.RowCount = count;
        _tableBatch.Selection = null;
    }

    private static void Copy(ColumnBlock block, int offset, int count, ColumnVector vector)
    {
        switch (block.Type)
        {
            case ColumnType.Long or ColumnType.DateTime or ColumnType.TimeSpan:
                block.Int64Values.Slice(offset, count).CopyTo(vector.Int64);
                break;
            case ColumnType.Int:
            {
                var source = block.Int32Values.Slice(offset, count);
                for (var r = 0; r < source.Length; r++)
                {
                    vector.Int64[r] = source[r];
                }

                break;
            }

            case ColumnType.Real: block.RealValues.Slice(offset, count).CopyTo(vector.Real); break;
            case ColumnType.Bool: block.BoolValues.Slice(offset, count).CopyTo(vector.Bool); break;
            case ColumnType.Decimal: block.DecimalValues.Slice(offset, count).CopyTo(vector.Decimal); break;
            case ColumnType.Guid: block.GuidValues.Slice(offset, count).CopyTo(vector.Guid); break;
            case ColumnType.String when block.IsDictionaryEncoded:
                vector.UseDictionary(block.Dictionary!);
                block.DictionaryCodes.Slice(offset, count).CopyTo(vector.Codes);
                break;
            case ColumnType.String:
                for (var r = 0; r < count; r++)
                {
                    vector.Strings[r] = Encoding.UTF8.GetString(block.GetUtf8(offset + r));
                }

                break;
            default:
                for (var r = 0; r < count; r++)
                {
                    var utf8 = block.GetUtf8(offset + r);
                    vector.Dynamic[r] = block.IsNull(offset + r) || !DynamicValue.TryParseJson(utf8, out var value) ? DynamicValue.Null : value;
                }

                break;
        }

        if (block.HasNulls)
        {
            // Slices start at multiples of 64 rows (the batch size is), so the bitmap copies word by word.
            var words = ColumnVector.Words(count);
            block.NullBitmap.Slice(offset >> 6, words).CopyTo(vector.Nulls);
            if ((count & 63) != 0)
            {
                vector.Nulls[words - 1] &= (1UL << (count & 63)) - 1;
            }

            vector.HasNulls = true;
        }
    }

    private int Select(int count)
    {
        if (_blockHasRetention)
        {
            var kept = 0;
            for (var r = 0; r < count; r++)
            {
                var row = _offset - count + r;
                if ((_keep[row >> 6] & (1UL << row)) != 0)
                {
                    _selection[kept++] = r;
                }
            }

            _tableBatch.Selection = _selection;
            _tableBatch.SelectedCount = kept;
            if (kept == 0)
            {
                return 0;
            }
        }

        return _filter is null ? _tableBatch.Count : FilterOperator.Apply(_filter.Evaluate(_tableBatch), _tableBatch, ref _selection);
    }

    public override void Dispose()
    {
        _filter?.Dispose();
        foreach (var block in _blocks)
        {
            block.Dispose();
        }

        _retentionScratch.Dispose();
        foreach (var vector in _tableVectors)
        {
            vector?.Dispose();
        }

        ArrayPool<int>.Shared.Return(_selection);
        _selection = [];
    }
}

/// <summary>
/// A contiguous range of a table's blocks, numbered across its extents in snapshot order: the unit a parallel scan
/// hands each thread. Block <see cref="Start"/> inclusive, <see cref="End"/> exclusive.
/// </summary>
internal readonly record struct ScanPart(int Start, int End)
{
    public static readonly ScanPart All = new(0, int.MaxValue);

    /// <summary>Per extent, the number of its first block.</summary>
    public static int[] ExtentStarts(TableSnapshot table)
    {
        var starts = new int[table.Extents.Count];
        var next = 0;
        for (var e = 0; e < starts.Length; e++)
        {
            starts[e] = next;
            next += table.Extents[e].BlockCount;
        }

        return starts;
    }

    /// <summary>At most <paramref name="count"/> parts of about equal numbers of blocks covering the whole table.</summary>
    public static ScanPart[] Split(TableSnapshot table, int count)
    {
        var blocks = 0;
        foreach (var extent in table.Extents)
        {
            blocks += extent.BlockCount;
        }

        count = Math.Max(1, Math.Min(count, blocks));
        var parts = new ScanPart[count];
        for (var p = 0; p < count; p++)
        {
            var start = (int)((long)blocks * p / count);
            var end = p == count - 1 ? int.MaxValue : (int)((long)blocks * (p + 1) / count);
            parts[p] = new ScanPart(p == 0 ? 0 : start, end);
        }

        return parts;
    }
}

/// <summary>What the scans of a query did (for the query statistics and pruning tests).</summary>
internal sealed class ScanStatistics
{
    public int ExtentsScanned { get; set; }

    public int ExtentsSkipped { get; set; }

    public int BlocksScanned { get; set; }

    public int BlocksSkipped { get; set; }

    public long RowsProduced { get; set; }

    /// <summary>Adds what a part of a parallel scan did.</summary>
    public void Add(ScanStatistics part)
    {
        ExtentsScanned += part.ExtentsScanned;
        ExtentsSkipped += part.ExtentsSkipped;
        BlocksScanned += part.BlocksScanned;
        BlocksSkipped += part.BlocksSkipped;
        RowsProduced += part.RowsProduced;
    }
}
