using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Whole-series analysis: series_stats(_dynamic), series_fit_line(_dynamic), the fills, series_iir, series_fir and
/// series_seasonal. Functions that Kusto expands into several columns (series_stats, series_fit_line) return here a
/// dynamic array of their values in the binder's tuple order; the planner spreads it over the columns.
/// </summary>
internal static class SeriesAnalysis
{
    private static readonly string[] StatsNames = ["min", "min_idx", "max", "max_idx", "avg", "stdev", "variance", "sum", "len"];
    private static readonly string[] FitLineNames = ["rsquare", "slope", "variance", "rvariance", "interception", "line_fit"];

    /// <summary>
    /// series_stats (<paramref name="asBag"/> false: the tuple) / series_stats_dynamic (a bag, with sum and len too):
    /// sample variance and stdev, first positions of min and max. A non-finite element (null, NaN, inf, non-number)
    /// makes every statistic null unless ignore_nonfinite is true, which skips them.
    /// </summary>
    public static RowKernel Stats(bool asBag) => arguments =>
    {
        if (!DynamicArgs.TryArray(arguments[0], out var items))
        {
            return DynamicArgs.NullDynamic;
        }

        var ignoreNonFinite = arguments.Length > 1 && DynamicArgs.TryBool(arguments[1], out var flag) && flag;
        double min = double.NaN, max = double.NaN, sum = 0;
        long minIndex = -1, maxIndex = -1, count = 0;
        var values = new List<double>(items.Length);
        var nonFinite = false;
        for (var i = 0; i < items.Length; i++)
        {
            if (!DynamicArgs.TryNumber(items[i], out var x) || !double.IsFinite(x))
            {
                nonFinite = true;
                continue;
            }

            if (minIndex < 0 || x < min)
            {
                min = x;
                minIndex = i;
            }

            if (maxIndex < 0 || x > max)
            {
                max = x;
                maxIndex = i;
            }

            sum += x;
            count++;
            values.Add(x);
        }

        var stats = new DynamicValue[StatsNames.Length];
        Array.Fill(stats, DynamicValue.Null);
        if (count > 0 && (ignoreNonFinite || !nonFinite))
        {
            var variance = SampleVariance(values);
            stats =
            [
                DynamicValue.FromReal(min), DynamicValue.FromLong(minIndex), DynamicValue.FromReal(max), DynamicValue.FromLong(maxIndex),
                DynamicValue.FromReal(sum / count), DynamicValue.FromReal(Math.Sqrt(variance)), DynamicValue.FromReal(variance),
                DynamicValue.FromReal(sum), DynamicValue.FromLong(count),
            ];
        }

        return asBag ? Bag(StatsNames, stats) : DynamicArgs.Array(stats[..7]);
    };

    /// <summary>series_fit_line / series_fit_line_dynamic: least squares over x = 1, 2, ..., n.</summary>
    public static RowKernel FitLine(bool asBag) => arguments =>
    {
        var y = SeriesMath.Reals(arguments[0]);
        if (y is null)
        {
            return DynamicArgs.NullDynamic;
        }

        var n = y.Length;
        double mx = (n + 1) / 2.0, my = 0;
        foreach (var v in y)
        {
            my += v;
        }

        my /= Math.Max(n, 1);
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i + 1 - mx) * (y[i] - my);
            sxx += (i + 1 - mx) * (i + 1 - mx);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        var interception = my - (slope * mx);
        var fit = new DynamicValue[n];
        var residuals = new List<double>(n);
        double residualSquares = 0, totalSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var value = interception + (slope * (i + 1));
            fit[i] = DynamicValue.FromReal(value);
            residuals.Add(y[i] - value);
            residualSquares += (y[i] - value) * (y[i] - value);
            totalSquares += (y[i] - my) * (y[i] - my);
        }

        var rsquare = totalSquares == 0 ? (residualSquares == 0 ? 1 : 0) : 1 - (residualSquares / totalSquares);
        DynamicValue[] result =
        [
            DynamicValue.FromReal(rsquare), DynamicValue.FromReal(slope), DynamicValue.FromReal(SampleVariance([.. y])),
            DynamicValue.FromReal(SampleVariance(residuals)), DynamicValue.FromReal(interception), DynamicValue.WrapArray(fit),
        ];
        return asBag ? Bag(FitLineNames, result) : DynamicArgs.Array(result);
    };

    public enum FillKind
    {
        Forward,
        Backward,
        Constant,
        Linear,
    }

    /// <summary>
    /// series_fill_forward/backward(series [, missing]), series_fill_const(series [, constant [, missing]]),
    /// series_fill_linear(series [, missing [, fill_edges [, constant]]]). Missing elements are nulls, or those equal
    /// to the placeholder when one is given.
    /// </summary>
    public static RowKernel Fill(FillKind kind) => arguments =>
    {
        if (!DynamicArgs.TryArray(arguments[0], out var items))
        {
            return DynamicArgs.NullDynamic;
        }

        var placeholderIndex = kind == FillKind.Constant ? 2 : 1;
        var placeholder = arguments.Length > placeholderIndex ? DynamicArgs.ToDynamic(arguments[placeholderIndex]) : DynamicValue.Null;
        var missing = new bool[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            missing[i] = placeholder.IsNull ? items[i].IsNull : items[i].Equals(placeholder);
        }

        var result = items.ToArray();
        switch (kind)
        {
            case FillKind.Forward:
                for (var i = 1; i < result.Length; i++)
                {
                    if (missing[i] && !missing[i - 1])
                    {
                        result[i] = result[i - 1];
                        missing[i] = false;
                    }
                }

                break;
            case FillKind.Backward:
                for (var i = result.Length - 2; i >= 0; i--)
                {
                    if (missing[i] && !missing[i + 1])
                    {
                        result[i] = result[i + 1];
                        missing[i] = false;
                    }
                }

                break;
            case FillKind.Constant:
                var constant = arguments.Length > 1 ? DynamicArgs.ToDynamic(arguments[1]) : DynamicValue.FromReal(0);
                for (var i = 0; i < result.Length; i++)
                {
                    if (missing[i])
                    {
                        result[i] = constant;
                    }
                }

                break;
            default:
                FillLinear(arguments, result, missing);
                break;
        }

        return DynamicArgs.Array(result);
    };

    private static void FillLinear(ReadOnlySpan<ScalarValue> arguments, DynamicValue[] result, bool[] missing)
    {
        var fillEdges = arguments.Length <= 2 || arguments[2].IsNull || !DynamicArgs.TryBool(arguments[2], out var edges) || edges;
        var integers = true;
        var first = -1;
        var last = -1;
        for (var i = 0; i < result.Length; i++)
        {
            if (!missing[i] && DynamicArgs.TryNumber(result[i], out _))
            {
                integers &= result[i].Kind == DynamicKind.Long;
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            var constant = arguments.Length > 3 && !arguments[3].IsNull ? DynamicArgs.ToDynamic(arguments[3]) : DynamicValue.FromReal(0);
            Array.Fill(result, constant);
            return;
        }

        var previous = first;
        for (var i = first + 1; i <= last; i++)
        {
            if (missing[i] || !DynamicArgs.TryNumber(result[i], out _))
            {
                continue;
            }

            if (i - previous > 1)
            {
                DynamicArgs.TryNumber(result[previous], out var from);
                DynamicArgs.TryNumber(result[i], out var to);
                for (var j = previous + 1; j < i; j++)
                {
                    var value = from + ((to - from) * (j - previous) / (i - previous));
                    result[j] = integers && KqlArithmetic.TryTruncateToLong(value, out var whole) ? DynamicValue.FromLong(whole) : DynamicValue.FromReal(value);
                }
            }

            previous = i;
        }

        if (fillEdges)
        {
            for (var i = 0; i < first; i++)
            {
                result[i] = result[first];
            }

            for (var i = last + 1; i < result.Length; i++)
            {
                result[i] = result[last];
            }
        }
    }

    /// <summary>series_iir(x, numerators, denominators): y[n] = (Σ b[i]·x[n-i] − Σ_{j≥1} a[j]·y[n-j]) / a[0].</summary>
    public static ScalarValue Iir(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        var b = SeriesMath.Reals(arguments[1]);
        var a = SeriesMath.Reals(arguments[2]);
        if (x is null || b is null || a is null || a.Length == 0 || a[0] == 0 || b.Length == 0)
        {
            return DynamicArgs.NullDynamic;
        }

        var y = new double[x.Length];
        var result = new DynamicValue[x.Length];
        for (var n = 0; n < x.Length; n++)
        {
            var sum = 0.0;
            for (var i = 0; i < b.Length && i <= n; i++)
            {
                sum += b[i] * ZeroIfNaN(x[n - i]);
            }

            for (var j = 1; j < a.Length && j <= n; j++)
            {
                sum -= a[j] * y[n - j];
            }

            y[n] = sum / a[0];
            result[n] = DynamicValue.FromReal(y[n]);
        }

        return DynamicArgs.Array(result);
    }

    /// <summary>series_fir(x, filter [, normalize = true [, center = false]]): a finite impulse response filter; values outside the series count as 0.</summary>
    public static ScalarValue Fir(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        var filter = SeriesMath.Reals(arguments[1]);
        if (x is null || filter is null || filter.Length == 0)
        {
            return DynamicArgs.NullDynamic;
        }

        // normalize defaults to true unless the filter has a negative coefficient; asked for with one, the result is null.
        var negative = filter.Any(f => f < 0);
        var normalize = arguments.Length > 2 && DynamicArgs.TryBool(arguments[2], out var n) ? n : !negative;
        var center = arguments.Length > 3 && DynamicArgs.TryBool(arguments[3], out var c) && c;
        if (normalize)
        {
            var total = 0.0;
            foreach (var f in filter)
            {
                total += f;
            }

            if (total == 0 || negative)
            {
                return DynamicArgs.NullDynamic;
            }

            for (var i = 0; i < filter.Length; i++)
            {
                filter[i] /= total;
            }
        }

        var shift = center ? (filter.Length - 1) / 2 : 0;
        var result = new DynamicValue[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            var sum = 0.0;
            for (var i = 0; i < filter.Length; i++)
            {
                var source = t - i + shift;
                if (source >= 0 && source < x.Length)
                {
                    sum += filter[i] * ZeroIfNaN(x[source]);
                }
            }

            result[t] = DynamicValue.FromReal(sum);
        }

        return DynamicArgs.Array(result);
    }

    /// <summary>
    /// series_seasonal(series, period [, test_points]): each point's phase median over the cycles. A period that is
    /// not positive (other than -1, detection, which the registry leaves unsupported) means no seasonality: zeros.
    /// </summary>
    public static ScalarValue Seasonal(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        if (x is null || !DynamicArgs.TryLong(arguments[1], out var period))
        {
            return DynamicArgs.NullDynamic;
        }

        period = Math.Max(period, 0);

        var testPoints = arguments.Length > 2 && DynamicArgs.TryLong(arguments[2], out var t) ? Math.Clamp(t, 0, x.Length) : 0;
        var result = new DynamicValue[x.Length];
        if (period == 0 || period > x.Length)
        {
            Array.Fill(result, DynamicValue.FromReal(0));
            return DynamicArgs.Array(result);
        }

        var trained = x.Length - testPoints;
        var medians = new double[period];
        for (var phase = 0; phase < period; phase++)
        {
            var values = new List<double>();
            for (var i = phase; i < trained; i += (int)period)
            {
                if (!double.IsNaN(x[i]))
                {
                    values.Add(x[i]);
                }
            }

            medians[phase] = Median(values);
        }

        for (var i = 0; i < x.Length; i++)
        {
            result[i] = DynamicValue.FromReal(medians[i % period]);
        }

        return DynamicArgs.Array(result);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double ZeroIfNaN(double value) => double.IsNaN(value) ? 0 : value;

    private static double SampleVariance(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        // (n·Σx² − (Σx)²) / (n·(n−1)): the form whose rounding matches the reference's printed digits.
        double sum = 0, squares = 0;
        foreach (var v in values)
        {
            sum += v;
            squares += v * v;
        }

        double n = values.Count;
        return Math.Max(0, ((n * squares) - (sum * sum)) / (n * (n - 1)));
    }

    private static ScalarValue Bag(string[] names, DynamicValue[] values) =>
        DynamicArgs.Dynamic(DynamicValue.FromBag(DynamicPropertyBag.FromPairs(names, values)));
}
