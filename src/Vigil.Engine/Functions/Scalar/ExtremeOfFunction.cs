using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>max_of(a, b, ...)</c> and <c>min_of(a, b, ...)</c> over arguments already converted to one type. Non-null
/// values take precedence over nulls (the reference's example: <c>max_of(1, int(null))</c> is 1); all null gives null.
/// </summary>
internal sealed class ExtremeOfFunction(string name) : RowFunction(name)
{
    private readonly int _sign = name == "max_of" ? 1 : -1;

    protected override bool PropagatesNulls => false;

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        ScalarValue? best = null;
        foreach (var value in arguments)
        {
            if (value.IsNull && value.Type != ScalarType.String)
            {
                continue;
            }

            if (best is not { } current || _sign * Compare(value, current) > 0)
            {
                best = value;
            }
        }

        return best ?? ScalarValue.Null(arguments[0].Type);
    }

    private static int Compare(ScalarValue left, ScalarValue right) => left.Type switch
    {
        ScalarType.Real => left.Real.CompareTo(right.Real),
        ScalarType.Decimal => left.Decimal.CompareTo(right.Decimal),
        ScalarType.String => string.CompareOrdinal(left.String, right.String),
        ScalarType.Guid => left.Guid.CompareTo(right.Guid),
        _ => left.Int64.CompareTo(right.Int64),
    };
}
