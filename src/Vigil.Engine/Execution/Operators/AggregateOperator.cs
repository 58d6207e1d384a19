using System.Buffers;
using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Functions.Aggregates;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// <c>summarize</c> as a hash aggregation: group keys are encoded to 64-bit parts (<see cref="GroupKeyEncoder"/>),
/// looked up without allocating, and each aggregate updates per-group state a batch at a time. Without group keys
/// there is exactly one group, so <c>summarize count()</c> over no rows gives one row with 0. The hash table, the
/// group keys and the aggregates' state count against the query's memory budget. A parallel scan runs one instance
/// per part (<see cref="Accumulate"/>) and merges the parts in scan order (<see cref="MergeFrom"/>), so groups come
/// out in the order of their first row, as serially.
/// </summary>
internal sealed class AggregateOperator : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly LogicalAggregate _plan;
    private readonly ExpressionEvaluator[] _groupEvaluators;
    private readonly GroupKeyEncoder[] _encoders;
    private readonly Aggregator[] _aggregators;
    private readonly ExpressionEvaluator[][] _argumentEvaluators;
    private readonly GroupTable _groups;
    private readonly ColumnVector[] _keyValues;
    private readonly MemoryAccount _memory;
    private readonly long[] _probe;
    private long _keyBytes;
    private bool _accumulated;
    private RowBuffer? _result;
    private BufferEmitter? _emitter;

    public AggregateOperator(PhysicalOperator input, LogicalAggregate plan, QueryContext context)
        : base(plan.Schema)
    {
        _input = input;
        _plan = plan;
        _groupEvaluators = new ExpressionEvaluator[plan.Groups.Count];
        _encoders = new GroupKeyEncoder[plan.Groups.Count];
        _keyValues = new ColumnVector[plan.Groups.Count];
        for (var i = 0; i < _groupEvaluators.Length; i++)
        {
            _groupEvaluators[i] = new ExpressionEvaluator(plan.Groups[i].Expression, context);
            _encoders[i] = new GroupKeyEncoder();
            _keyValues[i] = new ColumnVector(plan.Groups[i].Expression.Type, 64);
        }

        _groups = new GroupTable(plan.Groups.Count * 2);
        _probe = new long[plan.Groups.Count * 2];
        _memory = context.Account("summarize");
        _aggregators = new Aggregator[plan.Aggregates.Count];
        _argumentEvaluators = new ExpressionEvaluator[plan.Aggregates.Count][];
        for (var a = 0; a < _aggregators.Length; a++)
        {
            var (aggregator, arguments) = AggregateRegistry.Create(plan.Aggregates[a], context.NowTicks);
            _aggregators[a] = aggregator;
            _argumentEvaluators[a] = new ExpressionEvaluator[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                _argumentEvaluators[a][i] = new ExpressionEvaluator(arguments[i], context);
            }
        }
    }

    public override Batch? Next()
    {
        if (_emitter is null)
        {
            _result = Consume();
            _emitter = new BufferEmitter(_result);
        }

        return _emitter.Next();
    }

    private RowBuffer Consume()
    {
        if (!_accumulated)
        {
            Accumulate();
        }

        return Finish();
    }

    /// <summary>Reads the whole input into the groups' states.</summary>
    internal void Accumulate()
    {
        _accumulated = true;
        var keyWidth = _groupEvaluators.Length * 2;
        var probe = _probe;
        var groupVectors = new ColumnVector[_groupEvaluators.Length];
        var rows = ArrayPool<int>.Shared.Rent(Batch.DefaultCapacity);
        var groupOfRow = ArrayPool<int>.Shared.Rent(Batch.DefaultCapacity);
        try
        {
            while (_input.Next() is { } batch)
            {
                var live = batch.Count;
                if (rows.Length < live)
                {
                    ArrayPool<int>.Shared.Return(rows);
                    ArrayPool<int>.Shared.Return(groupOfRow);
                    rows = ArrayPool<int>.Shared.Rent(live);
                    groupOfRow = ArrayPool<int>.Shared.Rent(live);
                }

                for (var k = 0; k < groupVectors.Length; k++)
                {
                    groupVectors[k] = _groupEvaluators[k].Evaluate(batch);
                }

                for (var i = 0; i < live; i++)
                {
                    var row = batch.RowAt(i);
                    rows[i] = row;
                    groupOfRow[i] = keyWidth == 0 ? 0 : FindGroup(groupVectors, row, probe);
                }

                for (var a = 0; a < _aggregators.Length; a++)
                {
                    var evaluators = _argumentEvaluators[a];
                    var arguments = new ColumnVector[evaluators.Length];
                    for (var i = 0; i < evaluators.Length; i++)
                    {
                        arguments[i] = evaluators[i].Evaluate(batch);
                    }

                    _aggregators[a].Update(arguments, rows.AsSpan(0, live), groupOfRow.AsSpan(0, live));
                }

                ChargeMemory();
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<int>.Shared.Return(groupOfRow);
        }
    }

    /// <summary>
    /// Adds the groups and states of <paramref name="part"/> (the same summarize over a later part of the scan):
    /// its keys are re-encoded with this instance's encoders, new groups are appended in the part's order.
    /// </summary>
    internal void MergeFrom(AggregateOperator part)
    {
        var groupCount = _groupEvaluators.Length == 0 ? 1 : part._groups.Count;
        var map = new int[groupCount];
        if (_groupEvaluators.Length > 0)
        {
            for (var g = 0; g < groupCount; g++)
            {
                map[g] = FindGroup(part._keyValues, g, _probe);
            }
        }

        for (var a = 0; a < _aggregators.Length; a++)
        {
            _aggregators[a].Merge(part._aggregators[a], map);
        }

        ChargeMemory();
    }

    /// <summary>The result rows: one per group, keys then aggregates.</summary>
    private RowBuffer Finish()
    {
        var groupCount = _groupEvaluators.Length == 0 ? 1 : _groups.Count;
        var outputs = new ColumnVector[Schema.Count];
        for (var k = 0; k < _keyValues.Length; k++)
        {
            outputs[k] = _keyValues[k];
        }

        var position = _keyValues.Length;
        for (var a = 0; a < _aggregators.Length; a++)
        {
            var produced = _plan.Aggregates[a].Outputs;
            var slice = new ColumnVector[produced.Length];
            for (var o = 0; o < produced.Length; o++)
            {
                slice[o] = new ColumnVector(produced[o].Type, Math.Max(groupCount, 1));
                outputs[position + o] = slice[o];
            }

            _aggregators[a].Finish(groupCount, slice);
            position += produced.Length;
        }

        return new RowBuffer(Schema, outputs, groupCount);
    }

    private int FindGroup(ColumnVector[] groupVectors, int row, long[] probe)
    {
        for (var k = 0; k < groupVectors.Length; k++)
        {
            _encoders[k].Encode(groupVectors[k], row, probe.AsSpan(k * 2, 2));
        }

        var group = _groups.FindOrAdd(probe, out var added);
        if (added)
        {
            for (var k = 0; k < groupVectors.Length; k++)
            {
                _keyValues[k].Append(groupVectors[k], row);
                _keyBytes += groupVectors[k].Kind == PhysicalKind.String ? 8 + (2L * groupVectors[k].GetString(row).Length) : 16;
            }
        }

        return group;
    }

    /// <summary>Charges the hash table, the keys and the aggregates' state (per group, plus what they hold) to the budget.</summary>
    private void ChargeMemory()
    {
        long state = 0;
        foreach (var aggregator in _aggregators)
        {
            state += aggregator.StateBytes + (16L * _groups.Count);
        }

        _memory.Set(_groups.Bytes + _keyBytes + state);
    }

    public override void Dispose()
    {
        foreach (var evaluator in _groupEvaluators)
        {
            evaluator.Dispose();
        }

        foreach (var evaluators in _argumentEvaluators)
        {
            foreach (var evaluator in evaluators)
            {
                evaluator.Dispose();
            }
        }

        _emitter?.Dispose();
        if (_result is not null)
        {
            _result.Dispose();
        }
        else
        {
            foreach (var vector in _keyValues)
            {
                vector.Dispose();
            }
        }

        _memory.Dispose();
        _input.Dispose();
    }
}
