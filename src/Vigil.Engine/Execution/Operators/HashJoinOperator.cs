using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// A hash join: reads the right side into a buffer and a hash table on its encoded keys, then probes with the left
/// side's batches (rightsemi/rightanti mark matched right rows, then emit them). innerunique (Kusto's default) keeps
/// only the first left row of each key; leftouter keeps unmatched left rows with nulls on the right; rightouter adds
/// unmatched right rows with nulls on the left, fullouter both; leftsemi/leftanti keep left rows that have / have no
/// match. Null keys match nothing. Left and right key columns share their encoders, so equal values get equal key parts.
/// </summary>
internal sealed class HashJoinOperator : PhysicalOperator
{
    private readonly PhysicalOperator _left;
    private readonly PhysicalOperator _right;
    private readonly LogicalJoin _plan;
    private readonly ExpressionEvaluator[] _leftKeys;
    private readonly ExpressionEvaluator[] _rightKeys;
    private readonly GroupKeyEncoder[] _encoders;
    private readonly GroupTable _table;
    private readonly RowBuffer _rightRows;
    private readonly MemoryAccount _memory;

    /// <summary>Per key (group of <see cref="_table"/>), its first and last right row; per right row, the next one with its key.</summary>
    private int[] _first = new int[16];
    private int[] _last = new int[16];
    private int[] _next = new int[1024];
    private readonly long[] _probe;
    private RowBuffer? _output;
    private BufferEmitter? _emitter;

    public HashJoinOperator(PhysicalOperator left, PhysicalOperator right, LogicalJoin plan, QueryContext context)
        : base(plan.Schema)
    {
        _left = left;
        _right = right;
        _plan = plan;
        _leftKeys = [.. plan.LeftKeys.Select(k => new ExpressionEvaluator(k, context))];
        _rightKeys = [.. plan.RightKeys.Select(k => new ExpressionEvaluator(k, context))];
        _encoders = [.. plan.LeftKeys.Select(_ => new GroupKeyEncoder())];
        _memory = context.Account("join");
        _rightRows = new RowBuffer(right.Schema, account: _memory);
        _table = new GroupTable(plan.LeftKeys.Length * 2);
        _probe = new long[plan.LeftKeys.Length * 2];
    }

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            BuildRight();
            _output = ProbeLeft();
            _emitter = new BufferEmitter(_output);
        }

        return _emitter.Next();
    }

    private void BuildRight()
    {
        var keys = new ColumnVector[_rightKeys.Length];
        while (_right.Next() is { } batch)
        {
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = _rightKeys[k].Evaluate(batch);
            }

            var first = _rightRows.Count;
            _rightRows.Append(batch);
            if (_next.Length < _rightRows.Count)
            {
                Array.Resize(ref _next, Math.Max(_rightRows.Count, _next.Length * 2));
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var row = first + i;
                _next[row] = -1;
                if (Encode(keys, batch.RowAt(i)))
                {
                    var key = _table.FindOrAdd(_probe, out var added);
                    if (added)
                    {
                        if (key >= _first.Length)
                        {
                            Array.Resize(ref _first, _first.Length * 2);
                            Array.Resize(ref _last, _last.Length * 2);
                        }

                        _first[key] = row;
                    }
                    else
                    {
                        _next[_last[key]] = row;
                    }

                    _last[key] = row;
                }
            }

            _memory.Set(_rightRows.Bytes + _table.Bytes + (4L * (_next.Length + _first.Length + _last.Length)));
        }
    }

    /// <summary>The right rows whose key is the probe's, in arrival order.</summary>
    private List<int>? Matches()
    {
        var key = _table.Find(_probe);
        if (key < 0)
        {
            return null;
        }

        var rows = _matches;
        rows.Clear();
        for (var row = _first[key]; row >= 0; row = _next[row])
        {
            rows.Add(row);
        }

        return rows;
    }

    private readonly List<int> _matches = [];

    private RowBuffer ProbeLeft()
    {
        var output = new RowBuffer(Schema, account: _memory);
        var leftWidth = _left.Schema.Count;
        var keys = new ColumnVector[_leftKeys.Length];
        var seen = _plan.Kind == "innerunique" ? new HashSet<long[]>(KeyPartsComparer.Instance) : null;
        var rightSide = _plan.Kind is "rightsemi" or "rightanti";
        var keepsRight = _plan.Kind is "rightouter" or "fullouter";
        var matched = rightSide || keepsRight ? new bool[_rightRows.Count] : null;
        while (_left.Next() is { } batch)
        {
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = _leftKeys[k].Evaluate(batch);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch.RowAt(i);
                var hasKey = Encode(keys, row);
                if (hasKey && seen is not null)
                {
                    if (seen.Contains(_probe))
                    {
                        continue;
                    }

                    seen.Add((long[])_probe.Clone());
                }

                var matches = hasKey ? Matches() : null;
                if (matched is not null)
                {
                    foreach (var match in matches ?? [])
                    {
                        matched[match] = true;
                    }

                    if (rightSide)
                    {
                        continue;
                    }
                }

                switch (_plan.Kind)
                {
                    case "leftsemi" when matches is not null:
                    case "leftanti" when matches is null:
                        AppendLeft(output, batch, row, leftWidth);
                        output.Commit(1);
                        break;
                    case "inner" or "innerunique" or "leftouter" or "rightouter" or "fullouter" when matches is not null:
                        foreach (var match in matches)
                        {
                            AppendLeft(output, batch, row, leftWidth);
                            for (var c = 0; c < _rightRows.Columns.Length; c++)
                            {
                                output.Columns[leftWidth + c].Append(_rightRows.Columns[c], match);
                            }

                            output.Commit(1);
                        }

                        break;
                    case "leftouter" or "fullouter":
                        AppendLeft(output, batch, row, leftWidth);
                        for (var c = leftWidth; c < output.Columns.Length; c++)
                        {
                            output.Columns[c].AppendValue(ScalarValue.Null(output.Columns[c].Type));
                        }

                        output.Commit(1);
                        break;
                }
            }
        }

        if (matched is not null && keepsRight)
        {
            // rightouter and fullouter add the right rows no left row matched, with nulls on the left.
            for (var r = 0; r < matched.Length; r++)
            {
                if (!matched[r])
                {
                    for (var c = 0; c < leftWidth; c++)
                    {
                        output.Columns[c].AppendValue(ScalarValue.Null(output.Columns[c].Type));
                    }

                    for (var c = 0; c < _rightRows.Columns.Length; c++)
                    {
                        output.Columns[leftWidth + c].Append(_rightRows.Columns[c], r);
                    }

                    output.Commit(1);
                }
            }
        }
        else if (matched is not null)
        {
            // rightsemi keeps right rows that found a left match; rightanti those that did not.
            for (var r = 0; r < matched.Length; r++)
            {
                if (matched[r] == (_plan.Kind == "rightsemi"))
                {
                    for (var c = 0; c < _rightRows.Columns.Length; c++)
                    {
                        output.Columns[c].Append(_rightRows.Columns[c], r);
                    }

                    output.Commit(1);
                }
            }
        }

        return output;
    }

    private static void AppendLeft(RowBuffer output, Batch batch, int row, int leftWidth)
    {
        for (var c = 0; c < leftWidth; c++)
        {
            output.Columns[c].Append(batch.Columns[c], row);
        }
    }

    /// <summary>Encodes a row's key into the reusable probe; false when a key is null (null keys never match).</summary>
    private bool Encode(ColumnVector[] keys, int row)
    {
        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k].IsNull(row) && keys[k].Kind != PhysicalKind.String)
            {
                return false;
            }

            _encoders[k].Encode(keys[k], row, _probe.AsSpan(k * 2, 2));
        }

        return true;
    }

    public override void Dispose()
    {
        foreach (var evaluator in _leftKeys)
        {
            evaluator.Dispose();
        }

        foreach (var evaluator in _rightKeys)
        {
            evaluator.Dispose();
        }

        _emitter?.Dispose();
        _output?.Dispose();
        _rightRows.Dispose();
        _memory.Dispose();
        _left.Dispose();
        _right.Dispose();
    }
}
