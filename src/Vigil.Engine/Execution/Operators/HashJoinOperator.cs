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
    private readonly Dictionary<long[], List<int>> _table = new(KeyPartsComparer.Instance);
    private readonly RowBuffer _rightRows;
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
        _rightRows = new RowBuffer(right.Schema);
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
            for (var i = 0; i < batch.Count; i++)
            {
                if (Encode(keys, batch.RowAt(i)))
                {
                    if (!_table.TryGetValue(_probe, out var rows))
                    {
                        rows = [];
                        _table.Add((long[])_probe.Clone(), rows);
                    }

                    rows.Add(first + i);
                }
            }
        }
    }

    private RowBuffer ProbeLeft()
    {
        var output = new RowBuffer(Schema);
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

                var matches = hasKey && _table.TryGetValue(_probe, out var rows) ? rows : null;
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
        _left.Dispose();
        _right.Dispose();
    }
}
