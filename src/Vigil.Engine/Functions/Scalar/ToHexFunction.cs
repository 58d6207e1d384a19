using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>tohex(value [, minLength])</c>: lower-case hexadecimal of an int (32-bit two's complement) or a long (64-bit),
/// left-padded with zeros to <c>minLength</c> (capped at 16). A null value gives null; strings are never null, so
/// the result is an empty string then.
/// </summary>
internal sealed class ToHexFunction() : RowFunction("tohex")
{
    protected override bool PropagatesNulls => false;

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context)
    {
        var value = arguments[0];
        if (value.IsNull)
        {
            return ScalarValue.FromString(string.Empty);
        }

        var text = value.Type == ScalarType.Int ? ((int)value.Int64).ToString("x", null) : value.Int64.ToString("x", null);
        if (arguments.Length > 1 && !arguments[1].IsNull)
        {
            var minimum = (int)Math.Clamp(arguments[1].Int64, 0, 16);
            text = text.PadLeft(minimum, '0');
        }

        return ScalarValue.FromString(text);
    }
}
