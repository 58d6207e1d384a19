using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Planning.Operators;
using Vigil.Engine.Values;

namespace Vigil.Engine.Execution.Operators;

/// <summary>
/// Compares buffered rows by sort keys (each key a materialized column), with Kusto's orderings: reals with NaN
/// first, strings ordinal, nulls first or last per key; ties keep arrival order, so sorting is stable.
/// </summary>
internal sealed class RowComparer(ColumnVector[] keys, IReadOnlyList<SortKey> specs) : IComparer<int>
{
    public int Compare(int x, int y)
    {
        for (var k = 0; k < keys.Length; k++)
        {
            var c = CompareKey(keys[k], specs[k], x, y);
            if (c != 0)
            {
                return c;
            }
        }

        return x.CompareTo(y);
    }

    private static int CompareKey(ColumnVector key, SortKey spec, int x, int y)
    {
        var xNull = key.IsNull(x);
        var yNull = key.IsNull(y);
        if (xNull || yNull)
        {
            if (xNull && yNull)
            {
                return 0;
            }

            // Nulls placement is absolute: it does not flip with the direction.
            return xNull == spec.NullsFirst ? -1 : 1;
        }

        var c = key.Kind switch
        {
            PhysicalKind.Int64 => key.Int64[x].CompareTo(key.Int64[y]),
            PhysicalKind.Real => KqlOrdering.CompareReal(key.Real[x], key.Real[y]),
            PhysicalKind.Decimal => key.Decimal[x].CompareTo(key.Decimal[y]),
            PhysicalKind.Bool => key.Bool[x].CompareTo(key.Bool[y]),
            PhysicalKind.Guid => key.Guid[x].CompareTo(key.Guid[y]),
            PhysicalKind.String => KqlOrdering.CompareString(key.GetString(x), key.GetString(y)),
            _ => string.CompareOrdinal(key.Dynamic[x]?.ToString(), key.Dynamic[y]?.ToString()),
        };
        return spec.Descending ? -c : c;
    }
}
