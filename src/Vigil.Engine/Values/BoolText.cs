using System.Globalization;

namespace Vigil.Engine.Values;

/// <summary>Text forms of KQL <c>bool</c>: <c>true</c> and <c>false</c>, lower case.</summary>
public static class BoolText
{
    public static string Format(bool value) => value ? "true" : "false";

    public static bool TryFormat(bool value, Span<char> destination, out int written)
    {
        var text = Format(value);
        written = text.Length;
        if (text.AsSpan().TryCopyTo(destination))
        {
            return true;
        }

        written = 0;
        return false;
    }

    /// <summary>
    /// <c>tobool(string)</c>: <c>true</c>/<c>false</c> in any case, or an integer (non-zero is true, as
    /// <c>tobool(123)</c> is); false (null) otherwise.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number != 0;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>The text of <c>bool(...)</c>: <c>null</c>, <c>true</c> or <c>false</c> (any case).</summary>
    public static KqlLiteralKind ParseLiteral(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        value = false;
        if (text.Equals("null", StringComparison.Ordinal))
        {
            return KqlLiteralKind.Null;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return KqlLiteralKind.Value;
        }

        return text.Equals("false", StringComparison.OrdinalIgnoreCase) ? KqlLiteralKind.Value : KqlLiteralKind.Invalid;
    }
}
