using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// <c>sum(x)</c> and <c>avg(x)</c> over numbers and timespans; nulls are skipped, and a group whose values are all
/// null gives null. A group that got no rows at all (summarize without by over no rows, or sumif/avgif whose predicate
/// held nowhere) gives Kusto's defaults instead: sum 0, avg of reals NaN (0/0), avg of other types null.
/// Integers sum in 64-bit (wrapping), reals in double, decimals in decimal; avg of integers and reals is real.
/// </summary>
internal sealed class SumAggregator(bool average, ScalarType resultType) : Aggregator
{
    private long[] _longs = [];
    private double[] _reals = [];
    private decimal[] _decimals = [];
    private long[] _counts = [];
    private bool[] _seen = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            var row = rows[i];
            Ensure(ref _counts, g);
            Ensure(ref _longs, g);
            Ensure(ref _reals, g);
            Ensure(ref _decimals, g);
            Ensure(ref _seen, g);
            _seen[g] = true;
            if (values.IsNull(row))
            {
                continue;
            }

            _counts[g]++;
            switch (values.Kind)
            {
                case PhysicalKind.Int64:
                    _longs[g] = unchecked(_longs[g] + values.Int64[row]);
                    _reals[g] += values.Int64[row];
                    break;
                case PhysicalKind.Real:
                    _reals[g] += values.Real[row];
                    break;
                case PhysicalKind.Decimal:
                    _decimals[g] += values.Decimal[row];
                    break;
            }
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var o = (SumAggregator)other;
        for (var g = 0; g < groupMap.Length && g < o._counts.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _counts, t);
            Ensure(ref _longs, t);
            Ensure(ref _reals, t);
            Ensure(ref _decimals, t);
            Ensure(ref _seen, t);
            _counts[t] += o._counts[g];
            _longs[t] = unchecked(_longs[t] + o._longs[g]);
            _reals[t] += o._reals[g];
            _decimals[t] += o._decimals[g];
            _seen[t] |= o._seen[g];
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _counts, groupCount);
        Ensure(ref _longs, groupCount);
        Ensure(ref _reals, groupCount);
        Ensure(ref _decimals, groupCount);
        Ensure(ref _seen, groupCount);
        var output = outputs[0];
        for (var g = 0; g < groupCount; g++)
        {
            var n = _counts[g];
            if (n == 0 && _seen[g])
            {
                output.AppendValue(ScalarValue.Null(output.Type));
                continue;
            }

            if (n == 0)
            {
                output.AppendValue(average
                    ? (output.Type == ScalarType.Real ? ScalarValue.FromReal(double.NaN) : ScalarValue.Null(output.Type))
                    : output.Type switch
                    {
                        ScalarType.Real => ScalarValue.FromReal(0),
                        ScalarType.Decimal => ScalarValue.FromDecimal(0),
                        _ => ScalarValue.FromInt64(output.Type, 0),
                    });
                continue;
            }

            output.AppendValue(output.Type switch
            {
                ScalarType.Real => ScalarValue.FromReal(average ? _reals[g] / n : _reals[g]),
                ScalarType.Decimal => ScalarValue.FromDecimal(average ? _decimals[g] / n : _decimals[g]),
                ScalarType.Int => ScalarValue.FromInt64(ScalarType.Int, average ? _longs[g] / n : _longs[g]),
                _ => ScalarValue.FromInt64(resultType, average ? (long)(_reals[g] / n) : _longs[g]),
            });
        }
    }
}
