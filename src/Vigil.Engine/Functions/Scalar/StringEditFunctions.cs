using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary><c>replace_string(s, lookup, rewrite)</c>: every ordinal occurrence replaced.</summary>
internal sealed class ReplaceStringFunction() : ScalarFunction("replace_string")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            var lookup = arguments[1].GetString(i);
            var text = arguments[0].GetString(i);
            result.Strings[i] = lookup.Length == 0 ? text : text.Replace(lookup, arguments[2].GetString(i), StringComparison.Ordinal);
        }
    }
}

/// <summary><c>split(s, delimiter [, index])</c>: a dynamic array of the parts (or the one part at index, as an array).</summary>
internal sealed class SplitFunction() : ScalarFunction("split")
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        for (var i = 0; i < rowCount; i++)
        {
            var delimiter = arguments[1].GetString(i);
            var parts = delimiter.Length == 0 ? [arguments[0].GetString(i)] : arguments[0].GetString(i).Split(delimiter);
            var items = new DynamicValue?[parts.Length];
            for (var p = 0; p < parts.Length; p++)
            {
                items[p] = DynamicValue.FromString(parts[p]);
            }

            if (arguments.Length > 2)
            {
                var index = arguments[2].Int64[i];
                items = (ulong)index < (ulong)parts.Length ? [items[index]] : [];
            }

            result.Dynamic[i] = DynamicValue.FromArray(items);
        }
    }
}
