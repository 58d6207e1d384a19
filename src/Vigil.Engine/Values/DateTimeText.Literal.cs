using System.Globalization;

namespace Vigil.Engine.Values;

public static partial class DateTimeText
{
    /// <summary>
    /// Interprets the raw text between the parentheses of <c>datetime(...)</c> (or <c>date(...)</c>):
    /// empty is <see cref="KqlLiteralKind.Now"/>, <c>null</c> is null, a quoted string or bare text is parsed as by
    /// <see cref="TryParse"/>, and comma-separated numbers (<c>datetime(2025, 6, 14)</c>) are read as
    /// <c>make_datetime</c> arguments.
    /// </summary>
    public static KqlLiteralKind ParseLiteral(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return KqlLiteralKind.Now;
        }

        if (text.Equals("null", StringComparison.Ordinal))
        {
            return KqlLiteralKind.Null;
        }

        if (text.Length >= 2 && (text[0] == '\'' || text[0] == '"') && text[^1] == text[0])
        {
            return TryParse(text[1..^1], out ticks) ? KqlLiteralKind.Value : KqlLiteralKind.Invalid;
        }

        if (text.Contains(','))
        {
            return TryParseComponents(text, out ticks) ? KqlLiteralKind.Value : KqlLiteralKind.Invalid;
        }

        return TryParse(text, out ticks) ? KqlLiteralKind.Value : KqlLiteralKind.Invalid;
    }

    private static bool TryParseComponents(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        Span<double> parts = stackalloc double[6];
        var count = 0;
        foreach (var range in text.Split(','))
        {
            if (count == parts.Length
                || !double.TryParse(text[range].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out parts[count]))
            {
                return false;
            }

            count++;
        }

        if (count < 3 || count == 4)
        {
            return false;
        }

        for (var i = 0; i < Math.Min(count, 5); i++)
        {
            if (parts[i] != Math.Floor(parts[i]) || Math.Abs(parts[i]) > int.MaxValue)
            {
                return false;
            }
        }

        return DateTimeFunctions.TryMakeDateTime((int)parts[0], (int)parts[1], (int)parts[2],
            count > 3 ? (int)parts[3] : 0, count > 3 ? (int)parts[4] : 0, count > 5 ? parts[5] : 0, out ticks);
    }
}
