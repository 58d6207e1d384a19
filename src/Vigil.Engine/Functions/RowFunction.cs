using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Functions;

/// <summary>
/// A scalar function computed one row at a time over <see cref="ScalarValue"/>s: the long tail of the library,
/// where one clear rule per row matters more than a typed loop. Hot functions (comparisons, <c>has</c>, arithmetic)
/// stay typed <see cref="ScalarFunction"/>s. By default a null argument gives a null result, which is Kusto's rule
/// for most functions; a function that looks at nulls itself overrides <see cref="PropagatesNulls"/>. Strings are
/// never null in KQL: an empty string reaches <see cref="Compute"/> as an empty string.
/// </summary>
internal abstract class RowFunction(string name) : ScalarFunction(name)
{
    /// <summary>Whether any null argument makes the result null without calling <see cref="Compute"/>.</summary>
    protected virtual bool PropagatesNulls => true;

    /// <summary>The value for one row; return <c>ScalarValue.Null(type)</c> for null. The result must already have the call's type.</summary>
    protected abstract ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context);

    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var values = new ScalarValue[arguments.Length];
        for (var row = 0; row < rowCount; row++)
        {
            var anyNull = false;
            for (var a = 0; a < arguments.Length; a++)
            {
                var value = arguments[a].GetValue(row);
                anyNull |= value.IsNull && value.Type != Kql.Symbols.ScalarType.String;
                values[a] = value;
            }

            result.SetValue(row, anyNull && PropagatesNulls ? ScalarValue.Null(result.Type) : Compute(values, context));
        }
    }
}
