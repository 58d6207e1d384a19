using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>and</c> / <c>or</c> with three-valued logic, 64 rows at a time (<see cref="KqlLogic"/>).</summary>
internal sealed class AndOrFunction(bool isAnd) : OperatorFunction(isAnd ? "and" : "or")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var left = arguments[0];
        var right = arguments[1];
        if (!left.HasNulls && !right.HasNulls)
        {
            var l = left.Bool.AsSpan(0, rowCount);
            var r = right.Bool.AsSpan(0, rowCount);
            var output = result.Bool.AsSpan(0, rowCount);
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = isAnd ? l[i] & r[i] : l[i] | r[i];
            }

            return;
        }

        for (var i = 0; i < rowCount; i++)
        {
            bool? a = left.IsNull(i) ? null : left.Bool[i];
            bool? b = right.IsNull(i) ? null : right.Bool[i];
            var value = isAnd ? KqlLogic.And(a, b) : KqlLogic.Or(a, b);
            if (value is { } v)
            {
                result.Bool[i] = v;
            }
            else
            {
                result.SetNull(i);
            }
        }
    }
}

/// <summary><c>not(b)</c>: null stays null.</summary>
internal sealed class NotFunction() : ScalarFunction("not")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0].Bool.AsSpan(0, rowCount);
        var output = result.Bool.AsSpan(0, rowCount);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = !input[i];
        }

        VectorKernels.PropagateNulls(arguments, result, rowCount);
    }
}

/// <summary><c>isnull</c>, <c>isnotnull</c>, <c>isempty</c>, <c>isnotempty</c>: never null themselves.</summary>
internal sealed class NullTestFunction(string name, bool empty, bool negated) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        var output = result.Bool.AsSpan(0, rowCount);
        for (var i = 0; i < output.Length; i++)
        {
            bool isMissing;
            if (input.Kind == PhysicalKind.String)
            {
                // Strings have no null: isnull("") is false, isempty("") is true.
                isMissing = empty && input.GetString(i).Length == 0;
            }
            else if (input.Kind == PhysicalKind.Dynamic)
            {
                var d = input.Dynamic[i];
                isMissing = d is null || d.IsNull || input.IsNull(i)
                    || (empty && d.Kind == DynamicKind.String && d.StringValue.Length == 0);
            }
            else
            {
                isMissing = input.IsNull(i);
            }

            output[i] = isMissing != negated;
        }
    }
}

/// <summary><c>iff(condition, then, else)</c> / <c>iif</c>: a null condition takes the else branch.</summary>
internal sealed class IffFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var condition = arguments[0];
        for (var i = 0; i < rowCount; i++)
        {
            var take = !condition.IsNull(i) && condition.Bool[i];
            result.CopyRow(i, take ? arguments[1] : arguments[2], i);
        }
    }
}
