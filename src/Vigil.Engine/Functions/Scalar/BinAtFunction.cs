using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>bin_at(value, size, fixed_point)</c> over arguments of one kind (the planner converts them): longs, reals,
/// timespans, or a datetime with a timespan size and a datetime fixed point. The bins are aligned so that the fixed
/// point starts one (<see cref="Binning.TryBinAt(long, long, long, out long)"/>); a size that is not positive gives null.
/// </summary>
internal sealed class BinAtFunction() : ScalarFunction("bin_at")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var value = arguments[0];
        var size = arguments[1];
        var fixedPoint = arguments[2];
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            if (result.IsNull(i))
            {
                continue;
            }

            var ok = result.Kind switch
            {
                PhysicalKind.Real => Binning.TryBinAt(value.Real[i], size.Real[i], fixedPoint.Real[i], out result.Real[i]),
                _ when result.Type == ScalarType.DateTime => Binning.TryBinAtDateTime(value.Int64[i], size.Int64[i], fixedPoint.Int64[i], out result.Int64[i]),
                _ => Binning.TryBinAt(value.Int64[i], size.Int64[i], fixedPoint.Int64[i], out result.Int64[i]),
            };
            if (!ok)
            {
                result.SetNull(i);
            }
        }
    }
}
