using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// <c>sort</c> and <c>top</c>: buffers the input with its key values, sorts row indexes, emits in order. With a limit
/// (top-N) the buffer is cut back to the best N rows whenever it grows past about twice that, so memory stays
/// proportional to N rather than to the input.
/// </summary>
internal sealed class SortOperator : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly IReadOnlyList<SortKey> _keys;
    private readonly long _limit;
    private readonly ExpressionEvaluator[] _keyEvaluators;
    private readonly RowBuffer _rows;
    private readonly TableSchema _bufferSchema;
    private readonly MemoryAccount _memory;
    private BufferEmitter? _emitter;

    public SortOperator(PhysicalOperator input, IReadOnlyList<SortKey> keys, long limit, QueryContext context)
        : base(input.Schema)
    {
        _input = input;
        _keys = keys;
        _limit = limit;
        _keyEvaluators = new ExpressionEvaluator[keys.Count];
        var columns = new List<ColumnSymbol>(input.Schema.Columns);
        for (var i = 0; i < keys.Count; i++)
        {
            _keyEvaluators[i] = new ExpressionEvaluator(keys[i].Expression, context);
            columns.Add(new ColumnSymbol("\u0001key" + i, keys[i].Expression.Type));
        }

        // The buffer holds the row then its key values; schema names must be unique, hence the odd key names.
        _bufferSchema = new TableSchema(columns);
        _memory = context.Account(limit < 0 ? "sort" : "top");
        _rows = new RowBuffer(_bufferSchema, account: _memory);
    }

    /// <summary>Reads and sorts the whole input now (a parallel top-N prepares its parts on their threads).</summary>
    internal void Prepare()
    {
        if (_emitter is null)
        {
            Consume();
            _emitter = new BufferEmitter(_rows);
        }
    }

    public override Batch? Next()
    {
        Prepare();
        if (_emitter!.Next() is not { } batch)
        {
            return null;
        }

        // Hide the key columns from the consumer.
        var visible = new ColumnVector[Schema.Count];
        Array.Copy(batch.Columns, visible, visible.Length);
        return new Batch(visible, batch.RowCount);
    }

    private void Consume()
    {
        var width = Schema.Count;
        var combined = new ColumnVector[width + _keys.Count];
        var threshold = _limit < 0 ? long.MaxValue : Math.Max(2 * _limit, _limit + Batch.DefaultCapacity);
        while (_input.Next() is { } batch)
        {
            Array.Copy(batch.Columns, combined, width);
            for (var k = 0; k < _keys.Count; k++)
            {
                combined[width + k] = _keyEvaluators[k].Evaluate(batch);
            }

            _rows.Append(batch, combined);
            if (_rows.Count > threshold)
            {
                SortAndCut();
            }
        }

        SortAndCut();
    }

    private void SortAndCut()
    {
        var order = new int[_rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keyColumns = new ColumnVector[_keys.Count];
        Array.Copy(_rows.Columns, Schema.Count, keyColumns, 0, keyColumns.Length);
        Array.Sort(order, new RowComparer(keyColumns, _keys));
        var keep = _limit < 0 ? order.Length : (int)Math.Min(order.Length, _limit);
        _rows.Reorder(order.AsSpan(0, keep));
    }

    public override void Dispose()
    {
        foreach (var evaluator in _keyEvaluators)
        {
            evaluator.Dispose();
        }

        _emitter?.Dispose();
        _rows.Dispose();
        _memory.Dispose();
        _input.Dispose();
    }
}
