using System.Runtime.CompilerServices;

namespace Vigil.Engine.Values;

/// <summary>
/// Value orderings for <c>sort</c>, <c>top</c>, <c>min</c>/<c>max</c>. Reals order NaN below every number
/// (sort-operator.md: ascending with nulls first is null, NaN, -inf, -5, 0, 5, +inf); -0 and 0 are equal. Nulls
/// are the caller's (nulls first ascending, last descending, by default).
/// </summary>
internal static class KqlOrdering
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CompareReal(double left, double right)
    {
        // double.CompareTo already puts NaN first and treats -0 == 0 as equal; spelled out for clarity and speed.
        if (left < right)
        {
            return -1;
        }

        if (left > right)
        {
            return 1;
        }

        if (left == right)
        {
            return 0;
        }

        return double.IsNaN(left) ? (double.IsNaN(right) ? 0 : -1) : 1;
    }

    /// <summary>Strings compare ordinally (by UTF-16 code unit: "B" before "a").</summary>
    public static int CompareString(string left, string right) => string.CompareOrdinal(left, right);
}
