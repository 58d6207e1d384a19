using System.Globalization;

namespace Vigil.Engine.Values;

/// <summary>Text forms of KQL <c>long</c> and <c>int</c>.</summary>
public static class IntegerText
{
    /// <summary>Enough for <c>-9223372036854775808</c>.</summary>
    public const int MaxLength = 20;

    private const NumberStyles IntegerStyles =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    public static bool TryFormat(long value, Span<char> destination, out int written) =>
        value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>tolong(string)</c>: an optionally signed integer; a number with a fraction or exponent is truncated toward
    /// zero (as <c>tolong(2.3)</c> is 2). False (null) when it is not a number or does not fit.
    /// </summary>
    public static bool TryParseLong(ReadOnlySpan<char> text, out long value)
    {
        if (long.TryParse(text, IntegerStyles, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            exact = decimal.Truncate(exact);
            if (exact >= long.MinValue && exact <= long.MaxValue)
            {
                value = (long)exact;
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary><c>toint(string)</c>: as <see cref="TryParseLong"/>, and false (null) outside the int range.</summary>
    public static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        if (TryParseLong(text, out var wide) && wide >= int.MinValue && wide <= int.MaxValue)
        {
            value = (int)wide;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The text of <c>long(...)</c> or <c>int(...)</c>: <c>null</c>, a decimal or <c>0x</c> hex integer.</summary>
    public static KqlLiteralKind ParseLiteral(ReadOnlySpan<char> text, out long value)
    {
        text = text.Trim();
        value = 0;
        if (text.Equals("null", StringComparison.Ordinal))
        {
            return KqlLiteralKind.Null;
        }

        var negative = text.StartsWith("-");
        var digits = negative || text.StartsWith("+") ? text[1..] : text;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
            {
                return KqlLiteralKind.Invalid;
            }

            value = negative ? -value : value;
            return KqlLiteralKind.Value;
        }

        return long.TryParse(text, IntegerStyles, CultureInfo.InvariantCulture, out value)
            ? KqlLiteralKind.Value
            : KqlLiteralKind.Invalid;
    }
}
