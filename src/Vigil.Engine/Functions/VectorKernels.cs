using System.Buffers;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions;

/// <summary>Shared pieces of function kernels: null propagation and numeric widening of whole vectors.</summary>
internal static class VectorKernels
{
    /// <summary>Marks every row null where any argument is null (KQL's default null rule); returns whether any is.</summary>
    public static bool PropagateNulls(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount)
    {
        var any = false;
        var words = ColumnVector.Words(rowCount);
        foreach (var argument in arguments)
        {
            if (!argument.HasNulls || argument.Kind == PhysicalKind.String)
            {
                continue;
            }

            var target = result.Nulls.AsSpan(0, words);
            var source = argument.Nulls.AsSpan(0, words);
            for (var w = 0; w < words; w++)
            {
                target[w] |= source[w];
            }

            any = true;
        }

        if (any)
        {
            result.HasNulls = true;
            if ((rowCount & 63) != 0)
            {
                result.Nulls[words - 1] &= (1UL << (rowCount & 63)) - 1;
            }
        }

        return any;
    }

    /// <summary>
    /// The rows of a numeric vector as doubles: the vector's own span when it holds reals, else converted into
    /// <paramref name="rented"/> (rented from the pool; return it with <see cref="Return"/>).
    /// </summary>
    public static ReadOnlySpan<double> AsReal(ColumnVector vector, int rowCount, ref double[]? rented)
    {
        switch (vector.Kind)
        {
            case PhysicalKind.Real:
                return vector.Real.AsSpan(0, rowCount);
            case PhysicalKind.Int64:
            {
                rented = ArrayPool<double>.Shared.Rent(rowCount);
                var source = vector.Int64.AsSpan(0, rowCount);
                for (var i = 0; i < source.Length; i++)
                {
                    rented[i] = source[i];
                }

                return rented.AsSpan(0, rowCount);
            }

            case PhysicalKind.Decimal:
            {
                rented = ArrayPool<double>.Shared.Rent(rowCount);
                var source = vector.Decimal.AsSpan(0, rowCount);
                for (var i = 0; i < source.Length; i++)
                {
                    rented[i] = (double)source[i];
                }

                return rented.AsSpan(0, rowCount);
            }

            default:
                throw new InvalidOperationException($"A {vector.Type} vector is not numeric.");
        }
    }

    /// <summary>The rows of a numeric vector as decimals (see <see cref="AsReal"/>).</summary>
    public static ReadOnlySpan<decimal> AsDecimal(ColumnVector vector, int rowCount, ref decimal[]? rented)
    {
        if (vector.Kind == PhysicalKind.Decimal)
        {
            return vector.Decimal.AsSpan(0, rowCount);
        }

        rented = ArrayPool<decimal>.Shared.Rent(rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            rented[i] = vector.Kind == PhysicalKind.Int64 ? vector.Int64[i] : (decimal)vector.Real[i];
        }

        return rented.AsSpan(0, rowCount);
    }

    public static void Return<T>(T[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>The physical kind two numeric operands are computed in: decimal, else real, else 64-bit integer.</summary>
    public static PhysicalKind CommonNumericKind(PhysicalKind left, PhysicalKind right) =>
        left == PhysicalKind.Decimal || right == PhysicalKind.Decimal ? PhysicalKind.Decimal
        : left == PhysicalKind.Real || right == PhysicalKind.Real ? PhysicalKind.Real
        : PhysicalKind.Int64;

    public static bool IsNumericKind(PhysicalKind kind) => kind is PhysicalKind.Int64 or PhysicalKind.Real or PhysicalKind.Decimal;
}
