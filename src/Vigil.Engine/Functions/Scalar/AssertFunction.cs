using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>assert(condition, message)</c>: true where the condition holds; a false or null condition fails the whole query
/// with the message, as Kusto does (it is a guard for function arguments, not a filter).
/// </summary>
internal sealed class AssertFunction() : ScalarFunction("assert")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var condition = arguments[0];
        for (var i = 0; i < rowCount; i++)
        {
            if (condition.IsNull(i) || !condition.Bool[i])
            {
                throw new QueryException(QueryErrorKind.Runtime, "assert() failed: " + arguments[1].GetString(i));
            }

            result.Bool[i] = true;
        }
    }
}
