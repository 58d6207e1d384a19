using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Functions about a dynamic value's shape and text: dynamic_to_json (canonical JSON: keys sorted ordinally at
/// every depth), treepath (the paths of a bag's leaves; an array's elements share one <c>[0]</c> path), gettype,
/// and the scalar range(start, stop [, step]).
/// </summary>
internal static class DynamicShapes
{
    public static ScalarValue ToJson(ReadOnlySpan<ScalarValue> arguments) =>
        ScalarValue.FromString(Canonical(DynamicArgs.ToDynamic(arguments[0])).ToJsonString());

    public static ScalarValue TreePath(ReadOnlySpan<ScalarValue> arguments)
    {
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        CollectPaths(DynamicArgs.ToDynamic(arguments[0]), string.Empty, paths, seen);
        var result = new DynamicValue[paths.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = DynamicValue.FromString(paths[i]);
        }

        return DynamicArgs.Array(result);
    }

    /// <summary>gettype(x): the dynamic kind's name for dynamic values, the scalar type's name otherwise.</summary>
    public static ScalarValue GetType(ReadOnlySpan<ScalarValue> arguments)
    {
        var value = arguments[0];
        return ScalarValue.FromString(value.Type == ScalarType.Dynamic ? value.Dynamic.TypeName : TypeFacts.GetName(value.Type));
    }

    /// <summary>range(start, stop [, step]): start, start+step, ... while not past stop; at most 2^20 values.</summary>
    public static RowKernel Range(ScalarType elementType) => arguments =>
    {
        var hasStep = arguments.Length > 2;
        switch (elementType)
        {
            case ScalarType.Real:
            {
                if (!DynamicArgs.TryReal(arguments[0], out var start) || !DynamicArgs.TryReal(arguments[1], out var stop))
                {
                    return DynamicArgs.NullDynamic;
                }

                var step = 1.0;
                if ((hasStep && !DynamicArgs.TryReal(arguments[2], out step)) || step == 0 || !double.IsFinite(step))
                {
                    return DynamicArgs.NullDynamic;
                }

                var items = new List<DynamicValue>();
                for (var i = 0L; i < DynamicArgs.MaxElements; i++)
                {
                    var value = start + (i * step);
                    if (step > 0 ? value > stop : value < stop)
                    {
                        break;
                    }

                    items.Add(DynamicValue.FromReal(value));
                }

                return DynamicArgs.Array([.. items]);
            }

            case ScalarType.DateTime or ScalarType.TimeSpan or ScalarType.Long or ScalarType.Int:
            {
                var temporal = elementType is ScalarType.DateTime or ScalarType.TimeSpan;
                if (arguments[0].IsNull || arguments[1].IsNull || !TryWhole(arguments[0], out var start) || !TryWhole(arguments[1], out var stop))
                {
                    return DynamicArgs.NullDynamic;
                }

                var step = temporal ? TimeSpan.TicksPerHour : 1L;
                if ((hasStep && (arguments[2].IsNull || !TryWhole(arguments[2], out step))) || step == 0)
                {
                    return DynamicArgs.NullDynamic;
                }

                var items = new List<DynamicValue>();
                var value = start;
                for (var i = 0; i < DynamicArgs.MaxElements && (step > 0 ? value <= stop : value >= stop); i++)
                {
                    items.Add(elementType switch
                    {
                        ScalarType.DateTime => DynamicValue.FromDateTime(value),
                        ScalarType.TimeSpan => DynamicValue.FromTimeSpan(value),
                        _ => DynamicValue.FromLong(value),
                    });
                    if ((step > 0 && value > long.MaxValue - step) || (step < 0 && value < long.MinValue - step))
                    {
                        break;
                    }

                    value += step;
                }

                return DynamicArgs.Array([.. items]);
            }

            default:
                return DynamicArgs.NullDynamic;
        }
    };

    private static bool TryWhole(in ScalarValue value, out long result)
    {
        if (value.Type is ScalarType.DateTime or ScalarType.TimeSpan)
        {
            result = value.Int64;
            return true;
        }

        return DynamicArgs.TryLong(value, out result);
    }

    /// <summary>The value with every bag's keys in ordinal order.</summary>
    private static DynamicValue Canonical(DynamicValue value)
    {
        switch (value.Kind)
        {
            case DynamicKind.Array:
            {
                var items = value.ArrayItems;
                var copy = new DynamicValue[items.Length];
                for (var i = 0; i < copy.Length; i++)
                {
                    copy[i] = Canonical(items[i]);
                }

                return DynamicValue.WrapArray(copy);
            }

            case DynamicKind.Bag:
            {
                var bag = value.Bag;
                var order = new int[bag.Count];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                var keys = bag.Keys.ToArray();
                System.Array.Sort(order, (x, y) => string.CompareOrdinal(keys[x], keys[y]));
                var builder = new DynamicPropertyBag.Builder(order.Length);
                foreach (var i in order)
                {
                    builder.Set(keys[i], Canonical(bag.Values[i]));
                }

                return DynamicValue.FromBag(builder.ToBag());
            }

            default:
                return value;
        }
    }

    private static void CollectPaths(DynamicValue value, string prefix, List<string> paths, HashSet<string> seen)
    {
        switch (value.Kind)
        {
            case DynamicKind.Bag:
            {
                var bag = value.Bag;
                for (var i = 0; i < bag.Count; i++)
                {
                    var path = prefix + "['" + bag.Keys[i] + "']";
                    if (seen.Add(path))
                    {
                        paths.Add(path);
                    }

                    CollectPaths(bag.Values[i], path, paths, seen);
                }

                break;
            }

            case DynamicKind.Array when value.Count > 0:
            {
                var path = prefix + "[0]";
                if (prefix.Length > 0 && seen.Add(path))
                {
                    paths.Add(path);
                }

                foreach (var item in value.ArrayItems)
                {
                    CollectPaths(item, path, paths, seen);
                }

                break;
            }
        }
    }
}
