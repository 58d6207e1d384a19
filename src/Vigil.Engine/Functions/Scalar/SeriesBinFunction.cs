using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// make-series' axis binning: <c>bin_at(axis, step, start)</c> when the start is known, <c>bin(axis, step)</c>
/// otherwise. The planner converts the step (and start) to the axis' physical kind first.
/// </summary>
internal sealed class SeriesBinFunction() : ScalarFunction("series_bin")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        var value = arguments[0];
        var step = arguments[1];
        var hasStart = arguments.Length > 2;
        for (var i = 0; i < rowCount; i++)
        {
            if (result.IsNull(i))
            {
                continue;
            }

            bool ok;
            if (result.Kind == PhysicalKind.Real)
            {
                ok = hasStart
                    ? Binning.TryBinAt(value.Real[i], step.Real[i], arguments[2].Real[i], out result.Real[i])
                    : Binning.TryBin(value.Real[i], step.Real[i], out result.Real[i]);
            }
            else if (result.Type == ScalarType.DateTime)
            {
                ok = hasStart
                    ? Binning.TryBinAtDateTime(value.Int64[i], step.Int64[i], arguments[2].Int64[i], out result.Int64[i])
                    : Binning.TryBinDateTime(value.Int64[i], step.Int64[i], out result.Int64[i]);
            }
            else
            {
                ok = hasStart
                    ? Binning.TryBinAt(value.Int64[i], step.Int64[i], arguments[2].Int64[i], out result.Int64[i])
                    : Binning.TryBin(value.Int64[i], step.Int64[i], out result.Int64[i]);
            }

            if (!ok)
            {
                result.SetNull(i);
            }
        }
    }
}
