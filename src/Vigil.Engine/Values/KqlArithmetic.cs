using System.Runtime.CompilerServices;

namespace Vigil.Engine.Values;

/// <summary>The numeric types of KQL, narrowest first: mixed arithmetic promotes to the wider one.</summary>
internal enum NumericKind : byte
{
    Int,
    Long,
    Real,
    Decimal,
}

/// <summary>
/// KQL's numeric operator semantics (numerical-operators.md). Integer <c>+ - *</c> wrap on overflow (64-bit two's
/// complement, as .NET's unchecked arithmetic); integer <c>/</c> truncates toward zero; <c>%</c> always returns a
/// value with 0 &lt;= N % D &lt; abs(D) (<c>-14 % 12</c> is 10); integer and decimal division or modulo by zero
/// give null (false here); real arithmetic is IEEE (<c>1.0/0</c> is +inf, <c>0.0/0</c> NaN). Decimal overflow gives
/// null.
/// </summary>
internal static class KqlArithmetic
{
    /// <summary>
    /// The type of <c>a op b</c> for arithmetic operators: the wider operand type, and at least long (two ints give
    /// a long, per the reference's type rules).
    /// </summary>
    public static NumericKind ResultKind(NumericKind left, NumericKind right)
    {
        var wider = left > right ? left : right;
        return wider == NumericKind.Int ? NumericKind.Long : wider;
    }

    /// <summary>The type both operands of a comparison are converted to: the wider one.</summary>
    public static NumericKind ComparisonKind(NumericKind left, NumericKind right) => left > right ? left : right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Add(long left, long right) => unchecked(left + right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Subtract(long left, long right) => unchecked(left - right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Multiply(long left, long right) => unchecked(left * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Negate(long value) => unchecked(-value);

    /// <summary>Truncating division; false (null) for a zero divisor. long.MinValue / -1 wraps to long.MinValue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDivide(long left, long right, out long result)
    {
        if (right == 0)
        {
            result = 0;
            return false;
        }

        result = right == -1 ? unchecked(-left) : left / right;
        return true;
    }

    /// <summary>Non-negative modulo; false (null) for a zero divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryModulo(long left, long right, out long result)
    {
        if (right == 0)
        {
            result = 0;
            return false;
        }

        if (right == -1)
        {
            result = 0;
            return true;
        }

        result = left % right;
        if (result < 0)
        {
            // |right| may not fit a long only for long.MinValue, where result - right is the same value.
            result = right > 0 ? result + right : result - right;
        }

        return true;
    }

    /// <summary>Non-negative real modulo (IEEE remainder shifted into [0, |d|)); NaN and infinities follow IEEE.</summary>
    public static double Modulo(double left, double right)
    {
        var result = left % right;
        return result < 0 ? result + Math.Abs(right) : result;
    }

    public static bool TryAdd(decimal left, decimal right, out decimal result) =>
        TryDecimal(left, right, static (a, b) => a + b, out result);

    public static bool TrySubtract(decimal left, decimal right, out decimal result) =>
        TryDecimal(left, right, static (a, b) => a - b, out result);

    public static bool TryMultiply(decimal left, decimal right, out decimal result) =>
        TryDecimal(left, right, static (a, b) => a * b, out result);

    public static bool TryDivide(decimal left, decimal right, out decimal result)
    {
        if (right == 0)
        {
            result = 0;
            return false;
        }

        return TryDecimal(left, right, static (a, b) => a / b, out result);
    }

    public static bool TryModulo(decimal left, decimal right, out decimal result)
    {
        if (right == 0)
        {
            result = 0;
            return false;
        }

        result = left % right;
        if (result < 0)
        {
            result += Math.Abs(right);
        }

        return true;
    }

    // System.Decimal reports overflow only by throwing; decimal is Kusto's slow path anyway.
    private static bool TryDecimal(decimal left, decimal right, Func<decimal, decimal, decimal> operation, out decimal result)
    {
        try
        {
            result = operation(left, right);
            return true;
        }
        catch (OverflowException)
        {
            result = 0;
            return false;
        }
    }

    /// <summary>
    /// <c>timespan * number</c> (and <c>number * timespan</c>): rounded to the nearest tick as .NET's
    /// <see cref="TimeSpan.Multiply(double)"/> does; false (null) for NaN or a result out of range.
    /// </summary>
    public static bool TryScaleTimeSpan(long ticks, double factor, out long result) =>
        TryRoundToTicks(ticks * factor, out result);

    /// <summary><c>timespan / number</c>: as <see cref="TryScaleTimeSpan"/>; dividing by zero gives null.</summary>
    public static bool TryDivideTimeSpan(long ticks, double divisor, out long result)
    {
        if (divisor == 0)
        {
            result = 0;
            return false;
        }

        return TryRoundToTicks(ticks / divisor, out result);
    }

    /// <summary><c>timespan / timespan</c> is a real (timespan.md: <c>1d / 1s</c> is 86400).</summary>
    public static double DivideTimeSpans(long left, long right) => (double)left / right;

    private static bool TryRoundToTicks(double ticks, out long result)
    {
        var rounded = Math.Round(ticks);
        if (rounded >= -9.2233720368547758E18 && rounded < 9.2233720368547758E18)
        {
            result = (long)rounded;
            return true;
        }

        result = 0;
        return false;
    }

    /// <summary><c>toint(real)</c>/<c>tolong(real)</c>: truncation toward zero; false (null) for NaN, infinities and out of range.</summary>
    public static bool TryTruncateToLong(double value, out long result)
    {
        var truncated = Math.Truncate(value);
        // 2^63 is exactly representable; every double below it (and at or above -2^63) fits.
        if (truncated >= -9.2233720368547758E18 && truncated < 9.2233720368547758E18)
        {
            result = (long)truncated;
            return true;
        }

        result = 0;
        return false;
    }

    /// <summary><c>toint(long)</c>: the low 32 bits, as .NET's unchecked conversion.</summary>
    public static int TruncateToInt(long value) => unchecked((int)value);
}
