using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// series_outliers(series [, kind [, ignore_val [, min_percentile [, max_percentile]]]]): Tukey's test per element.
/// The low and high quantiles (25/75 for "tukey", min/max_percentile, default 10/90, for "ctukey") bound the normal
/// range; an element above it scores its distance from the high quantile in units of the range's width, below it
/// the (negative) distance from the low quantile, inside it 0. Nulls and ignore_val elements score 0. Quantiles
/// interpolate linearly between the sorted values.
/// </summary>
internal static class SeriesOutliers
{
    public static ScalarValue Score(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var items))
        {
            return DynamicArgs.NullDynamic;
        }

        var kind = arguments.Length > 1 && !arguments[1].IsNull ? arguments[1].String : "ctukey";
        kind = kind.Length == 0 ? "ctukey" : kind;
        var ignore = arguments.Length > 2 ? DynamicArgs.ToDynamic(arguments[2]) : DynamicValue.Null;
        var low = 10.0;
        var high = 90.0;
        if (kind == "tukey")
        {
            low = 25;
            high = 75;
        }
        else if (kind != "ctukey")
        {
            return DynamicArgs.NullDynamic;
        }
        else
        {
            if (arguments.Length > 3 && !arguments[3].IsNull && !DynamicArgs.TryReal(arguments[3], out low))
            {
                return DynamicArgs.NullDynamic;
            }

            if (arguments.Length > 4 && !arguments[4].IsNull && !DynamicArgs.TryReal(arguments[4], out high))
            {
                return DynamicArgs.NullDynamic;
            }

            if (low is < 2 or > 98 || high is < 2 or > 98 || low >= high)
            {
                return DynamicArgs.NullDynamic;
            }
        }

        var values = new List<double>(items.Length);
        var usable = new bool[items.Length];
        var numbers = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!items[i].IsNull && !(!ignore.IsNull && items[i].Equals(ignore)) && DynamicArgs.TryNumber(items[i], out var x) && !double.IsNaN(x))
            {
                usable[i] = true;
                numbers[i] = x;
                values.Add(x);
            }
        }

        values.Sort();
        var result = new DynamicValue[items.Length];
        var lowQuantile = Quantile(values, low / 100);
        var highQuantile = Quantile(values, high / 100);
        var width = highQuantile - lowQuantile;
        for (var i = 0; i < items.Length; i++)
        {
            var score = 0.0;
            if (usable[i] && width > 0)
            {
                score = numbers[i] > highQuantile ? (numbers[i] - highQuantile) / width
                    : numbers[i] < lowQuantile ? (numbers[i] - lowQuantile) / width
                    : 0;
            }

            result[i] = DynamicValue.FromReal(score);
        }

        return DynamicArgs.Array(result);
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
