using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// The set functions over dynamic arrays (set_union, set_intersect, set_difference, set_has_element, set_equals,
/// jaccard_index): elements compare by <see cref="DynamicValue"/>'s structural equality; results keep the order of
/// first appearance and hold each distinct value once.
/// </summary>
internal static class DynamicSets
{
    public static ScalarValue Union(ReadOnlySpan<ScalarValue> arguments)
    {
        var seen = new HashSet<DynamicValue>();
        var result = new List<DynamicValue>();
        foreach (var argument in arguments)
        {
            if (!DynamicArgs.TryArray(argument, out var items))
            {
                return DynamicArgs.NullDynamic;
            }

            foreach (var item in items)
            {
                if (seen.Add(item))
                {
                    result.Add(item);
                }
            }
        }

        return DynamicArgs.Array([.. result]);
    }

    /// <summary>set_intersect (<paramref name="intersect"/>) keeps the first array's values found in all others; set_difference those found in none.</summary>
    public static RowKernel Filter(bool intersect) => arguments =>
    {
        if (!DynamicArgs.TryArray(arguments[0], out var first))
        {
            return DynamicArgs.NullDynamic;
        }

        var others = new HashSet<DynamicValue>[arguments.Length - 1];
        for (var a = 1; a < arguments.Length; a++)
        {
            if (!DynamicArgs.TryArray(arguments[a], out var items))
            {
                return DynamicArgs.NullDynamic;
            }

            others[a - 1] = [.. items.ToArray()];
        }

        var seen = new HashSet<DynamicValue>();
        var result = new List<DynamicValue>();
        foreach (var item in first)
        {
            var inAll = true;
            var inAny = false;
            foreach (var other in others)
            {
                var contains = other.Contains(item);
                inAll &= contains;
                inAny |= contains;
            }

            if ((intersect ? inAll : !inAny) && seen.Add(item))
            {
                result.Add(item);
            }
        }

        return DynamicArgs.Array([.. result]);
    };

    public static ScalarValue HasElement(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var items))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        var value = DynamicArgs.ToDynamic(arguments[1]);
        foreach (var item in items)
        {
            if (item.Equals(value))
            {
                return ScalarValue.FromBool(true);
            }
        }

        return ScalarValue.FromBool(false);
    }

    public static ScalarValue SetEquals(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var left) || !DynamicArgs.TryArray(arguments[1], out var right))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        return ScalarValue.FromBool(new HashSet<DynamicValue>(left.ToArray()).SetEquals(right.ToArray()));
    }

    /// <summary>jaccard_index(a, b): distinct common values over distinct values of either.</summary>
    public static ScalarValue Jaccard(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var left) || !DynamicArgs.TryArray(arguments[1], out var right))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var a = new HashSet<DynamicValue>(left.ToArray());
        var b = new HashSet<DynamicValue>(right.ToArray());
        var union = new HashSet<DynamicValue>(a);
        union.UnionWith(b);
        a.IntersectWith(b);
        return ScalarValue.FromReal(union.Count == 0 ? double.NaN : (double)a.Count / union.Count);
    }
}
