using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>around(value, center, delta)</c>: whether value lies in [center - delta, center + delta], bounds included.
/// Numbers compare as reals; datetimes and timespans on ticks (delta a timespan). Any null argument gives null.
/// </summary>
internal sealed class AroundFunction() : RowFunction("around")
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        var value = arguments[0];
        var center = arguments[1];
        var delta = arguments[2];
        if (value.Type is ScalarType.DateTime or ScalarType.TimeSpan)
        {
            var distance = (Int128)value.Int64 - center.Int64;
            return ScalarValue.FromBool(Int128.Abs(distance) <= Int128.Abs(delta.Int64));
        }

        return ScalarValue.FromBool(Math.Abs(value.Real - center.Real) <= Math.Abs(delta.Real));
    }
}
