using System.Text.RegularExpressions;
using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>One row's value from its arguments (already converted to the types the registration asked for).</summary>
internal delegate ScalarValue RowKernel(ReadOnlySpan<ScalarValue> arguments);

/// <summary>
/// A <see cref="RowFunction"/> whose rule is a static method: the long tail of string, encoding and network functions,
/// where each function is a few lines of per-row logic kept beside its family (see <c>StringKernels</c>,
/// <c>NetworkKernels</c>).
/// </summary>
internal sealed class KernelFunction(string name, RowKernel kernel, bool propagatesNulls = true, bool deterministic = true) : RowFunction(name)
{
    protected override bool PropagatesNulls => propagatesNulls;

    public override bool IsDeterministic => deterministic;

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        try
        {
            return kernel(arguments);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw RegexCache.TimedOut(Name, e);
        }
    }
}
