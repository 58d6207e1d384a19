using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Aggregates;

/// <summary>Reads a numeric-like argument (int, long, real, decimal, datetime/timespan ticks) as a double.</summary>
internal static class NumericInput
{
    /// <summary>The value of <paramref name="row"/>, or false when it is null or not numeric.</summary>
    public static bool TryRead(ColumnVector vector, int row, out double value)
    {
        value = 0;
        if (vector.IsNull(row))
        {
            return false;
        }

        switch (vector.Kind)
        {
            case PhysicalKind.Int64:
                value = vector.Int64[row];
                return true;
            case PhysicalKind.Real:
                value = vector.Real[row];
                return true;
            case PhysicalKind.Decimal:
                value = (double)vector.Decimal[row];
                return true;
            case PhysicalKind.Bool:
                value = vector.Bool[row] ? 1 : 0;
                return true;
            default:
                return false;
        }
    }
}
