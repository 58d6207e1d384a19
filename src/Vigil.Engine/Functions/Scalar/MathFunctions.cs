using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>A real -> real math function as a struct (see <see cref="RealMathFunction{TOp}"/>).</summary>
internal interface IRealMath
{
    static abstract double Apply(double value);

    /// <summary>False where the reference says the result is null (log of a negative, acos outside [-1, 1]).</summary>
    static virtual bool IsInDomain(double value) => true;
}

internal readonly struct SqrtOp : IRealMath
{
    public static double Apply(double value) => Math.Sqrt(value);

    public static bool IsInDomain(double value) => !(value < 0);
}

internal readonly struct ExpOp : IRealMath
{
    public static double Apply(double value) => Math.Exp(value);
}

internal readonly struct LogOp : IRealMath
{
    public static double Apply(double value) => Math.Log(value);

    public static bool IsInDomain(double value) => !(value < 0);
}

internal readonly struct Log10Op : IRealMath
{
    public static double Apply(double value) => Math.Log10(value);

    public static bool IsInDomain(double value) => !(value < 0);
}

internal readonly struct Log2Op : IRealMath
{
    public static double Apply(double value) => Math.Log2(value);

    public static bool IsInDomain(double value) => !(value < 0);
}

internal readonly struct SinOp : IRealMath
{
    public static double Apply(double value) => Math.Sin(value);
}

internal readonly struct CosOp : IRealMath
{
    public static double Apply(double value) => Math.Cos(value);
}

internal readonly struct TanOp : IRealMath
{
    public static double Apply(double value) => Math.Tan(value);
}

internal readonly struct AtanOp : IRealMath
{
    public static double Apply(double value) => Math.Atan(value);
}

internal readonly struct AcosOp : IRealMath
{
    public static double Apply(double value) => Math.Acos(value);

    public static bool IsInDomain(double value) => !(Math.Abs(value) > 1);
}

internal readonly struct AsinOp : IRealMath
{
    public static double Apply(double value) => Math.Asin(value);

    public static bool IsInDomain(double value) => !(Math.Abs(value) > 1);
}

internal readonly struct CotOp : IRealMath
{
    public static double Apply(double value) => 1 / Math.Tan(value);
}

internal readonly struct DegreesOp : IRealMath
{
    public static double Apply(double value) => value * (180 / Math.PI);
}

internal readonly struct RadiansOp : IRealMath
{
    public static double Apply(double value) => value * (Math.PI / 180);
}

internal readonly struct Exp2Op : IRealMath
{
    public static double Apply(double value) => Math.Pow(2, value);
}

internal readonly struct Exp10Op : IRealMath
{
    public static double Apply(double value) => Math.Pow(10, value);
}

internal readonly struct GammaOp : IRealMath
{
    public static double Apply(double value) => SpecialMath.Gamma(value);
}

internal readonly struct LogGammaOp : IRealMath
{
    public static double Apply(double value) => SpecialMath.LogGamma(value);
}

internal readonly struct ErfOp : IRealMath
{
    public static double Apply(double value) => SpecialMath.Erf(value);
}

internal readonly struct ErfcOp : IRealMath
{
    public static double Apply(double value) => SpecialMath.Erfc(value);
}

/// <summary>sqrt, exp, log, trigonometry, gamma, erf...: computed in real; null stays null, and so does input outside the domain.</summary>
internal sealed class RealMathFunction<TOp>(string name) : ScalarFunction(name)
    where TOp : struct, IRealMath
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        double[]? rented = null;
        var input = VectorKernels.AsReal(arguments[0], rowCount, ref rented);
        var output = result.Real.AsSpan(0, rowCount);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = TOp.Apply(input[i]);
        }

        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < output.Length; i++)
        {
            if (!TOp.IsInDomain(input[i]))
            {
                result.SetNull(i);
            }
        }

        VectorKernels.Return(rented);
    }
}

/// <summary><c>abs</c>, <c>sign</c>, <c>ceiling</c>: keep the argument's numeric kind.</summary>
internal sealed class NumericUnaryFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            switch (result.Kind)
            {
                case PhysicalKind.Int64:
                    var l = input.Int64[i];
                    result.Int64[i] = Name switch { "abs" => Math.Abs(l == long.MinValue ? l + 1 : l), "sign" => Math.Sign(l), _ => l };
                    break;
                case PhysicalKind.Real:
                    var r = input.Kind == PhysicalKind.Real ? input.Real[i] : input.Int64[i];
                    result.Real[i] = Name switch { "abs" => Math.Abs(r), "sign" => Math.Sign(r), _ => Math.Ceiling(r) };
                    break;
                case PhysicalKind.Decimal:
                    var d = input.Decimal[i];
                    result.Decimal[i] = Name switch { "abs" => Math.Abs(d), "sign" => Math.Sign(d), _ => Math.Ceiling(d) };
                    break;
            }
        }
    }
}

/// <summary><c>round(x [, digits])</c> (half away from zero; negative digits round to tens, hundreds...), <c>pow(x, y)</c>, <c>atan2(y, x)</c>.</summary>
internal sealed class RealBinaryFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        double[]? left = null, right = null;
        var x = VectorKernels.AsReal(arguments[0], rowCount, ref left);
        var y = arguments.Length > 1 ? VectorKernels.AsReal(arguments[1], rowCount, ref right) : default;
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            var value = Name switch
            {
                "pow" => Math.Pow(x[i], y[i]),
                "atan2" => Math.Atan2(x[i], y[i]),
                _ => Round(x[i], y.IsEmpty ? 0 : y[i]),
            };
            var digits = y.IsEmpty ? 0 : y[i];
            var exact = Name == "round" && arguments[0].Kind == result.Kind;
            if (result.Kind == PhysicalKind.Real)
            {
                result.Real[i] = value;
            }
            else if (result.Kind == PhysicalKind.Int64)
            {
                result.Int64[i] = exact ? RoundLong(arguments[0].Int64[i], digits) : (long)value;
            }
            else if (exact)
            {
                result.Decimal[i] = RoundDecimal(arguments[0].Decimal[i], digits);
            }
            else if (Math.Abs(value) < 7.9e28)
            {
                result.Decimal[i] = (decimal)value;
            }
            else
            {
                result.SetNull(i);
            }
        }

        VectorKernels.Return(left);
        VectorKernels.Return(right);
    }

    // A long rounded to non-negative digits is itself; to negative digits, to the nearest multiple of 10^-digits.
    private static long RoundLong(long value, double digits)
    {
        if (digits >= 0 || value == 0)
        {
            return value;
        }

        if (digits < -18)
        {
            return 0;
        }

        var scale = (long)Math.Pow(10, -digits);
        var remainder = value % scale;
        var down = value - remainder;
        if (Math.Abs(remainder) * 2 < scale)
        {
            return down;
        }

        // Half or more away from zero; a result beyond the long range wraps like long arithmetic does.
        return unchecked(down + (value < 0 ? -scale : scale));
    }

    private static decimal RoundDecimal(decimal value, double digits)
    {
        if (digits >= 0)
        {
            return Math.Round(value, (int)Math.Min(digits, 28), MidpointRounding.AwayFromZero);
        }

        if (digits < -28)
        {
            return 0;
        }

        var scale = (decimal)Math.Pow(10, -digits);
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }

    // round(-50.55, -2) is -100 and round(21.5, -1) is 20: scale down, round, scale back.
    private static double Round(double value, double digits)
    {
        if (digits >= 0)
        {
            return Math.Round(value, (int)Math.Min(digits, 15), MidpointRounding.AwayFromZero);
        }

        var scale = Math.Pow(10, Math.Min(-digits, 308));
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }
}

/// <summary><c>isnan</c>, <c>isinf</c>, <c>isfinite</c>.</summary>
internal sealed class RealTestFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        double[]? rented = null;
        var input = VectorKernels.AsReal(arguments[0], rowCount, ref rented);
        for (var i = 0; i < rowCount; i++)
        {
            var v = input[i];
            result.Bool[i] = Name switch { "isnan" => double.IsNaN(v), "isinf" => double.IsInfinity(v), _ => double.IsFinite(v) };
        }

        VectorKernels.Return(rented);
        VectorKernels.PropagateNulls(arguments, result, rowCount);
    }
}
