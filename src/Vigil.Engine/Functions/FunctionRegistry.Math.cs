using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The math, conversions, bitwise operations and numeric helpers.</summary>
    private static void AddMathFunctions(Registrar add)
    {
        add(RealMath<AcosOp>, "acos");
        add(RealMath<AsinOp>, "asin");
        add(RealMath<CotOp>, "cot");
        add(RealMath<DegreesOp>, "degrees");
        add(RealMath<RadiansOp>, "radians");
        add(RealMath<Exp2Op>, "exp2");
        add(RealMath<Exp10Op>, "exp10");
        add(RealMath<GammaOp>, "gamma");
        add(RealMath<LogGammaOp>, "loggamma");
        add(RealMath<ErfOp>, "erf");
        add(RealMath<ErfcOp>, "erfc");
        add((n, a, t) => a.Length == 2 ? Fixed(new RealBinaryFunction(n), Reals(a), ScalarType.Real) : null, "atan2");
        add((n, a, t) => a.Length == 3 ? Fixed(new BetaDistributionFunction(n), Reals(a), ScalarType.Real) : null, "beta_cdf", "beta_inv", "beta_pdf");
        add((_, a, t) => a.Length == 6 ? Fixed(new WelchTestFunction(), Reals(a), ScalarType.Real) : null, "welch_test");
        add(
            (n, a, t) => a.Length == 3 && UnitConversionFunction.IsConversion(n)
                ? Fixed(new UnitConversionFunction(n), [Convert(a[0], ScalarType.Real), Convert(a[1], ScalarType.String), Convert(a[2], ScalarType.String)], ScalarType.Real)
                : null,
            "convert_angle", "convert_energy", "convert_force", "convert_length", "convert_mass", "convert_speed", "convert_temperature", "convert_volume");
        add(Bitwise(2), "binary_and", "binary_or", "binary_xor", "binary_shift_left", "binary_shift_right");
        add(Bitwise(1), "binary_not", "bitset_count_ones");
        add(
            (_, a, t) => a.Length is 1 or 2 && IsInteger(a[0].Type)
                ? Fixed(new ToHexFunction(), [a[0], .. a[1..].Select(x => Convert(x, ScalarType.Long))], ScalarType.String)
                : null,
            "tohex");
        add(
            (n, a, t) => a.Length >= 2 && t is not (ScalarType.Unknown or ScalarType.Dynamic)
                ? Fixed(new ExtremeOfFunction(n), [.. a.Select(x => Convert(x, t))], t)
                : null,
            "max_of", "min_of");
        add(
            (_, a, t) => a.Length switch
            {
                0 => Fixed(new RandFunction(), a, ScalarType.Real),
                1 => Fixed(new RandFunction(), [Convert(a[0], ScalarType.Long)], ScalarType.Long),
                _ => null,
            },
            "rand");
    }

    private static ScalarExpr? RealMath<TOp>(string name, ScalarExpr[] arguments, ScalarType type)
        where TOp : struct, IRealMath =>
        arguments.Length == 1 ? Fixed(new RealMathFunction<TOp>(name), Reals(arguments), ScalarType.Real) : null;

    private static Binder Bitwise(int arity) =>
        (name, arguments, _) =>
        {
            if (arguments.Length != arity)
            {
                return null;
            }

            var converted = new ScalarExpr[arity];
            for (var i = 0; i < arity; i++)
            {
                // An int keeps its type so bitset_count_ones can count 32 bits; reals and others become longs.
                converted[i] = arguments[i].Type == ScalarType.Int ? arguments[i] : Convert(arguments[i], ScalarType.Long);
            }

            return Fixed(new BitwiseFunction(name), converted, ScalarType.Long);
        };

    private static bool IsInteger(ScalarType type) => type is ScalarType.Int or ScalarType.Long;

    private static ScalarExpr[] Reals(ScalarExpr[] arguments)
    {
        var converted = new ScalarExpr[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            converted[i] = Convert(arguments[i], ScalarType.Real);
        }

        return converted;
    }
}
