using System.Runtime.CompilerServices;

namespace Vigil.Engine.Values;

/// <summary>
/// Kusto's null rules for predicates (scalar-data-types/null-values.md), as scalar helpers (<c>bool?</c>) and as
/// word-at-a-time helpers over 64-row value/validity bitmaps for vectorized kernels (bit set in <c>valid</c> = not
/// null; a value bit is only meaningful where its valid bit is set, and results clear value bits of null rows).
/// <list type="bullet">
/// <item><c>==</c>: null == null is null; null == x is false.</item>
/// <item><c>!=</c>: null != null is null; null != x is true.</item>
/// <item>Every other comparison and arithmetic operator with a null operand gives null.</item>
/// <item><c>and</c>/<c>or</c> are three-valued: false and null is false, true or null is true, otherwise null
/// wins; <c>not(null)</c> is null.</item>
/// <item><c>where</c> keeps only rows whose predicate is true (valid and set): see <see cref="TrueRows"/>.</item>
/// </list>
/// </summary>
internal static class KqlLogic
{
    public static bool? And(bool? left, bool? right) =>
        left == false || right == false ? false : left is null || right is null ? null : true;

    public static bool? Or(bool? left, bool? right) =>
        left == true || right == true ? true : left is null || right is null ? null : false;

    public static bool? Not(bool? value) => value is null ? null : !value.Value;

    /// <summary><c>a == b</c> given which sides are null and, when neither is, whether the values are equal.</summary>
    public static bool? Equal(bool leftIsNull, bool rightIsNull, bool valuesEqual) =>
        leftIsNull && rightIsNull ? null : leftIsNull || rightIsNull ? false : valuesEqual;

    /// <summary><c>a != b</c> given which sides are null and, when neither is, whether the values are equal.</summary>
    public static bool? NotEqual(bool leftIsNull, bool rightIsNull, bool valuesEqual) =>
        leftIsNull && rightIsNull ? null : leftIsNull || rightIsNull ? true : !valuesEqual;

    /// <summary>64 rows of <c>and</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void And(ulong leftValue, ulong leftValid, ulong rightValue, ulong rightValid, out ulong value, out ulong valid)
    {
        var leftFalse = leftValid & ~leftValue;
        var rightFalse = rightValid & ~rightValue;
        valid = (leftValid & rightValid) | leftFalse | rightFalse;
        value = leftValue & leftValid & rightValue & rightValid;
    }

    /// <summary>64 rows of <c>or</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Or(ulong leftValue, ulong leftValid, ulong rightValue, ulong rightValid, out ulong value, out ulong valid)
    {
        var leftTrue = leftValid & leftValue;
        var rightTrue = rightValid & rightValue;
        valid = (leftValid & rightValid) | leftTrue | rightTrue;
        value = leftTrue | rightTrue;
    }

    /// <summary>64 rows of <c>not</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Not(ulong inputValue, ulong inputValid, out ulong value, out ulong valid)
    {
        valid = inputValid;
        value = ~inputValue & inputValid;
    }

    /// <summary>64 rows of <c>==</c>; <paramref name="equal"/> holds the raw comparison (ignored where a side is null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Equal(ulong equal, ulong leftValid, ulong rightValid, out ulong value, out ulong valid)
    {
        valid = leftValid | rightValid;
        value = equal & leftValid & rightValid;
    }

    /// <summary>64 rows of <c>!=</c>; <paramref name="equal"/> holds the raw comparison (ignored where a side is null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NotEqual(ulong equal, ulong leftValid, ulong rightValid, out ulong value, out ulong valid)
    {
        valid = leftValid | rightValid;
        value = (~equal & leftValid & rightValid) | (leftValid ^ rightValid);
    }

    /// <summary>64 rows of a sticky-null operator (<c>&lt;</c>, <c>+</c>, ...): valid only where both sides are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sticky(ulong leftValid, ulong rightValid) => leftValid & rightValid;

    /// <summary>The rows a <c>where</c> keeps: true and not null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong TrueRows(ulong value, ulong valid) => value & valid;
}
