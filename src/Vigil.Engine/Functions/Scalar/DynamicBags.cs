using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// The property-bag functions (bag_has_key, bag_keys, bag_merge, bag_remove_keys, bag_set_key, bag_zip,
/// bag_pack_columns). Keys may be JSONPath to reach nested bags (<c>$.a.b</c>, <c>$['a']['b']</c>; no array
/// indexing, as the reference says). A bag argument that is not a bag makes the result null.
/// </summary>
internal static class DynamicBags
{
    public static ScalarValue HasKey(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryBag(arguments[0], out var bag) || !TryParsePath(arguments[1].String, out var path))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        for (var i = 0; i < path.Count; i++)
        {
            if (!bag.TryGetValue(path[i], out var value))
            {
                return ScalarValue.FromBool(false);
            }

            if (i < path.Count - 1)
            {
                if (value.Kind != DynamicKind.Bag)
                {
                    return ScalarValue.FromBool(false);
                }

                bag = value.Bag;
            }
        }

        return ScalarValue.FromBool(true);
    }

    public static ScalarValue Keys(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryBag(arguments[0], out var bag))
        {
            return DynamicArgs.NullDynamic;
        }

        var keys = new DynamicValue[bag.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = DynamicValue.FromString(bag.Keys[i]);
        }

        return DynamicArgs.Array(keys);
    }

    /// <summary>bag_merge(b1, b2, ...): all properties; when a key repeats, the first bag's value wins.</summary>
    public static ScalarValue Merge(ReadOnlySpan<ScalarValue> arguments)
    {
        var builder = new DynamicPropertyBag.Builder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (!DynamicArgs.TryBag(argument, out var bag))
            {
                return DynamicArgs.NullDynamic;
            }

            for (var i = 0; i < bag.Count; i++)
            {
                if (seen.Add(bag.Keys[i]))
                {
                    builder.Set(bag.Keys[i], bag.Values[i]);
                }
            }
        }

        return DynamicArgs.Dynamic(DynamicValue.FromBag(builder.ToBag()));
    }

    public static ScalarValue RemoveKeys(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryBag(arguments[0], out _) || !DynamicArgs.TryArray(arguments[1], out var keys))
        {
            return DynamicArgs.NullDynamic;
        }

        var result = arguments[0].Dynamic;
        foreach (var key in keys)
        {
            if (key.Kind == DynamicKind.String && TryParsePath(key.StringValue, out var path))
            {
                result = Remove(result, path, 0);
            }
        }

        return DynamicArgs.Dynamic(result);
    }

    /// <summary>bag_set_key(bag, key, value): sets the (possibly nested) key, creating the bags on its path.</summary>
    public static ScalarValue SetKey(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryBag(arguments[0], out _) && arguments[0].Dynamic.Kind != DynamicKind.Null)
        {
            return DynamicArgs.NullDynamic;
        }

        if (!TryParsePath(arguments[1].String, out var path))
        {
            return DynamicArgs.NullDynamic;
        }

        return DynamicArgs.Dynamic(Set(arguments[0].Dynamic, path, 0, DynamicArgs.ToDynamic(arguments[2])));
    }

    /// <summary>bag_zip(keys, values): keys that are not strings are skipped; missing values are null, extra values ignored.</summary>
    public static ScalarValue Zip(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var keys) || !DynamicArgs.TryArray(arguments[1], out var values))
        {
            return DynamicArgs.NullDynamic;
        }

        var builder = new DynamicPropertyBag.Builder(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Kind == DynamicKind.String)
            {
                builder.Set(keys[i].StringValue, i < values.Length ? values[i] : DynamicValue.Null);
            }
        }

        return DynamicArgs.Dynamic(DynamicValue.FromBag(builder.ToBag()));
    }

    /// <summary>bag_pack_columns(c1, c2, ...): a bag keyed by the column names (as bag_pack, nulls included).</summary>
    public static RowKernel PackColumns(string[] names) => arguments =>
    {
        var builder = new DynamicPropertyBag.Builder(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            builder.Set(names[i], DynamicArgs.ToDynamic(arguments[i]));
        }

        return DynamicArgs.Dynamic(DynamicValue.FromBag(builder.ToBag()));
    };

    /// <summary>pack_all([ignore_null_empty]): all columns of the row (the planner passes them after the flag).</summary>
    public static RowKernel PackAll(string[] names, bool hasFlag) => arguments =>
    {
        var ignoreEmpty = hasFlag && DynamicArgs.TryBool(arguments[0], out var flag) && flag;
        var offset = hasFlag ? 1 : 0;
        var builder = new DynamicPropertyBag.Builder(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            var value = DynamicArgs.ToDynamic(arguments[i + offset]);
            if (ignoreEmpty && (value.IsNull || (value.Kind == DynamicKind.String && value.StringValue.Length == 0)))
            {
                continue;
            }

            builder.Set(names[i], value);
        }

        return DynamicArgs.Dynamic(DynamicValue.FromBag(builder.ToBag()));
    };

    /// <summary>A key or a JSONPath (<c>$.a.b</c>, <c>$['a'].b</c>) as its property names; false when malformed.</summary>
    public static bool TryParsePath(string text, out List<string> path)
    {
        path = [];
        if (!text.StartsWith('$'))
        {
            path.Add(text);
            return true;
        }

        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    return false;
                }

                path.Add(text[start..i]);
            }
            else if (text[i] == '[' && i + 1 < text.Length && text[i + 1] is '\'' or '"')
            {
                var quote = text[i + 1];
                var close = text.IndexOf(quote, i + 2);
                if (close < 0 || close + 1 >= text.Length || text[close + 1] != ']')
                {
                    return false;
                }

                path.Add(text[(i + 2)..close]);
                i = close + 2;
            }
            else
            {
                return false;
            }
        }

        return path.Count > 0;
    }

    private static DynamicValue Remove(DynamicValue bag, List<string> path, int depth)
    {
        if (bag.Kind != DynamicKind.Bag)
        {
            return bag;
        }

        var source = bag.Bag;
        var index = source.IndexOf(path[depth]);
        if (index < 0)
        {
            return bag;
        }

        var builder = new DynamicPropertyBag.Builder(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            if (i != index)
            {
                builder.Set(source.Keys[i], source.Values[i]);
            }
            else if (depth < path.Count - 1)
            {
                builder.Set(source.Keys[i], Remove(source.Values[i], path, depth + 1));
            }
        }

        return DynamicValue.FromBag(builder.ToBag());
    }

    private static DynamicValue Set(DynamicValue bag, List<string> path, int depth, DynamicValue value)
    {
        var source = bag.Bag;
        var builder = new DynamicPropertyBag.Builder(source.Count + 1);
        for (var i = 0; i < source.Count; i++)
        {
            builder.Set(source.Keys[i], source.Values[i]);
        }

        var key = path[depth];
        var inner = depth < path.Count - 1
            ? Set(source.TryGetValue(key, out var existing) && existing.Kind == DynamicKind.Bag ? existing : DynamicValue.EmptyBag, path, depth + 1, value)
            : value;
        builder.Set(key, inner);
        return DynamicValue.FromBag(builder.ToBag());
    }
}
