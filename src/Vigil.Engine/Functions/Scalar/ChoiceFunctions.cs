using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>coalesce(a, b, ...)</c>: the first argument that is not null (for strings: not empty).</summary>
internal sealed class CoalesceFunction() : ScalarFunction("coalesce")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            var chosen = arguments[^1];
            foreach (var argument in arguments)
            {
                var missing = argument.Kind == PhysicalKind.String ? argument.GetString(i).Length == 0 : argument.IsNull(i);
                if (!missing)
                {
                    chosen = argument;
                    break;
                }
            }

            result.CopyRow(i, chosen, i);
        }
    }
}

/// <summary><c>case(p1, v1, p2, v2, ..., else)</c>: the value of the first true predicate, else the last argument.</summary>
internal sealed class CaseFunction() : ScalarFunction("case")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            var chosen = arguments[^1];
            for (var a = 0; a + 1 < arguments.Length; a += 2)
            {
                if (arguments[a].Bool[i] && !arguments[a].IsNull(i))
                {
                    chosen = arguments[a + 1];
                    break;
                }
            }

            result.CopyRow(i, chosen, i);
        }
    }
}
