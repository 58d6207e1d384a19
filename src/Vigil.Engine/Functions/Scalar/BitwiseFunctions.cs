using System.Numerics;
using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>binary_and</c>, <c>binary_or</c>, <c>binary_xor</c>, <c>binary_not</c>, <c>binary_shift_left</c>,
/// <c>binary_shift_right</c> and <c>bitset_count_ones</c> on 64-bit integers (an int argument is sign-extended).
/// Shifts take the count modulo 64 and give null for a negative count, as the reference says; the right shift is
/// arithmetic. <c>bitset_count_ones</c> of an int counts its 32 bits.
/// </summary>
internal sealed class BitwiseFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        var left = arguments[0].Int64;
        var right = arguments.Length > 1 ? arguments[1].Int64 : left;
        var output = result.Int64;
        var isInt = arguments[0].Type == ScalarType.Int;
        for (var i = 0; i < rowCount; i++)
        {
            var a = left[i];
            var b = right[i];
            switch (Name)
            {
                case "binary_and": output[i] = a & b; break;
                case "binary_or": output[i] = a | b; break;
                case "binary_xor": output[i] = a ^ b; break;
                case "binary_not": output[i] = ~a; break;
                case "bitset_count_ones": output[i] = isInt ? BitOperations.PopCount((uint)a) : BitOperations.PopCount((ulong)a); break;
                default:
                    if (b < 0)
                    {
                        result.SetNull(i);
                        break;
                    }

                    var count = (int)(b % 64);
                    output[i] = Name == "binary_shift_left" ? a << count : a >> count;
                    break;
            }
        }
    }
}
