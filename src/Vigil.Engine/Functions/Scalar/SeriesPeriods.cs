using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// series_periods_detect and series_periods_validate. The reference fixes the interface (periods of at least 4 points
/// and at most half the series, scores between 0 and 1, zeros when nothing is found) but not the method; Vigil's:
/// candidate periods are the peaks of the periodogram of the mean-removed series inside the searched range, each
/// refined to the whole lag with the highest autocorrelation between the neighbouring frequencies' periods. A
/// period's score is the autocorrelation of the series at that lag (normalised for the overlap, clamped to [0, 1]),
/// 0 when below the 95% band of white noise (2/sqrt(n)). Harmonics (multiples of a better period) are dropped.
/// </summary>
internal static class SeriesPeriods
{
    /// <summary>The shortest period the reference allows.</summary>
    private const int MinPeriod = 4;

    /// <summary>series_periods_detect(series, min_period, max_period, num_periods): [periods, scores].</summary>
    public static ScalarValue Detect(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        if (x is null || !DynamicArgs.TryReal(arguments[1], out var minPeriod) || !DynamicArgs.TryReal(arguments[2], out var maxPeriod)
            || !DynamicArgs.TryLong(arguments[3], out var count) || count < 0 || count > 1024)
        {
            return DynamicArgs.NullDynamic;
        }

        var found = Detect(x, minPeriod, maxPeriod, (int)count);
        var periods = new DynamicValue[count];
        var scores = new DynamicValue[count];
        for (var i = 0; i < count; i++)
        {
            periods[i] = i < found.Count ? DynamicValue.FromLong(found[i].Period) : DynamicValue.FromLong(0);
            scores[i] = i < found.Count ? DynamicValue.FromReal(found[i].Score) : DynamicValue.FromLong(0);
        }

        return DynamicArgs.Array([DynamicValue.WrapArray(periods), DynamicValue.WrapArray(scores)]);
    }

    /// <summary>series_periods_validate(series, period1 [, period2, ...]): [periods as given, scores].</summary>
    public static ScalarValue Validate(ReadOnlySpan<ScalarValue> arguments)
    {
        var x = SeriesMath.Reals(arguments[0]);
        if (x is null || arguments.Length > 17)
        {
            return DynamicArgs.NullDynamic;
        }

        var acf = Autocorrelations(Centered(x));
        var periods = new DynamicValue[arguments.Length - 1];
        var scores = new DynamicValue[arguments.Length - 1];
        for (var i = 1; i < arguments.Length; i++)
        {
            if (!DynamicArgs.TryReal(arguments[i], out var period))
            {
                return DynamicArgs.NullDynamic;
            }

            periods[i - 1] = DynamicValue.FromReal(period);
            scores[i - 1] = DynamicValue.FromReal(period < MinPeriod || period > x.Length / 2.0 ? 0 : ScoreAt(acf, period));
        }

        return DynamicArgs.Array([DynamicValue.WrapArray(periods), DynamicValue.WrapArray(scores)]);
    }

    /// <summary>The detected periods, best first (at most <paramref name="count"/>).</summary>
    public static List<(long Period, double Score)> Detect(double[] x, double minPeriod, double maxPeriod, int count)
    {
        var result = new List<(long Period, double Score)>();
        var n = x.Length;
        var low = Math.Max(MinPeriod, (int)Math.Ceiling(minPeriod));
        // Below half the series: a period must repeat more than twice to be told from a one-off shape (the
        // reference's series_seasonal example: a 12-point series of two 6-point cycles has no detectable period).
        var high = (int)Math.Min((n - 1) / 2, Math.Floor(Math.Min(maxPeriod, int.MaxValue)));
        if (count == 0 || low > high)
        {
            return result;
        }

        var centered = Centered(x);
        var power = Periodogram(centered);
        var acf = Autocorrelations(centered);
        var candidates = new List<(long Period, double Score)>();
        for (var k = 1; k < power.Length; k++)
        {
            var before = k > 1 ? power[k - 1] : 0;
            var after = k + 1 < power.Length ? power[k + 1] : 0;
            if (power[k] <= 0 || power[k] < before || power[k] < after)
            {
                continue;
            }

            // The lags this frequency stands for: between the periods of its two neighbouring frequencies.
            var from = Math.Max(low, (int)Math.Floor((double)n / (k + 1)));
            var to = Math.Min(high, k > 1 ? (int)Math.Ceiling((double)n / (k - 1)) : high);
            long best = 0;
            var bestScore = 0.0;
            for (var lag = from; lag <= to; lag++)
            {
                var score = ScoreAt(acf, lag);
                if (score > bestScore)
                {
                    best = lag;
                    bestScore = score;
                }
            }

            if (best > 0)
            {
                candidates.Add((best, bestScore));
            }
        }

        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Period.CompareTo(b.Period));
        foreach (var candidate in candidates)
        {
            if (result.Count == count)
            {
                break;
            }

            if (!result.Exists(r => IsMultiple(candidate.Period, r.Period)))
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="period"/> is (within one point) a whole multiple of <paramref name="basis"/>, or the same.</summary>
    private static bool IsMultiple(long period, long basis)
    {
        var times = Math.Max(1, (long)Math.Round((double)period / basis));
        return Math.Abs(period - (times * basis)) <= times - 1 || period == basis;
    }

    /// <summary>The series minus its mean, missing values (NaN) at the mean.</summary>
    private static double[] Centered(double[] x)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in x)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                count++;
            }
        }

        var mean = count == 0 ? 0 : sum / count;
        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = double.IsFinite(x[i]) ? x[i] - mean : 0;
        }

        return result;
    }

    /// <summary>The score of a (possibly fractional) period: the autocorrelation interpolated between whole lags.</summary>
    private static double ScoreAt(double[] acf, double period)
    {
        var below = (int)Math.Floor(period);
        var fraction = period - below;
        var score = fraction == 0 ? At(acf, below) : ((1 - fraction) * At(acf, below)) + (fraction * At(acf, below + 1));
        return score < 2 / Math.Sqrt(acf.Length) ? 0 : Math.Min(score, 1);
    }

    private static double At(double[] acf, int lag) => lag > 0 && lag < acf.Length ? acf[lag] : 0;

    /// <summary>The autocorrelation at each lag, each side averaged over its overlap (n - lag products).</summary>
    private static double[] Autocorrelations(double[] centered)
    {
        var n = centered.Length;
        var sums = Fourier.AutocorrelationSums(centered);
        var result = new double[n];
        var variance = n == 0 ? 0 : sums[0] / n;
        for (var lag = 1; lag < n && variance > 0; lag++)
        {
            result[lag] = sums[lag] / (n - lag) / variance;
        }

        return result;
    }

    /// <summary>The power at frequencies k/n for k = 0 .. n/2.</summary>
    private static double[] Periodogram(double[] centered)
    {
        var re = (double[])centered.Clone();
        var im = new double[re.Length];
        Fourier.Transform(re, im, inverse: false);
        var power = new double[(re.Length / 2) + 1];
        for (var k = 1; k < power.Length; k++)
        {
            power[k] = (re[k] * re[k]) + (im[k] * im[k]);
        }

        return power;
    }
}
