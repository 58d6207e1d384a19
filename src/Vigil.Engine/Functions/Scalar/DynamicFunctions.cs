using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>pack_array(a, b, ...)</c>: a dynamic array of the arguments.</summary>
internal sealed class PackArrayFunction() : ScalarFunction("pack_array")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var items = new DynamicValue?[arguments.Length];
        for (var i = 0; i < rowCount; i++)
        {
            for (var a = 0; a < arguments.Length; a++)
            {
                items[a] = ConvertFunction.ToDynamic(arguments[a], i);
            }

            result.Dynamic[i] = DynamicValue.FromArray(items);
        }
    }
}

/// <summary><c>bag_pack(key1, value1, ...)</c> / <c>pack</c>: a property bag.</summary>
internal sealed class BagPackFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            var bag = new DynamicPropertyBag.Builder(arguments.Length / 2);
            for (var a = 0; a + 1 < arguments.Length; a += 2)
            {
                bag.Set(ConvertFunction.ToText(arguments[a], i), ConvertFunction.ToDynamic(arguments[a + 1], i));
            }

            result.Dynamic[i] = DynamicValue.FromBag(bag.ToBag());
        }
    }
}

/// <summary><c>array_length(d)</c>: elements of a dynamic array; null for anything else.</summary>
internal sealed class ArrayLengthFunction() : ScalarFunction("array_length")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        for (var i = 0; i < rowCount; i++)
        {
            var value = input.Dynamic[i];
            if (value is { Kind: DynamicKind.Array } && !input.IsNull(i))
            {
                result.Int64[i] = value.Count;
            }
            else
            {
                result.SetNull(i);
            }
        }
    }
}

/// <summary><c>parse_json(s)</c> / <c>todynamic(s)</c>: JSON text to a dynamic value (invalid JSON stays a string).</summary>
internal sealed class ParseJsonFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        for (var i = 0; i < rowCount; i++)
        {
            result.Dynamic[i] = input.Kind == PhysicalKind.String
                ? DynamicValue.ParseJsonOrString(input.GetString(i))
                : ConvertFunction.ToDynamic(input, i);
        }
    }
}

/// <summary><c>d.key</c>, <c>d["key"]</c>, <c>d[index]</c>: a property or element of a dynamic value (null when absent).</summary>
internal sealed class DynamicAccessFunction() : ScalarFunction("[]")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var value = arguments[0];
        var key = arguments[1];
        for (var i = 0; i < rowCount; i++)
        {
            var d = value.IsNull(i) ? DynamicValue.Null : value.Dynamic[i] ?? DynamicValue.Null;
            result.Dynamic[i] = key.Kind == PhysicalKind.String
                ? d.GetProperty(key.GetString(i))
                : key.IsNull(i) ? DynamicValue.Null : d.GetElement(key.Int64[i]);
        }
    }
}
