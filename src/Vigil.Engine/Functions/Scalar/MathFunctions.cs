using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>A real -> real math function as a struct (see <see cref="RealMathFunction{TOp}"/>).</summary>
internal interface IRealMath
{
    static abstract double Apply(double value);
}

internal readonly struct SqrtOp : IRealMath
{
    public static double Apply(double value) => Math.Sqrt(value);
}

internal readonly struct ExpOp : IRealMath
{
    public static double Apply(double value) => Math.Exp(value);
}

internal readonly struct LogOp : IRealMath
{
    public static double Apply(double value) => Math.Log(value);
}

internal readonly struct Log10Op : IRealMath
{
    public static double Apply(double value) => Math.Log10(value);
}

internal readonly struct Log2Op : IRealMath
{
    public static double Apply(double value) => Math.Log2(value);
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

/// <summary>sqrt, exp, log, log10, log2, sin, cos, tan, atan: computed in real, null stays null.</summary>
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

        VectorKernels.Return(rented);
        VectorKernels.PropagateNulls(arguments, result, rowCount);
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

/// <summary><c>round(x [, digits])</c> (half away from zero) and <c>pow(x, y)</c>.</summary>
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
            var value = Name == "pow"
                ? Math.Pow(x[i], y[i])
                : Math.Round(x[i], y.IsEmpty ? 0 : (int)Math.Clamp(y[i], 0, 15), MidpointRounding.AwayFromZero);
            if (result.Kind == PhysicalKind.Real)
            {
                result.Real[i] = value;
            }
            else if (result.Kind == PhysicalKind.Int64)
            {
                result.Int64[i] = (long)value;
            }
            else
            {
                result.Decimal[i] = (decimal)value;
            }
        }

        VectorKernels.Return(left);
        VectorKernels.Return(right);
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
