using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>now([offset])</c> and <c>ago(timespan)</c> against the query's fixed "now".</summary>
internal sealed class NowFunction(bool ago) : ScalarFunction(ago ? "ago" : "now")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            var offset = arguments.Length > 0 ? arguments[0].Int64[i] : 0;
            var ok = ago
                ? DateTimeFunctions.TryAgo(context.NowTicks, offset, out result.Int64[i])
                : DateTimeFunctions.TryNow(context.NowTicks, offset, out result.Int64[i]);
            if (!ok)
            {
                result.SetNull(i);
            }
        }
    }
}

/// <summary><c>bin(value, size)</c> / <c>floor</c>: numbers, timespans and datetimes rounded down to a multiple.</summary>
internal sealed class BinFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var value = arguments[0];
        var size = arguments[1];
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            if (result.IsNull(i))
            {
                continue;
            }

            bool ok;
            if (result.Kind == PhysicalKind.Real)
            {
                ConvertFunction.TryToReal(value, i, out var v);
                ConvertFunction.TryToReal(size, i, out var s);
                ok = Binning.TryBin(v, s, out result.Real[i]);
            }
            else if (result.Kind == PhysicalKind.Int64)
            {
                ConvertFunction.TryToLong(size, i, out var s);
                if (size.Kind == PhysicalKind.Real && value.Type is not (ScalarType.DateTime or ScalarType.TimeSpan))
                {
                    ok = Binning.TryBin(value.Int64[i], s, out result.Int64[i]);
                }
                else
                {
                    ok = result.Type == ScalarType.DateTime
                        ? Binning.TryBinDateTime(value.Int64[i], s, out result.Int64[i])
                        : Binning.TryBin(value.Int64[i], s, out result.Int64[i]);
                }
            }
            else
            {
                ok = false;
            }

            if (!ok)
            {
                result.SetNull(i);
            }
        }
    }
}
