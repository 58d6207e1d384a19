using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// array_sort_asc / array_sort_desc(array1 [, array2, ...] [, nulls_last]): sorts the first array (stable) and
/// reorders the others to match; an array of another length than the first becomes null. Mixed kinds order as the
/// reference says: numbers, datetimes and timespans, then strings, then guids, then everything else; nulls go last
/// unless nulls_last is false. With one array the result is the sorted array; with several it is an array of the
/// sorted arrays (so that <c>array_sort_asc(a, b)[1]</c> is b in a's order).
/// </summary>
internal static class DynamicSort
{
    public static RowKernel Sort(bool descending) => arguments =>
    {
        var count = arguments.Length;
        var nullsLast = true;
        if (count > 1 && arguments[count - 1].Type == ScalarType.Bool)
        {
            nullsLast = arguments[count - 1].IsNull || arguments[count - 1].Bool;
            count--;
        }

        if (!DynamicArgs.TryArray(arguments[0], out var first))
        {
            return DynamicArgs.NullDynamic;
        }

        var order = new int[first.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = first.ToArray();
        var comparer = Comparer<int>.Create((x, y) =>
        {
            var a = keys[x];
            var b = keys[y];
            int compared;
            if (a.IsNull || b.IsNull)
            {
                compared = a.IsNull == b.IsNull ? 0 : (a.IsNull == nullsLast ? 1 : -1);
            }
            else
            {
                compared = Compare(a, b);
                compared = descending ? -compared : compared;
            }

            return compared != 0 ? compared : x.CompareTo(y);
        });
        System.Array.Sort(order, comparer);

        var results = new DynamicValue[count];
        for (var a = 0; a < count; a++)
        {
            if (!DynamicArgs.TryArray(arguments[a], out var items) || items.Length != order.Length)
            {
                results[a] = DynamicValue.Null;
                continue;
            }

            var sorted = new DynamicValue[items.Length];
            for (var i = 0; i < sorted.Length; i++)
            {
                sorted[i] = items[order[i]];
            }

            results[a] = DynamicValue.WrapArray(sorted);
        }

        return count == 1 ? DynamicArgs.Dynamic(results[0]) : DynamicArgs.Array(results);
    };

    /// <summary>The order of two non-null elements (ascending).</summary>
    public static int Compare(DynamicValue a, DynamicValue b)
    {
        var rankA = Rank(a);
        var rankB = Rank(b);
        if (rankA != rankB)
        {
            return rankA.CompareTo(rankB);
        }

        switch (rankA)
        {
            case 0:
                if (IsWhole(a) && IsWhole(b))
                {
                    return WholeOf(a).CompareTo(WholeOf(b));
                }

                return KqlOrdering.CompareReal(RealOf(a), RealOf(b));
            case 1:
                return KqlOrdering.CompareString(a.StringValue, b.StringValue);
            case 2:
                return a.GuidValue.CompareTo(b.GuidValue);
            default:
                return a.Kind == DynamicKind.Bool && b.Kind == DynamicKind.Bool ? a.BoolValue.CompareTo(b.BoolValue) : 0;
        }
    }

    private static int Rank(DynamicValue value) => value.Kind switch
    {
        DynamicKind.Long or DynamicKind.Real or DynamicKind.Decimal or DynamicKind.DateTime or DynamicKind.TimeSpan => 0,
        DynamicKind.String => 1,
        DynamicKind.Guid => 2,
        _ => 3,
    };

    private static bool IsWhole(DynamicValue value) => value.Kind is DynamicKind.Long or DynamicKind.DateTime or DynamicKind.TimeSpan;

    private static long WholeOf(DynamicValue value) => value.Kind switch
    {
        DynamicKind.Long => value.LongValue,
        DynamicKind.DateTime => value.DateTimeTicks,
        _ => value.TimeSpanTicks,
    };

    private static double RealOf(DynamicValue value) =>
        IsWhole(value) ? WholeOf(value) : value.Kind == DynamicKind.Decimal ? (double)value.DecimalValue : value.RealValue;
}
