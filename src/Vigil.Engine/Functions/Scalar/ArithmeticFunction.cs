using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>An arithmetic operator as a struct over the three numeric domains.</summary>
internal interface IArithmetic
{
    static abstract bool TryApply(long left, long right, out long result);

    static abstract double Apply(double left, double right);

    static abstract bool TryApply(decimal left, decimal right, out decimal result);
}

internal readonly struct AddOp : IArithmetic
{
    public static bool TryApply(long left, long right, out long result)
    {
        result = KqlArithmetic.Add(left, right);
        return true;
    }

    public static double Apply(double left, double right) => left + right;

    public static bool TryApply(decimal left, decimal right, out decimal result) => KqlArithmetic.TryAdd(left, right, out result);
}

internal readonly struct SubtractOp : IArithmetic
{
    public static bool TryApply(long left, long right, out long result)
    {
        result = KqlArithmetic.Subtract(left, right);
        return true;
    }

    public static double Apply(double left, double right) => left - right;

    public static bool TryApply(decimal left, decimal right, out decimal result) => KqlArithmetic.TrySubtract(left, right, out result);
}

internal readonly struct MultiplyOp : IArithmetic
{
    public static bool TryApply(long left, long right, out long result)
    {
        result = KqlArithmetic.Multiply(left, right);
        return true;
    }

    public static double Apply(double left, double right) => left * right;

    public static bool TryApply(decimal left, decimal right, out decimal result) => KqlArithmetic.TryMultiply(left, right, out result);
}

internal readonly struct DivideOp : IArithmetic
{
    public static bool TryApply(long left, long right, out long result) => KqlArithmetic.TryDivide(left, right, out result);

    public static double Apply(double left, double right) => left / right;

    public static bool TryApply(decimal left, decimal right, out decimal result) => KqlArithmetic.TryDivide(left, right, out result);
}

internal readonly struct ModuloOp : IArithmetic
{
    public static bool TryApply(long left, long right, out long result) => KqlArithmetic.TryModulo(left, right, out result);

    public static double Apply(double left, double right) => KqlArithmetic.Modulo(left, right);

    public static bool TryApply(decimal left, decimal right, out decimal result) => KqlArithmetic.TryModulo(left, right, out result);
}

/// <summary>
/// <c>+ - * / %</c>. The domain is chosen from the operand and result types: decimal when either side is decimal,
/// real when either side or the result is real (a timespan times a real is computed in real, then truncated to
/// ticks), else 64-bit integers, which also carry datetime and timespan ticks (<c>datetime - datetime</c> is a
/// timespan). Null operands, integer division by zero and decimal overflow give null.
/// </summary>
internal sealed class ArithmeticFunction<TOp>(string name) : OperatorFunction(name)
    where TOp : struct, IArithmetic
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var left = arguments[0];
        var right = arguments[1];
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        var domain = VectorKernels.CommonNumericKind(left.Kind, right.Kind);
        if (result.Kind == PhysicalKind.Real)
        {
            domain = PhysicalKind.Real;
        }

        switch (domain)
        {
            case PhysicalKind.Int64:
            {
                var l = left.Int64.AsSpan(0, rowCount);
                var r = right.Int64.AsSpan(0, rowCount);
                var output = result.Int64.AsSpan(0, rowCount);
                for (var i = 0; i < output.Length; i++)
                {
                    if (!TOp.TryApply(l[i], r[i], out output[i]))
                    {
                        result.SetNull(i);
                    }
                }

                break;
            }

            case PhysicalKind.Real:
            {
                double[]? lr = null, rr = null;
                var l = VectorKernels.AsReal(left, rowCount, ref lr);
                var r = VectorKernels.AsReal(right, rowCount, ref rr);
                if (result.Kind == PhysicalKind.Real)
                {
                    var output = result.Real.AsSpan(0, rowCount);
                    for (var i = 0; i < output.Length; i++)
                    {
                        output[i] = TOp.Apply(l[i], r[i]);
                    }
                }
                else
                {
                    // timespan * real and friends: compute in real, truncate to ticks.
                    for (var i = 0; i < rowCount; i++)
                    {
                        if (KqlArithmetic.TryTruncateToLong(TOp.Apply(l[i], r[i]), out var ticks))
                        {
                            result.Int64[i] = ticks;
                        }
                        else
                        {
                            result.SetNull(i);
                        }
                    }
                }

                VectorKernels.Return(lr);
                VectorKernels.Return(rr);
                break;
            }

            default:
            {
                decimal[]? lr = null, rr = null;
                var l = VectorKernels.AsDecimal(left, rowCount, ref lr);
                var r = VectorKernels.AsDecimal(right, rowCount, ref rr);
                for (var i = 0; i < rowCount; i++)
                {
                    if (!TOp.TryApply(l[i], r[i], out result.Decimal[i]))
                    {
                        result.SetNull(i);
                    }
                }

                VectorKernels.Return(lr);
                VectorKernels.Return(rr);
                break;
            }
        }

        if (result.Type == ScalarType.Int)
        {
            var output = result.Int64.AsSpan(0, rowCount);
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = KqlArithmetic.TruncateToInt(output[i]);
            }
        }
    }
}

/// <summary>Unary minus.</summary>
internal sealed class NegateFunction() : ScalarFunction("-")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            switch (result.Kind)
            {
                case PhysicalKind.Int64: result.Int64[i] = KqlArithmetic.Negate(input.Int64[i]); break;
                case PhysicalKind.Real: result.Real[i] = -input.Real[i]; break;
                case PhysicalKind.Decimal: result.Decimal[i] = -input.Decimal[i]; break;
            }
        }
    }
}
