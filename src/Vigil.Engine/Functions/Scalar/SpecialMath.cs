namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Special functions .NET does not provide: gamma and its logarithm (Lanczos approximation, reflection below 0.5),
/// the error function (power series near zero, continued fraction in the tails), the regularized incomplete beta
/// function (continued fraction) and its inverse, and the two-tailed p-value of Student's t distribution. Accuracy is
/// close to double precision; positive integers up to 170 give gamma exactly as a factorial.
/// </summary>
internal static class SpecialMath
{
    private const double LanczosG = 7;

    // The g = 7, n = 9 Lanczos coefficients (published constants of the approximation).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    public static double Gamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x))
        {
            return double.NaN;
        }

        if (x == Math.Floor(x))
        {
            if (x <= 0)
            {
                return double.NaN;
            }

            if (x <= 171)
            {
                var product = 1.0;
                for (var i = 2; i < x; i++)
                {
                    product *= i;
                }

                return product;
            }

            return double.PositiveInfinity;
        }

        if (x < 0.5)
        {
            // Reflection: gamma(x) gamma(1 - x) = pi / sin(pi x).
            return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        }

        if (x > 171.7)
        {
            return double.PositiveInfinity;
        }

        var (series, t) = LanczosSeries(x);
        // Split the power so that t^(x - 0.5) does not overflow before the exponential brings it back.
        var power = Math.Pow(t, (x - 0.5) / 2);
        return Math.Sqrt(2 * Math.PI) * power * (power * Math.Exp(-t)) * series;
    }

    /// <summary>The natural logarithm of |gamma(x)|.</summary>
    public static double LogGamma(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (double.IsInfinity(x))
        {
            return double.PositiveInfinity;
        }

        if (x <= 0 && x == Math.Floor(x))
        {
            return double.PositiveInfinity;
        }

        if (x == 1 || x == 2)
        {
            return 0;
        }

        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        var (series, t) = LanczosSeries(x);
        return LogSqrtTwoPi + ((x - 0.5) * Math.Log(t)) - t + Math.Log(series);
    }

    private static (double Series, double T) LanczosSeries(double x)
    {
        var z = x - 1;
        var series = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            series += Lanczos[i] / (z + i);
        }

        return (series, z + LanczosG + 0.5);
    }

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var magnitude = Math.Abs(x);
        var value = magnitude < 2.5 ? ErfSeries(magnitude) : 1 - ErfcFraction(magnitude);
        return x < 0 ? -value : value;
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        return x < 0.5 ? 1 - ErfSeries(x) : ErfcFraction(x);
    }

    // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)).
    private static double ErfSeries(double x)
    {
        var square = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < 200; n++)
        {
            term *= -square / n;
            var next = term / ((2 * n) + 1);
            sum += next;
            if (Math.Abs(next) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum * 2 / Math.Sqrt(Math.PI);
    }

    // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), for x >= 0.5 (Lentz's method).
    private static double ErfcFraction(double x)
    {
        if (x > 27)
        {
            return 0;
        }

        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < 500; n++)
        {
            var a = n / 2.0;
            d = x + (a * d);
            d = d == 0 ? tiny : 1 / d;
            c = x + (a / c);
            if (c == 0)
            {
                c = tiny;
            }

            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }

    /// <summary>log B(a, b) = log gamma(a) + log gamma(b) - log gamma(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>The regularized incomplete beta function I_x(a, b), for 0 &lt;= x &lt;= 1 and a, b &gt; 0.</summary>
    public static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        // The continued fraction converges fast for x below the mean-ish point; use the symmetry otherwise.
        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - RegularizedIncompleteBeta(1 - x, b, a);
        }

        var front = Math.Exp((a * Math.Log(x)) + (b * Math.Log(1 - x)) - LogBeta(a, b)) / a;
        return front * BetaFraction(x, a, b);
    }

    // 1 / (1 + d1 / (1 + d2 / (1 + ...))) with d(2m+1) = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)),
    // d(2m) = m(b-m)x / ((a+2m-1)(a+2m)), by Lentz's method.
    private static double BetaFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
        var f = d;
        for (var m = 1; m < 1000; m++)
        {
            var even = m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)));
            d = 1 + (even * d);
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = 1 + (even / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            f *= c * d;

            var odd = -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1));
            d = 1 + (odd * d);
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = 1 + (odd / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return f;
    }

    /// <summary>The x in [0, 1] with I_x(a, b) = <paramref name="probability"/>, by bisection (the CDF is monotone).</summary>
    public static double InverseRegularizedIncompleteBeta(double probability, double a, double b)
    {
        double low = 0, high = 1;
        for (var i = 0; i < 200 && high - low > 0; i++)
        {
            var middle = (low + high) / 2;
            if (middle <= low || middle >= high)
            {
                break;
            }

            if (RegularizedIncompleteBeta(middle, a, b) < probability)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>P(|T| &gt;= |t|) for Student's t distribution with <paramref name="degrees"/> degrees of freedom.</summary>
    public static double StudentTwoTailed(double t, double degrees) =>
        RegularizedIncompleteBeta(degrees / (degrees + (t * t)), degrees / 2, 0.5);
}
