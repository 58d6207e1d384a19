using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// series_fit_2lines / series_fit_2lines_dynamic: for every split of the series into a left part [0, i) and a right
/// part [i, n) of at least two points each, fits a line to each part as series_fit_line does (x counts from 1 within
/// the part) and keeps the split with the best total r-square, 1 − (SSE_left + SSE_right) / SST. split_idx is the
/// first index of the right part. The tuple follows the binder's order; the bag nests the sides under "right" and
/// "left".
/// </summary>
internal static class SeriesTwoLines
{
    public static RowKernel Fit(bool asBag) => arguments =>
    {
        var y = SeriesMath.Reals(arguments[0]);
        if (y is null)
        {
            return DynamicArgs.NullDynamic;
        }

        var n = y.Length;
        var mean = 0.0;
        foreach (var v in y)
        {
            mean += v;
        }

        mean /= Math.Max(n, 1);
        var total = 0.0;
        foreach (var v in y)
        {
            total += (v - mean) * (v - mean);
        }

        var bestSplit = -1;
        var bestSquares = double.PositiveInfinity;
        for (var i = 2; i <= n - 2; i++)
        {
            var squares = Line.Of(y.AsSpan(0, i)).ResidualSquares + Line.Of(y.AsSpan(i)).ResidualSquares;
            if (squares < bestSquares)
            {
                bestSquares = squares;
                bestSplit = i;
            }
        }

        if (bestSplit < 0)
        {
            return DynamicArgs.NullDynamic;
        }

        var left = Line.Of(y.AsSpan(0, bestSplit));
        var right = Line.Of(y.AsSpan(bestSplit));
        var fit = new DynamicValue[n];
        var residuals = new double[n];
        for (var i = 0; i < n; i++)
        {
            var value = i < bestSplit ? left.At(i + 1) : right.At(i - bestSplit + 1);
            fit[i] = DynamicValue.FromReal(value);
            residuals[i] = y[i] - value;
        }

        var rsquare = total == 0 ? (bestSquares == 0 ? 1 : 0) : 1 - (bestSquares / total);
        var overall = new[]
        {
            DynamicValue.FromReal(rsquare), DynamicValue.FromLong(bestSplit), DynamicValue.FromReal(Line.SampleVariance(y)),
            DynamicValue.FromReal(Line.SampleVariance(residuals)), DynamicValue.WrapArray(fit),
        };
        if (!asBag)
        {
            return DynamicArgs.Array([.. overall, .. right.Values(), .. left.Values()]);
        }

        string[] names = ["rsquare", "split_idx", "variance", "rvariance", "line_fit", "right", "left"];
        DynamicValue[] values = [.. overall, right.Bag(), left.Bag()];
        return DynamicArgs.Dynamic(DynamicValue.FromBag(DynamicPropertyBag.FromPairs(names, values)));
    };

    /// <summary>A least-squares line over x = 1..n and its quality figures.</summary>
    private readonly record struct Line(double Slope, double Interception, double RSquare, double Variance, double ResidualVariance, double ResidualSquares)
    {
        private static readonly string[] Names = ["rsquare", "slope", "interception", "variance", "rvariance"];

        public double At(int x) => Interception + (Slope * x);

        public DynamicValue[] Values() =>
        [
            DynamicValue.FromReal(RSquare), DynamicValue.FromReal(Slope), DynamicValue.FromReal(Interception),
            DynamicValue.FromReal(Variance), DynamicValue.FromReal(ResidualVariance),
        ];

        public DynamicValue Bag() => DynamicValue.FromBag(DynamicPropertyBag.FromPairs(Names, Values()));

        public static Line Of(ReadOnlySpan<double> y)
        {
            var n = y.Length;
            var mx = (n + 1) / 2.0;
            var my = 0.0;
            foreach (var v in y)
            {
                my += v;
            }

            my /= n;
            double sxy = 0, sxx = 0, total = 0;
            for (var i = 0; i < n; i++)
            {
                sxy += (i + 1 - mx) * (y[i] - my);
                sxx += (i + 1 - mx) * (i + 1 - mx);
                total += (y[i] - my) * (y[i] - my);
            }

            var slope = sxx == 0 ? 0 : sxy / sxx;
            var interception = my - (slope * mx);
            var residuals = new double[n];
            var squares = 0.0;
            for (var i = 0; i < n; i++)
            {
                residuals[i] = y[i] - (interception + (slope * (i + 1)));
                squares += residuals[i] * residuals[i];
            }

            var rsquare = total == 0 ? (squares == 0 ? 1 : 0) : 1 - (squares / total);
            return new Line(slope, interception, rsquare, SampleVariance(y), SampleVariance(residuals), squares);
        }

        public static double SampleVariance(ReadOnlySpan<double> values)
        {
            if (values.Length < 2)
            {
                return 0;
            }

            double sum = 0, squares = 0;
            foreach (var v in values)
            {
                sum += v;
                squares += v * v;
            }

            double n = values.Length;
            return Math.Max(0, ((n * squares) - (sum * sum)) / (n * (n - 1)));
        }
    }
}
