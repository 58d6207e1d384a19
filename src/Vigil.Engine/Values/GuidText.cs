namespace Vigil.Engine.Values;

/// <summary>Text forms of KQL <c>guid</c>: lower-case hex with dashes (<c>74be27de-1e4e-49d9-b579-fe0b331d3642</c>).</summary>
public static class GuidText
{
    public const int MaxLength = 36;

    public static bool TryFormat(Guid value, Span<char> destination, out int written) =>
        value.TryFormat(destination, out written, "D");

    public static string Format(Guid value) => value.ToString("D");

    /// <summary>
    /// <c>toguid(string)</c>: the usual forms (with or without dashes, braces or parentheses) and, as the toguid
    /// reference shows (<c>0123456789ab-cdef-0123-456789abcdef</c>), 32 hex digits with dashes anywhere.
    /// False (null) otherwise.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Guid value)
    {
        text = text.Trim();
        if (Guid.TryParse(text, out value))
        {
            return true;
        }

        if (text.Length > 64)
        {
            return false;
        }

        Span<char> digits = stackalloc char[32];
        var count = 0;
        foreach (var ch in text)
        {
            if (ch == '-')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(ch) || count == digits.Length)
            {
                return false;
            }

            digits[count++] = ch;
        }

        return count == digits.Length && Guid.TryParseExact(digits, "N", out value);
    }

    /// <summary>The text of <c>guid(...)</c>: <c>null</c> or a guid.</summary>
    public static KqlLiteralKind ParseLiteral(ReadOnlySpan<char> text, out Guid value)
    {
        text = text.Trim();
        if (text.Equals("null", StringComparison.Ordinal))
        {
            value = Guid.Empty;
            return KqlLiteralKind.Null;
        }

        return TryParse(text, out value) ? KqlLiteralKind.Value : KqlLiteralKind.Invalid;
    }
}
