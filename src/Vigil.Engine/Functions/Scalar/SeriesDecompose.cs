using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// series_decompose, series_decompose_anomalies and series_decompose_forecast, as the reference describes them: the
/// seasonal component is the median of the points of the same phase (period given, or detected by
/// series_periods_detect when -1 and kept when its score exceeds the seasonality threshold); the trend is fitted to
/// the series minus its seasonal part (avg: its average, linefit: least squares line, none: 0); baseline = seasonal +
/// trend; residual = series - baseline. The last test_points are left out of the learning and extrapolated.
/// Anomalies score the residual with Tukey's fence test (series_outliers) and flag scores beyond the threshold.
/// </summary>
internal static class SeriesDecompose
{
    private const double DefaultSeasonalityThreshold = 0.6;

    /// <summary>The decomposition of a series.</summary>
    internal sealed record Components(double[] Baseline, double[] Seasonal, double[] Trend, double[] Residual);

    /// <summary>series_decompose(series [, seasonality, trend, test_points, seasonality_threshold]).</summary>
    public static ScalarValue Decompose(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        if (x is null || !TryOptions(arguments, 1, 2, 3, 4, out var seasonality, out var trend, out var testPoints, out var threshold))
        {
            return DynamicArgs.NullDynamic;
        }

        var parts = Run(x, seasonality, trend, testPoints, threshold);
        return DynamicArgs.Array([Series(parts.Baseline), Series(parts.Seasonal), Series(parts.Trend), Series(parts.Residual)]);
    }

    /// <summary>
    /// series_decompose_forecast(series, points [, seasonality, trend, seasonality_threshold]): the baseline, learned
    /// without the last points. Its trend defaults to linefit (the reference's forecast page), not avg.
    /// </summary>
    public static ScalarValue Forecast(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        if (x is null || !DynamicArgs.TryLong(arguments[1], out var points) || points < 0
            || !TryOptions(arguments, 2, 3, -1, 4, out var seasonality, out var trend, out _, out var threshold, defaultTrend: "linefit"))
        {
            return DynamicArgs.NullDynamic;
        }

        return DynamicArgs.Dynamic(Series(Run(x, seasonality, trend, points, threshold).Baseline));
    }

    /// <summary>
    /// series_decompose_anomalies(series [, threshold, seasonality, trend, test_points, method, seasonality_threshold]):
    /// [ad_flag, ad_score, baseline].
    /// </summary>
    public static ScalarValue Anomalies(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        var k = 1.5;
        if (x is null || (Given(arguments, 1) && !DynamicArgs.TryReal(arguments[1], out k))
            || !TryOptions(arguments, 2, 3, 4, 6, out var seasonality, out var trend, out var testPoints, out var threshold))
        {
            return DynamicArgs.NullDynamic;
        }

        var method = Given(arguments, 5) ? arguments[5].String : "ctukey";
        var (low, high) = method switch
        {
            "ctukey" or "" => (10.0, 90.0),
            "tukey" => (25.0, 75.0),
            _ => (double.NaN, double.NaN),
        };
        if (double.IsNaN(low))
        {
            return DynamicArgs.NullDynamic;
        }

        var parts = Run(x, seasonality, trend, testPoints, threshold);
        var trained = Trained(x.Length, testPoints);
        var learned = new List<double>(trained);
        for (var i = 0; i < trained; i++)
        {
            if (double.IsFinite(parts.Residual[i]))
            {
                learned.Add(parts.Residual[i]);
            }
        }

        learned.Sort();
        var lowQuantile = Quantile(learned, low / 100);
        var highQuantile = Quantile(learned, high / 100);
        var width = highQuantile - lowQuantile;
        var flags = new DynamicValue[x.Length];
        var scores = new DynamicValue[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var r = parts.Residual[i];
            var score = !double.IsFinite(r) || width <= 0 ? 0
                : r > highQuantile ? (r - highQuantile) / width
                : r < lowQuantile ? (r - lowQuantile) / width
                : 0;
            scores[i] = DynamicValue.FromReal(score);
            flags[i] = DynamicValue.FromLong(score > k ? 1 : score < -k ? -1 : 0);
        }

        return DynamicArgs.Array([DynamicValue.WrapArray(flags), DynamicValue.WrapArray(scores), Series(parts.Baseline)]);
    }

    /// <summary>
    /// series_seasonal(series [, -1 [, test_points]]): the seasonal component of the period series_periods_detect finds
    /// with a score above 0.7 (the reference's threshold for series_seasonal), zeros when none.
    /// </summary>
    public static ScalarValue DetectedSeasonal(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        long testPoints = 0;
        if (x is null || (Given(arguments, 2) && (!DynamicArgs.TryLong(arguments[2], out testPoints) || testPoints < 0)))
        {
            return DynamicArgs.NullDynamic;
        }

        return DynamicArgs.Dynamic(Series(Run(x, -1, "none", testPoints, 0.7).Seasonal));
    }

    /// <summary>The decomposition; <paramref name="seasonality"/> -1 detects the period.</summary>
    public static Components Run(double[] x, long seasonality, string trend, long testPoints, double seasonalityThreshold)
    {
        var n = x.Length;
        var trained = Trained(n, testPoints);
        var period = seasonality;
        if (period < 0)
        {
            var detected = SeriesPeriods.Detect(x[..trained], 4, trained / 2.0, 1);
            period = detected.Count > 0 && detected[0].Score > seasonalityThreshold ? detected[0].Period : 0;
        }

        var seasonal = new double[n];
        if (period > 0 && period <= trained)
        {
            var medians = new double[period];
            var phase = new List<double>();
            for (var p = 0; p < period; p++)
            {
                phase.Clear();
                for (var i = p; i < trained; i += (int)period)
                {
                    if (double.IsFinite(x[i]))
                    {
                        phase.Add(x[i]);
                    }
                }

                medians[p] = Median(phase);
            }

            for (var i = 0; i < n; i++)
            {
                seasonal[i] = medians[i % period];
            }
        }

        var trendPart = new double[n];
        if (trend is "avg" or "linefit")
        {
            // Fitted over the deseasoned training points.
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            var count = 0;
            for (var i = 0; i < trained; i++)
            {
                if (!double.IsFinite(x[i]))
                {
                    continue;
                }

                var y = x[i] - seasonal[i];
                sx += i;
                sy += y;
                sxx += (double)i * i;
                sxy += i * y;
                count++;
            }

            var mean = count == 0 ? 0 : sy / count;
            var denominator = (count * sxx) - (sx * sx);
            var slope = trend == "linefit" && count > 1 && denominator != 0 ? ((count * sxy) - (sx * sy)) / denominator : 0;
            var intercept = count == 0 ? 0 : (sy - (slope * sx)) / count;
            for (var i = 0; i < n; i++)
            {
                trendPart[i] = trend == "linefit" ? intercept + (slope * i) : mean;
            }
        }

        var baseline = new double[n];
        var residual = new double[n];
        for (var i = 0; i < n; i++)
        {
            baseline[i] = seasonal[i] + trendPart[i];
            residual[i] = x[i] - baseline[i];
        }

        return new Components(baseline, seasonal, trendPart, residual);
    }

    /// <summary>Reads seasonality, trend, test_points and seasonality_threshold at the given positions (-1: absent).</summary>
    private static bool TryOptions(
        ReadOnlySpan<ScalarValue> arguments, int seasonalityAt, int trendAt, int testPointsAt, int thresholdAt,
        out long seasonality, out string trend, out long testPoints, out double threshold, string defaultTrend = "avg")
    {
        seasonality = -1;
        trend = defaultTrend;
        testPoints = 0;
        threshold = DefaultSeasonalityThreshold;
        if (Given(arguments, seasonalityAt) && (!DynamicArgs.TryLong(arguments[seasonalityAt], out seasonality) || seasonality < -1))
        {
            return false;
        }

        if (Given(arguments, trendAt))
        {
            trend = arguments[trendAt].String;
            trend = trend.Length == 0 ? defaultTrend : trend;
            if (trend is not ("avg" or "linefit" or "none"))
            {
                return false;
            }
        }

        if (testPointsAt >= 0 && Given(arguments, testPointsAt) && (!DynamicArgs.TryLong(arguments[testPointsAt], out testPoints) || testPoints < 0))
        {
            return false;
        }

        return !Given(arguments, thresholdAt) || DynamicArgs.TryReal(arguments[thresholdAt], out threshold);
    }

    private static bool Given(ReadOnlySpan<ScalarValue> arguments, int index) =>
        index >= 0 && index < arguments.Length && !arguments[index].IsNull;

    private static int Trained(int length, long testPoints) => (int)Math.Max(0, length - Math.Min(testPoints, length));

    private static DynamicValue Series(double[] values)
    {
        var items = new DynamicValue[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            items[i] = double.IsNaN(values[i]) ? DynamicValue.Null : DynamicValue.FromReal(values[i]);
        }

        return DynamicValue.WrapArray(items);
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

    private static double Quantile(List<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
