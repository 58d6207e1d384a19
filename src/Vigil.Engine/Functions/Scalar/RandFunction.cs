using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>rand()</c>: a uniform real in [0, 1); <c>rand(N)</c>: a uniform integer in 0..N-1 (null for N &lt;= 0).
/// A new value per row and per call, so never constant-folded.
/// </summary>
internal sealed class RandFunction() : ScalarFunction("rand")
{
    public override bool IsDeterministic => false;

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var random = Random.Shared;
        if (arguments.Length == 0)
        {
            for (var i = 0; i < rowCount; i++)
            {
                result.Real[i] = random.NextDouble();
            }

            return;
        }

        VectorKernels.PropagateNulls(arguments, result, rowCount);
        var range = arguments[0].Int64;
        for (var i = 0; i < rowCount; i++)
        {
            if (range[i] <= 0)
            {
                result.SetNull(i);
            }
            else
            {
                result.Int64[i] = random.NextInt64(range[i]);
            }
        }
    }
}
