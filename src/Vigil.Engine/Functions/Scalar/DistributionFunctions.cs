using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>beta_cdf(x, alpha, beta)</c>, <c>beta_pdf(x, alpha, beta)</c> and <c>beta_inv(probability, alpha, beta)</c>
/// over real arguments. As the reference shows: x outside [0, 1] or a shape parameter outside (0, 10000] gives NaN;
/// for beta_inv a probability outside [0, 1] gives null.
/// </summary>
internal sealed class BetaDistributionFunction(string name) : RowFunction(name)
{
    private const double MaxShape = 10000;

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        var x = arguments[0].Real;
        var alpha = arguments[1].Real;
        var beta = arguments[2].Real;
        if (Name == "beta_inv" && !(x >= 0 && x <= 1))
        {
            return ScalarValue.Null(Kql.Symbols.ScalarType.Real);
        }

        if (!(x >= 0 && x <= 1) || !(alpha > 0 && alpha <= MaxShape) || !(beta > 0 && beta <= MaxShape))
        {
            return ScalarValue.FromReal(double.NaN);
        }

        return ScalarValue.FromReal(Name switch
        {
            "beta_cdf" => SpecialMath.RegularizedIncompleteBeta(x, alpha, beta),
            "beta_inv" => SpecialMath.InverseRegularizedIncompleteBeta(x, alpha, beta),
            _ => Density(x, alpha, beta),
        });
    }

    private static double Density(double x, double alpha, double beta)
    {
        if (x is 0 or 1)
        {
            return Math.Pow(x, alpha - 1) * Math.Pow(1 - x, beta - 1) / Math.Exp(SpecialMath.LogBeta(alpha, beta));
        }

        return Math.Exp(((alpha - 1) * Math.Log(x)) + ((beta - 1) * Math.Log(1 - x)) - SpecialMath.LogBeta(alpha, beta));
    }
}

/// <summary>
/// <c>welch_test(mean1, variance1, count1, mean2, variance2, count2)</c>: the two-tailed p-value of Welch's t-test,
/// with the Welch–Satterthwaite degrees of freedom. Inputs that make the statistic undefined give NaN.
/// </summary>
internal sealed class WelchTestFunction() : RowFunction("welch_test")
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        var (mean1, variance1, count1) = (arguments[0].Real, arguments[1].Real, arguments[2].Real);
        var (mean2, variance2, count2) = (arguments[3].Real, arguments[4].Real, arguments[5].Real);
        var error1 = variance1 / count1;
        var error2 = variance2 / count2;
        var error = error1 + error2;
        var t = (mean1 - mean2) / Math.Sqrt(error);
        var degrees = error * error / ((error1 * error1 / (count1 - 1)) + (error2 * error2 / (count2 - 1)));
        if (!double.IsFinite(t) || !(degrees > 0))
        {
            return ScalarValue.FromReal(double.NaN);
        }

        return ScalarValue.FromReal(SpecialMath.StudentTwoTailed(t, degrees));
    }
}
