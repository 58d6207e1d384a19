using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// series_fit_poly(y [, x, degree]): least squares polynomial of the degree (default 1) over x (default 1, 2, ..., n),
/// as the tuple [rsquare, coefficients (highest power first), variance of y, residual variance, fitted values].
/// Solved by QR (Householder) on the Vandermonde matrix of x scaled to [-1, 1], for stability at high degrees.
/// Points where x or y is not a number are left out of the fit (their fitted value is still computed when x is).
/// </summary>
internal static class SeriesPolynomial
{
    public static ScalarValue Fit(ReadOnlySpan<ScalarValue> arguments)
    {
        var y = SeriesMath.Reals(arguments[0]);
        if (y is null)
        {
            return DynamicArgs.NullDynamic;
        }

        double[] x;
        if (arguments.Length > 1 && !arguments[1].IsNull)
        {
            var given = SeriesMath.Reals(arguments[1]);
            if (given is null || given.Length != y.Length)
            {
                return DynamicArgs.NullDynamic;
            }

            x = given;
        }
        else
        {
            x = new double[y.Length];
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = i + 1;
            }
        }

        long degree = 1;
        if (arguments.Length > 2 && !arguments[2].IsNull && (!DynamicArgs.TryLong(arguments[2], out degree) || degree < 1 || degree > 64))
        {
            return DynamicArgs.NullDynamic;
        }

        var used = new List<int>(y.Length);
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                used.Add(i);
            }
        }

        var terms = (int)degree + 1;
        if (used.Count == 0)
        {
            return DynamicArgs.NullDynamic;
        }

        // Scale x to [-1, 1]: t = (x - center) / half.
        double lowest = double.MaxValue, highest = double.MinValue;
        foreach (var i in used)
        {
            lowest = Math.Min(lowest, x[i]);
            highest = Math.Max(highest, x[i]);
        }

        var center = (lowest + highest) / 2;
        var half = highest > lowest ? (highest - lowest) / 2 : 1;
        var scaled = Solve(used, x, y, terms, center, half);
        var coefficients = Unscale(scaled, center, half);

        var fit = new DynamicValue[y.Length];
        var fitted = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            fitted[i] = double.IsFinite(x[i]) ? Evaluate(coefficients, x[i]) : double.NaN;
            fit[i] = double.IsNaN(fitted[i]) ? DynamicValue.Null : DynamicValue.FromReal(fitted[i]);
        }

        double mean = 0;
        foreach (var i in used)
        {
            mean += y[i];
        }

        mean /= used.Count;
        double total = 0, residual = 0, residualMean = 0;
        foreach (var i in used)
        {
            residualMean += y[i] - fitted[i];
        }

        residualMean /= used.Count;
        foreach (var i in used)
        {
            total += (y[i] - mean) * (y[i] - mean);
            residual += (y[i] - fitted[i] - residualMean) * (y[i] - fitted[i] - residualMean);
        }

        double squares = 0;
        foreach (var i in used)
        {
            squares += (y[i] - fitted[i]) * (y[i] - fitted[i]);
        }

        var rsquare = total == 0 ? (squares == 0 ? 1 : 0) : 1 - (squares / total);
        var denominator = Math.Max(used.Count - 1, 1);
        var highestFirst = new DynamicValue[terms];
        for (var k = 0; k < terms; k++)
        {
            highestFirst[k] = DynamicValue.FromReal(coefficients[terms - 1 - k]);
        }

        return DynamicArgs.Array(
        [
            DynamicValue.FromReal(rsquare), DynamicValue.WrapArray(highestFirst), DynamicValue.FromReal(total / denominator),
            DynamicValue.FromReal(residual / denominator), DynamicValue.WrapArray(fit),
        ]);
    }

    /// <summary>Least squares coefficients (lowest power first) in the scaled variable, by Householder QR.</summary>
    private static double[] Solve(List<int> used, double[] x, double[] y, int terms, double center, double half)
    {
        var rows = used.Count;
        var columns = Math.Min(terms, rows);
        var a = new double[rows, terms];
        var b = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var t = (x[used[r]] - center) / half;
            var power = 1.0;
            for (var c = 0; c < terms; c++)
            {
                a[r, c] = power;
                power *= t;
            }

            b[r] = y[used[r]];
        }

        for (var c = 0; c < columns; c++)
        {
            double norm = 0;
            for (var r = c; r < rows; r++)
            {
                norm += a[r, c] * a[r, c];
            }

            norm = Math.Sqrt(norm);
            if (norm == 0)
            {
                continue;
            }

            var alpha = a[c, c] > 0 ? -norm : norm;
            var v = new double[rows];
            v[c] = a[c, c] - alpha;
            for (var r = c + 1; r < rows; r++)
            {
                v[r] = a[r, c];
            }

            double vv = 0;
            for (var r = c; r < rows; r++)
            {
                vv += v[r] * v[r];
            }

            if (vv == 0)
            {
                continue;
            }

            for (var k = c; k < terms; k++)
            {
                double dot = 0;
                for (var r = c; r < rows; r++)
                {
                    dot += v[r] * a[r, k];
                }

                var factor = 2 * dot / vv;
                for (var r = c; r < rows; r++)
                {
                    a[r, k] -= factor * v[r];
                }
            }

            double bdot = 0;
            for (var r = c; r < rows; r++)
            {
                bdot += v[r] * b[r];
            }

            var bfactor = 2 * bdot / vv;
            for (var r = c; r < rows; r++)
            {
                b[r] -= bfactor * v[r];
            }
        }

        // Back substitution; terms beyond the data (more coefficients than points) or on a zero pivot stay 0.
        var result = new double[terms];
        for (var c = columns - 1; c >= 0; c--)
        {
            var sum = b[c];
            for (var k = c + 1; k < columns; k++)
            {
                sum -= a[c, k] * result[k];
            }

            result[c] = Math.Abs(a[c, c]) < 1e-12 ? 0 : sum / a[c, c];
        }

        return result;
    }

    /// <summary>Coefficients of p((x - center) / half) re-expanded in powers of x (lowest first).</summary>
    private static double[] Unscale(double[] scaled, double center, double half)
    {
        var terms = scaled.Length;
        var result = new double[terms];

        // Horner over polynomials: q = q * ((x - center) / half) + c_k.
        var q = new double[terms];
        for (var k = terms - 1; k >= 0; k--)
        {
            var next = new double[terms];
            for (var p = 0; p < terms; p++)
            {
                if (q[p] == 0)
                {
                    continue;
                }

                next[p] -= q[p] * center / half;
                if (p + 1 < terms)
                {
                    next[p + 1] += q[p] / half;
                }
            }

            next[0] += scaled[k];
            q = next;
        }

        q.CopyTo(result, 0);
        return result;
    }

    private static double Evaluate(double[] coefficients, double x)
    {
        var value = 0.0;
        for (var k = coefficients.Length - 1; k >= 0; k--)
        {
            value = (value * x) + coefficients[k];
        }

        return value;
    }
}
