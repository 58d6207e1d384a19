using Vigil.Engine.Execution.Expressions;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Operators;

/// <summary><c>range</c>: generates from, from+step, ... up to and including to, a batch at a time.</summary>
internal sealed class RangeSource : PhysicalOperator
{
    private readonly ColumnVector _vector;
    private readonly Batch _batch;
    private readonly bool _real;
    private readonly long _fromLong, _toLong, _stepLong;
    private readonly double _fromReal, _toReal, _stepReal;
    private readonly bool _empty;
    private long _index;

    public RangeSource(LogicalRange range, QueryContext context)
        : base(range.Schema)
    {
        var from = Evaluate(range.From, context);
        var to = Evaluate(range.To, context);
        var step = Evaluate(range.Step, context);
        _vector = new ColumnVector(range.Schema.Columns[0].Type, Batch.DefaultCapacity);
        _batch = new Batch([_vector], 0);
        _real = _vector.Type is ScalarType.Real or ScalarType.Decimal;
        if (from.IsNull || to.IsNull || step.IsNull)
        {
            _empty = true;
            return;
        }

        if (_real)
        {
            _fromReal = from.Type == ScalarType.Decimal ? (double)from.Decimal : from.Real;
            _toReal = to.Type == ScalarType.Decimal ? (double)to.Decimal : to.Real;
            _stepReal = step.Type == ScalarType.Decimal ? (double)step.Decimal : step.Real;
            _empty = _stepReal == 0 || (_stepReal > 0 ? _fromReal > _toReal : _fromReal < _toReal);
        }
        else
        {
            _fromLong = from.Int64;
            _toLong = to.Int64;
            _stepLong = step.Int64;
            _empty = _stepLong == 0 || (_stepLong > 0 ? _fromLong > _toLong : _fromLong < _toLong);
        }
    }

    public override Batch? Next()
    {
        if (_empty)
        {
            return null;
        }

        _vector.Reset(Batch.DefaultCapacity);
        var count = 0;
        while (count < Batch.DefaultCapacity)
        {
            if (_real)
            {
                var value = _fromReal + (_index * _stepReal);
                if (_stepReal > 0 ? value > _toReal : value < _toReal)
                {
                    break;
                }

                if (_vector.Type == ScalarType.Decimal)
                {
                    _vector.Decimal[count] = (decimal)value;
                }
                else
                {
                    _vector.Real[count] = value;
                }
            }
            else
            {
                var value = _fromLong + (_index * _stepLong);
                if (_stepLong > 0 ? value > _toLong || value < _fromLong : value < _toLong || value > _fromLong)
                {
                    break;
                }

                _vector.Int64[count] = value;
            }

            count++;
            _index++;
        }

        if (count == 0)
        {
            return null;
        }

        _vector.Count = count;
        _batch.RowCount = count;
        _batch.Selection = null;
        return _batch;
    }

    public override void Dispose() => _vector.Dispose();

    private static ScalarValue Evaluate(ScalarExpr expression, QueryContext context)
    {
        using var evaluator = new ExpressionEvaluator(expression, context);
        return evaluator.Evaluate(new Batch([], 1)).GetValue(0);
    }
}
