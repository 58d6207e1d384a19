using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary><c>binary_all_and</c>/<c>binary_all_or</c>/<c>binary_all_xor</c>: the bitwise fold of a group's non-null integers (null without any).</summary>
internal sealed class BinaryAggregator(BinaryAggregator.Operation operation, ScalarType resultType) : Aggregator
{
    public enum Operation
    {
        And,
        Or,
        Xor,
    }

    private long[] _values = [];
    private bool[] _has = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _values, g);
            Ensure(ref _has, g);
            var row = rows[i];
            if (values.IsNull(row) || values.Kind != PhysicalKind.Int64)
            {
                continue;
            }

            var x = values.Int64[row];
            _values[g] = !_has[g] ? x : operation switch
            {
                Operation.And => _values[g] & x,
                Operation.Or => _values[g] | x,
                _ => _values[g] ^ x,
            };
            _has[g] = true;
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var o = (BinaryAggregator)other;
        for (var g = 0; g < groupMap.Length && g < o._has.Length; g++)
        {
            if (!o._has[g])
            {
                continue;
            }

            var t = groupMap[g];
            Ensure(ref _values, t);
            Ensure(ref _has, t);
            var x = o._values[g];
            _values[t] = !_has[t] ? x : operation switch
            {
                Operation.And => _values[t] & x,
                Operation.Or => _values[t] | x,
                _ => _values[t] ^ x,
            };
            _has[t] = true;
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _values, groupCount);
        Ensure(ref _has, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            outputs[0].AppendValue(_has[g] ? ScalarValue.FromInt64(resultType, resultType == ScalarType.Int ? (int)_values[g] : _values[g]) : ScalarValue.Null(resultType));
        }
    }
}
