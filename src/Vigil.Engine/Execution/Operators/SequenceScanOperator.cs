using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// <c>scan</c>, record by record as the reference describes it: every record is checked against the steps from the
/// last to the first. Check 1: when the previous step has an active sequence and the record meets the step's
/// condition (with that sequence's state), the sequence moves to this step and the extended record joins it.
/// Otherwise check 2: when this step has an active sequence (or is the first step) and the condition holds (with
/// this step's state), the record replaces this step's values; a first step starting from empty opens a new match id.
/// Steps' expressions are evaluated over a one-row batch holding the record and every step's state record.
/// </summary>
internal sealed class SequenceScanOperator : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly LogicalSequenceScan _scan;
    private readonly QueryContext _context;
    private readonly int _width;
    private readonly ColumnVector[] _row;
    private readonly Batch _rowBatch;
    private readonly ExpressionEvaluator[] _conditions;
    private readonly ExpressionEvaluator[][] _assignments;
    private readonly State?[] _states;
    private readonly ScalarValue[]?[] _pendingLast;
    private readonly long[] _pendingMatch;
    private readonly ColumnVector[] _output;
    private long _lastMatchId = -1;
    private bool _finished;

    public SequenceScanOperator(PhysicalOperator input, LogicalSequenceScan scan, QueryContext context)
        : base(scan.Schema)
    {
        _input = input;
        _scan = scan;
        _context = context;
        _width = scan.RecordWidth;
        var evaluation = scan.EvaluationSchema;
        _row = Batch.CreateVectors(evaluation, 1);
        _rowBatch = new Batch(_row, 1);
        var steps = scan.Steps;
        _conditions = new ExpressionEvaluator[steps.Count];
        _assignments = new ExpressionEvaluator[steps.Count][];
        for (var k = 0; k < steps.Count; k++)
        {
            _conditions[k] = new ExpressionEvaluator(steps[k].Condition, context);
            _assignments[k] = [.. steps[k].Assignments.Select(a => new ExpressionEvaluator(a.Value, context))];
        }

        _states = new State?[steps.Count];
        _pendingLast = new ScalarValue[]?[steps.Count];
        _pendingMatch = new long[steps.Count];
        _output = Batch.CreateVectors(scan.Schema, Batch.DefaultCapacity);
    }

    public override Batch? Next()
    {
        while (!_finished)
        {
            foreach (var vector in _output)
            {
                vector.Reset(0);
            }

            var batch = _input.Next();
            if (batch is null)
            {
                for (var k = 0; k < _pendingLast.Length; k++)
                {
                    FlushLast(k);
                }

                _finished = true;
            }
            else
            {
                _context.Cancellation.ThrowIfCancellationRequested();
                for (var i = 0; i < batch.Count; i++)
                {
                    Process(batch, batch.RowAt(i));
                }
            }

            if (_output[0].Count > 0 || (_output.Length > 0 && _output[^1].Count > 0))
            {
                return new Batch(_output, _output[0].Count);
            }
        }

        return null;
    }

    private void Process(Batch batch, int row)
    {
        var record = new ScalarValue[_width];
        var inputWidth = _scan.Input.Schema.Count;
        for (var c = 0; c < inputWidth; c++)
        {
            record[c] = batch.Columns[c].GetValue(row);
        }

        for (var c = inputWidth; c < _width; c++)
        {
            record[c] = _scan.DeclaredDefaults[c - inputWidth];
        }

        for (var k = _states.Length - 1; k >= 0; k--)
        {
            // Check 1: the previous step's sequence advances to this step.
            if (k > 0 && _states[k - 1] is { } previous && Holds(k, record, previous))
            {
                FlushLast(k);
                var moved = previous.Promote(k);
                _states[k - 1] = null;
                FlushLast(k - 1);
                var extended = Extend(k, record, moved);
                moved.Records[k] = extended;
                _states[k] = moved;
                Emit(k, extended, moved.MatchId);
                continue;
            }

            // Check 2: the step's own sequence (or a new one at the first step) takes the record.
            var own = _states[k];
            if ((own is not null || k == 0) && Holds(k, record, own))
            {
                var extended = Extend(k, record, own);
                if (own is null)
                {
                    own = new State(_states.Length, ++_lastMatchId);
                    _states[k] = own;
                }

                own.Records[k] = extended;
                Emit(k, extended, own.MatchId);
            }
        }
    }

    private bool Holds(int step, ScalarValue[] record, State? state)
    {
        Load(record, state);
        var result = _conditions[step].Evaluate(_rowBatch);
        return !result.IsNull(0) && result.Bool[0];
    }

    /// <summary>The record with the step's assignments applied (computed against <paramref name="state"/>).</summary>
    private ScalarValue[] Extend(int step, ScalarValue[] record, State? state)
    {
        var assignments = _scan.Steps[step].Assignments;
        var extended = (ScalarValue[])record.Clone();
        if (assignments.Count == 0)
        {
            return extended;
        }

        Load(record, state);
        var values = new ScalarValue[assignments.Count];
        for (var a = 0; a < assignments.Count; a++)
        {
            values[a] = _assignments[step][a].Evaluate(_rowBatch).GetValue(0);
        }

        for (var a = 0; a < assignments.Count; a++)
        {
            extended[assignments[a].Column] = values[a];
        }

        return extended;
    }

    /// <summary>Fills the one-row batch: the record, then each step's state record (empty slots: nulls and declared defaults).</summary>
    private void Load(ScalarValue[] record, State? state)
    {
        for (var c = 0; c < _row.Length; c++)
        {
            _row[c].Reset(1);
        }

        for (var c = 0; c < _width; c++)
        {
            _row[c].SetValue(0, record[c]);
        }

        var inputWidth = _scan.Input.Schema.Count;
        for (var s = 0; s < _states.Length; s++)
        {
            var slot = state?.Records[s];
            var offset = _width * (s + 1);
            for (var c = 0; c < _width; c++)
            {
                var value = slot is not null ? slot[c]
                    : c >= inputWidth ? _scan.DeclaredDefaults[c - inputWidth]
                    : ScalarValue.Null(_row[offset + c].Type);
                _row[offset + c].SetValue(0, value);
            }
        }
    }

    private void Emit(int step, ScalarValue[] extended, long matchId)
    {
        switch (_scan.Steps[step].Output)
        {
            case ScanStepOutput.All:
                Append(extended, matchId);
                break;
            case ScanStepOutput.Last:
                _pendingLast[step] = extended;
                _pendingMatch[step] = matchId;
                break;
        }
    }

    /// <summary>output=last: the held record of a run of matches goes out when the run ends.</summary>
    private void FlushLast(int step)
    {
        if (_pendingLast[step] is { } held)
        {
            Append(held, _pendingMatch[step]);
            _pendingLast[step] = null;
        }
    }

    private void Append(ScalarValue[] extended, long matchId)
    {
        for (var c = 0; c < _width; c++)
        {
            _output[c].AppendValue(extended[c]);
        }

        if (_scan.WithMatchId)
        {
            _output[_width].AppendValue(ScalarValue.FromLong(matchId));
        }
    }

    public override void Dispose()
    {
        foreach (var vector in _row)
        {
            vector.Dispose();
        }

        foreach (var vector in _output)
        {
            vector.Dispose();
        }

        foreach (var evaluator in _conditions)
        {
            evaluator.Dispose();
        }

        foreach (var evaluators in _assignments)
        {
            foreach (var evaluator in evaluators)
            {
                evaluator.Dispose();
            }
        }

        _input.Dispose();
    }

    /// <summary>A step's active sequence: the last record matched at each step so far, and its match id.</summary>
    private sealed class State(int steps, long matchId)
    {
        public ScalarValue[]?[] Records { get; } = new ScalarValue[]?[steps];

        public long MatchId { get; } = matchId;

        /// <summary>This sequence, moved on to step <paramref name="step"/> (whose own record is set by the caller).</summary>
        public State Promote(int step)
        {
            var moved = new State(Records.Length, MatchId);
            for (var s = 0; s < step; s++)
            {
                moved.Records[s] = Records[s];
            }

            return moved;
        }
    }
}
