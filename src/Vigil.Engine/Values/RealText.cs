using System.Globalization;

namespace Vigil.Engine.Values;

/// <summary>
/// Text forms of KQL <c>real</c> (IEEE 754 double). A real prints in its shortest round-trip form (<c>1</c>,
/// <c>0.1</c>, <c>1E+20</c>, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>, <c>-0</c>), so that
/// <c>toreal(tostring(r)) == r</c>. Inside a dynamic value (JSON) an integral real keeps a <c>.0</c>
/// (<c>[1.0,2.5]</c>, as the reference's series examples print) and non-finite values become the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> (JSON has no literal for them).
/// </summary>
public static class RealText
{
    /// <summary>Enough for any shortest round-trip double (e.g. <c>-2.2250738585072014E-308</c>) plus ".0".</summary>
    public const int MaxLength = 32;

    public static bool TryFormat(double value, Span<char> destination, out int written) =>
        value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The JSON number form (finite values only): the shortest form, with ".0" when it has no point or exponent.</summary>
    public static bool TryFormatJsonNumber(double value, Span<char> destination, out int written)
    {
        if (!double.IsFinite(value) || !TryFormat(value, destination, out written))
        {
            written = 0;
            return false;
        }

        if (destination[..written].IndexOfAny('.', 'E') < 0)
        {
            if (destination.Length < written + 2)
            {
                written = 0;
                return false;
            }

            destination[written++] = '.';
            destination[written++] = '0';
        }

        return true;
    }

    /// <summary>
    /// <c>toreal(string)</c>: invariant-culture decimal or exponent notation with optional sign and surrounding
    /// white space, plus <c>NaN</c>, <c>Infinity</c>, <c>inf</c>, <c>+inf</c>, <c>-inf</c> (any case). Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (text.Equals("inf", StringComparison.OrdinalIgnoreCase) || text.Equals("+inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (text.Equals("-inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NegativeInfinity;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The text of <c>real(...)</c>: <c>null</c>, <c>nan</c>, <c>+inf</c>, <c>-inf</c> or a number.</summary>
    public static KqlLiteralKind ParseLiteral(ReadOnlySpan<char> text, out double value)
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
