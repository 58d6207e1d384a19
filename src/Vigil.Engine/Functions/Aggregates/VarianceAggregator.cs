using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>
/// <c>variance</c>/<c>variancep</c>/<c>stdev</c>/<c>stdevp</c> (and their <c>*if</c> forms through
/// <see cref="ConditionalAggregator"/>): Welford's running mean and sum of squared deviations per group (numerically stable).
/// The sample forms use Bessel's correction and give 0 for a single value. Values all null give null; a group that got
/// no rows at all (summarize without by over no rows, or an *if whose predicate held nowhere) gives Kusto's default:
/// 0 for variance/stdev, null for variancep/stdevp.
/// </summary>
internal sealed class VarianceAggregator(bool sample, bool squareRoot) : Aggregator
{
    private long[] _counts = [];
    private double[] _means = [];
    private double[] _squares = [];
    private bool[] _seen = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = arguments[0];
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Grow(g);
            _seen[g] = true;
            if (!NumericInput.TryRead(values, rows[i], out var x))
            {
                continue;
            }

            var n = ++_counts[g];
            var delta = x - _means[g];
            _means[g] += delta / n;
            _squares[g] += delta * (x - _means[g]);
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Grow(groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var n = _counts[g];
            double? variance = n == 0 ? (sample && !_seen[g] ? 0 : null)
                : sample ? (n < 2 ? 0 : _squares[g] / (n - 1))
                : _squares[g] / n;
            outputs[0].AppendValue(variance is { } v ? ScalarValue.FromReal(squareRoot ? Math.Sqrt(v) : v) : ScalarValue.Null(Kql.Symbols.ScalarType.Real));
        }
    }

    /// <summary>Chan's parallel formula: counts, means and squared deviations of two parts combine exactly.</summary>
    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var o = (VarianceAggregator)other;
        for (var g = 0; g < groupMap.Length && g < o._counts.Length; g++)
        {
            var t = groupMap[g];
            Grow(t);
            _seen[t] |= o._seen[g];
            var m = o._counts[g];
            if (m == 0)
            {
                continue;
            }

            var n = _counts[t] + m;
            var delta = o._means[g] - _means[t];
            _squares[t] += o._squares[g] + (delta * delta * _counts[t] * m / n);
            _means[t] += delta * m / n;
            _counts[t] = n;
        }
    }

    private void Grow(int g)
    {
        Ensure(ref _counts, g);
        Ensure(ref _means, g);
        Ensure(ref _squares, g);
        Ensure(ref _seen, g);
    }
}

/// <summary>
/// <c>covariance</c>/<c>covariancep</c> (and their <c>*if</c> forms): running means and co-moment per group over rows
/// where both values are present. The sample form gives 0 for a single pair; both give null without pairs.
/// </summary>
internal sealed class CovarianceAggregator(bool sample) : Aggregator
{
    private long[] _counts = [];
    private double[] _meansX = [];
    private double[] _meansY = [];
    private double[] _comoments = [];

    public override void Update(ReadOnlySpan<ColumnVector> arguments, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var g = groups[i];
            Ensure(ref _counts, g);
            Ensure(ref _meansX, g);
            Ensure(ref _meansY, g);
            Ensure(ref _comoments, g);
            if (!NumericInput.TryRead(arguments[0], rows[i], out var x) || !NumericInput.TryRead(arguments[1], rows[i], out var y))
            {
                continue;
            }

            var n = ++_counts[g];
            var dx = x - _meansX[g];
            _meansX[g] += dx / n;
            _meansY[g] += (y - _meansY[g]) / n;
            _comoments[g] += dx * (y - _meansY[g]);
        }
    }

    public override void Merge(Aggregator other, ReadOnlySpan<int> groupMap)
    {
        var o = (CovarianceAggregator)other;
        for (var g = 0; g < groupMap.Length && g < o._counts.Length; g++)
        {
            var t = groupMap[g];
            Ensure(ref _counts, t);
            Ensure(ref _meansX, t);
            Ensure(ref _meansY, t);
            Ensure(ref _comoments, t);
            var m = o._counts[g];
            if (m == 0)
            {
                continue;
            }

            var n = _counts[t] + m;
            var dx = o._meansX[g] - _meansX[t];
            var dy = o._meansY[g] - _meansY[t];
            _comoments[t] += o._comoments[g] + (dx * dy * _counts[t] * m / n);
            _meansX[t] += dx * m / n;
            _meansY[t] += dy * m / n;
            _counts[t] = n;
        }
    }

    public override void Finish(int groupCount, ReadOnlySpan<ColumnVector> outputs)
    {
        Ensure(ref _counts, groupCount);
        Ensure(ref _comoments, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var n = _counts[g];
            if (n == 0)
            {
                outputs[0].AppendValue(ScalarValue.Null(Kql.Symbols.ScalarType.Real));
                continue;
            }

            outputs[0].AppendValue(ScalarValue.FromReal(sample ? (n < 2 ? 0 : _comoments[g] / (n - 1)) : _comoments[g] / n));
        }
    }
}
