using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// The array functions (array_concat, array_reverse, array_rotate_*, array_shift_*, array_slice, array_split,
/// array_iff, array_index_of, zip, repeat): one static rule each over row arguments. An argument that must be an
/// array and is not one makes the result null, as in Kusto.
/// </summary>
internal static class DynamicArrays
{
    public static ScalarValue Concat(ReadOnlySpan<ScalarValue> arguments)
    {
        var items = new List<DynamicValue>();
        foreach (var argument in arguments)
        {
            if (!DynamicArgs.TryArray(argument, out var array))
            {
                return DynamicArgs.NullDynamic;
            }

            items.AddRange(array);
        }

        return DynamicArgs.Array([.. items]);
    }

    public static ScalarValue Reverse(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var array))
        {
            return DynamicArgs.NullDynamic;
        }

        var copy = array.ToArray();
        System.Array.Reverse(copy);
        return DynamicArgs.Array(copy);
    }

    /// <summary>array_rotate_left (<paramref name="left"/>) / array_rotate_right; a negative count turns the other way.</summary>
    public static RowKernel Rotate(bool left) => arguments =>
    {
        if (!DynamicArgs.TryArray(arguments[0], out var array) || !DynamicArgs.TryLong(arguments[1], out var count))
        {
            return DynamicArgs.NullDynamic;
        }

        var length = array.Length;
        if (length == 0)
        {
            return DynamicArgs.Array([]);
        }

        var shift = (int)(((left ? count : -count) % length + length) % length);
        var result = new DynamicValue[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = array[(i + shift) % length];
        }

        return DynamicArgs.Array(result);
    };

    /// <summary>array_shift_left / array_shift_right: elements move out at one end, the default (null) fills the other.</summary>
    public static RowKernel Shift(bool left) => arguments =>
    {
        if (!DynamicArgs.TryArray(arguments[0], out var array) || !DynamicArgs.TryLong(arguments[1], out var count))
        {
            return DynamicArgs.NullDynamic;
        }

        var fill = arguments.Length > 2 ? DynamicArgs.ToDynamic(arguments[2]) : DynamicValue.Null;
        var length = array.Length;
        var offset = left ? count : -count;
        var result = new DynamicValue[length];
        for (var i = 0; i < length; i++)
        {
            var source = i + offset;
            result[i] = source >= 0 && source < length ? array[(int)source] : fill;
        }

        return DynamicArgs.Array(result);
    };

    public static ScalarValue Slice(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var array)
            || !DynamicArgs.TryLong(arguments[1], out var start)
            || !DynamicArgs.TryLong(arguments[2], out var end))
        {
            return DynamicArgs.NullDynamic;
        }

        var length = array.Length;
        start = start < 0 ? Math.Max(0, start + length) : start;
        end = end < 0 ? end + length : Math.Min(end, length - 1);
        return start > end || start >= length
            ? DynamicArgs.Array([])
            : DynamicArgs.Array(array[(int)start..(int)(end + 1)].ToArray());
    }

    public static ScalarValue Split(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var array))
        {
            return DynamicArgs.NullDynamic;
        }

        var indices = new List<long>();
        if (DynamicArgs.TryArray(arguments[1], out var list))
        {
            foreach (var item in list)
            {
                if (!DynamicConversions.TryToLong(item, out var index) || item.Kind is not (DynamicKind.Long or DynamicKind.Real))
                {
                    return DynamicArgs.NullDynamic;
                }

                indices.Add(index);
            }
        }
        else if (DynamicArgs.TryLong(arguments[1], out var single))
        {
            indices.Add(single);
        }
        else
        {
            return DynamicArgs.NullDynamic;
        }

        var length = array.Length;
        var parts = new DynamicValue[indices.Count + 1];
        var from = 0;
        for (var i = 0; i <= indices.Count; i++)
        {
            var to = length;
            if (i < indices.Count)
            {
                var index = indices[i] < 0 ? indices[i] + length : indices[i];
                to = (int)Math.Clamp(index, from, length);
            }

            parts[i] = DynamicValue.WrapArray(array[from..to].ToArray());
            from = to;
        }

        return DynamicArgs.Array(parts);
    }

    /// <summary>array_iff(conditions, when_true, when_false): per element; each branch is an array (by position) or a scalar.</summary>
    public static ScalarValue Iff(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var conditions))
        {
            return DynamicArgs.NullDynamic;
        }

        var whenTrue = DynamicArgs.ToDynamic(arguments[1]);
        var whenFalse = DynamicArgs.ToDynamic(arguments[2]);
        var result = new DynamicValue[conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            var condition = conditions[i];
            bool truth;
            if (condition.Kind == DynamicKind.Bool)
            {
                truth = condition.BoolValue;
            }
            else if (DynamicArgs.TryNumber(condition, out var number))
            {
                truth = number != 0;
            }
            else
            {
                result[i] = DynamicValue.Null;
                continue;
            }

            var branch = truth ? whenTrue : whenFalse;
            result[i] = branch.Kind == DynamicKind.Array ? branch.GetElement(i) : branch;
        }

        return DynamicArgs.Array(result);
    }

    /// <summary>array_index_of(array, value [, start [, length [, occurrence]]]): the position, -1 when absent.</summary>
    public static ScalarValue IndexOf(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var array))
        {
            return ScalarValue.Null(ScalarType.Long);
        }

        long start = 0, length = -1, occurrence = 1;
        if ((arguments.Length > 2 && !arguments[2].IsNull && !DynamicArgs.TryLong(arguments[2], out start))
            || (arguments.Length > 3 && !arguments[3].IsNull && !DynamicArgs.TryLong(arguments[3], out length))
            || (arguments.Length > 4 && !arguments[4].IsNull && !DynamicArgs.TryLong(arguments[4], out occurrence))
            || occurrence < 0 || length < -1)
        {
            return ScalarValue.Null(ScalarType.Long);
        }

        var count = array.Length;
        if (start < 0)
        {
            start = Math.Max(0, start + count);
        }

        var end = length == -1 ? count : Math.Min(count, start + length);
        var value = DynamicArgs.ToDynamic(arguments[1]);
        var seen = 0L;
        for (var i = start; i < end; i++)
        {
            if (array[(int)i].Equals(value) && ++seen >= Math.Max(occurrence, 1))
            {
                return ScalarValue.FromLong(i);
            }
        }

        return ScalarValue.FromLong(-1);
    }

    /// <summary>zip(a1, a2, ...): an array of tuples, as long as the longest array; missing elements are null.</summary>
    public static ScalarValue Zip(ReadOnlySpan<ScalarValue> arguments)
    {
        var arrays = new DynamicValue[arguments.Length];
        var longest = 0;
        for (var a = 0; a < arguments.Length; a++)
        {
            if (!DynamicArgs.TryArray(arguments[a], out var items))
            {
                return DynamicArgs.NullDynamic;
            }

            arrays[a] = arguments[a].Dynamic;
            longest = Math.Max(longest, items.Length);
        }

        var result = new DynamicValue[longest];
        for (var i = 0; i < longest; i++)
        {
            var tuple = new DynamicValue[arrays.Length];
            for (var a = 0; a < arrays.Length; a++)
            {
                tuple[a] = arrays[a].GetElement(i);
            }

            result[i] = DynamicValue.WrapArray(tuple);
        }

        return DynamicArgs.Array(result);
    }

    /// <summary>repeat(value, count): an array of count copies; null for a negative count.</summary>
    public static ScalarValue Repeat(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryLong(arguments[1], out var count) || count < 0)
        {
            return DynamicArgs.NullDynamic;
        }

        var value = DynamicArgs.ToDynamic(arguments[0]);
        var result = new DynamicValue[Math.Min(count, DynamicArgs.MaxElements)];
        System.Array.Fill(result, value);
        return DynamicArgs.Array(result);
    }

    /// <summary>array_sum(array): the sum of the numeric elements as a real (others are skipped).</summary>
    public static ScalarValue Sum(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!DynamicArgs.TryArray(arguments[0], out var array))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var sum = 0.0;
        foreach (var item in array)
        {
            if (DynamicArgs.TryNumber(item, out var number))
            {
                sum += number;
            }
        }

        return ScalarValue.FromReal(sum);
    }
}
