using System.Globalization;

namespace Vigil.Engine.Values;

/// <summary>
/// Text forms of KQL <c>decimal</c>. Vigil holds a decimal as <see cref="decimal"/> (96-bit mantissa, 28-29
/// significant digits, scale up to 28) where Kusto uses <c>SqlDecimal</c> (38 digits). Values beyond
/// <see cref="decimal"/>'s range or precision are the known gap: parsing them fails (null) or rounds to 28 digits.
/// The printed form keeps the scale, as both .NET types do (<c>decimal(1.0)</c> prints <c>1.0</c>).
/// </summary>
public static class DecimalText
{
    /// <summary>Enough for any <see cref="decimal"/>: sign, 29 digits, point.</summary>
    public const int MaxLength = 32;

    public static bool TryFormat(decimal value, Span<char> destination, out int written) =>
        value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>todecimal(string)</c>: decimal or exponent notation (invariant culture); false (null) otherwise.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The text of <c>decimal(...)</c>: <c>null</c> or a number.</summary>
    public static KqlLiteralKind ParseLiteral(ReadOnlySpan<char> text, out decimal value)
    {
        text = text.Trim();
        if (text.Equals("null", StringComparison.Ordinal))
        {
            value = 0;
            return KqlLiteralKind.Null;
        }

        return TryParse(text, out value) ? KqlLiteralKind.Value : KqlLiteralKind.Invalid;
    }
}
