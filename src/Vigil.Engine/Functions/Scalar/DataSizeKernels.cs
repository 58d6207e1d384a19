using System.Text;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// estimate_data_size(columns): the estimated bytes of the row's values, by type and value as the reference
/// describes (its example: a long is 8, a string its length). Strings count their UTF-8 bytes; int 4; long, real,
/// datetime and timespan 8; bool 1; guid and decimal 16; a dynamic value 8 bytes per node plus its JSON text
/// for the richer internal form (the reference: dynamic({"a":"bcd"}) is larger than the string of its text);
/// nulls 0.
/// </summary>
internal static class DataSizeKernels
{
    public static ScalarValue Estimate(ReadOnlySpan<ScalarValue> arguments)
    {
        long total = 0;
        foreach (var value in arguments)
        {
            total += SizeOf(value);
        }

        return ScalarValue.FromLong(total);
    }

    private static long SizeOf(in ScalarValue value)
    {
        if (value.IsNull)
        {
            return 0;
        }

        return value.Type switch
        {
            ScalarType.String => Encoding.UTF8.GetByteCount(value.String),
            ScalarType.Int => 4,
            ScalarType.Bool => 1,
            ScalarType.Guid or ScalarType.Decimal => 16,
            ScalarType.Dynamic => SizeOf(value.Dynamic),
            _ => 8,
        };
    }

    private static long SizeOf(DynamicValue value)
    {
        switch (value.Kind)
        {
            case DynamicKind.Array:
            {
                long size = 8;
                foreach (var item in value.ArrayItems)
                {
                    size += SizeOf(item);
                }

                return size;
            }

            case DynamicKind.Bag:
                return 8 + Encoding.UTF8.GetByteCount(value.ToJsonString());
            case DynamicKind.String:
                return 8 + Encoding.UTF8.GetByteCount(value.StringValue);
            default:
                return 8 + Encoding.UTF8.GetByteCount(value.ToJsonString());
        }
    }
}
