using System.Globalization;
using System.Numerics;

namespace Vigil.Storage.Ingestion;

/// <summary>
/// Parses datetime text as Kusto ingestion accepts it: ISO 8601 (with or without 'T', 'Z' or an offset, fractional
/// seconds up to 7 digits, more are truncated), "yyyy-MM-dd HH:mm:ss", dates alone, RFC 1123 and the other forms
/// .NET's invariant parser knows. Results are UTC ticks; text without a zone is taken as UTC.
/// </summary>
internal static class KustoDateTime
{
    private const DateTimeStyles Styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

    public static bool TryParse(ReadOnlySpan<char> text, out long ticks)
    {
        text = text.Trim();
        if (TryParseIsoFast(text, out ticks))
        {
            return true;
        }

        // .NET accepts at most 7 fractional digits: drop the excess (Kusto keeps 100 ns precision).
        Span<char> trimmed = stackalloc char[128];
        var candidate = text.Length <= 128 && TrimFraction(text, trimmed, out var length) ? trimmed[..length] : text;
        if (DateTime.TryParse(candidate, CultureInfo.InvariantCulture, Styles, out var value))
        {
            ticks = value.Ticks;
            return true;
        }

        ticks = 0;
        return false;
    }

    /// <summary>
    /// The common ISO 8601 shape straight from UTF-8 (a JSON string's bytes): false when the text has another shape,
    /// and then <see cref="TryParse"/> of the decoded text decides. Whatever this accepts, it parses as TryParse does.
    /// </summary>
    public static bool TryParseIsoUtf8(ReadOnlySpan<byte> utf8, out long ticks) => TryParseIsoFast(utf8, out ticks);

    // yyyy-MM-dd[T| ]HH:mm:ss[.f{1,7}][Z]: the shape of nearly all log timestamps; avoids the general parser. Over
    // chars (decoded text) or bytes (UTF-8): only ASCII is accepted, which is the same in both.
    private static bool TryParseIsoFast<T>(ReadOnlySpan<T> s, out long ticks)
        where T : unmanaged, IBinaryInteger<T>
    {
        ticks = 0;
        if (s.Length < 19 || At(s, 4) != '-' || At(s, 7) != '-' || (At(s, 10) != 'T' && At(s, 10) != ' ') || At(s, 13) != ':' || At(s, 16) != ':')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (i < s.Length && At(s, i) == '.')
        {
            i++;
            var digits = 0;
            while (i < s.Length && char.IsAsciiDigit((char)At(s, i)))
            {
                if (digits < 7)
                {
                    fraction = fraction * 10 + (At(s, i) - '0');
                }

                digits++;
                i++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        if (i < s.Length && (At(s, i) == 'Z' || At(s, i) == 'z'))
        {
            i++;
        }

        if (i != s.Length || month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        return true;
    }

    private static int At<T>(ReadOnlySpan<T> s, int i)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(s[i]);

    private static bool Digits<T>(ReadOnlySpan<T> s, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        foreach (var c in s)
        {
            var d = int.CreateTruncating(c) - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
    }

    private static bool TrimFraction(ReadOnlySpan<char> text, Span<char> destination, out int length)
    {
        length = 0;
        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end - dot - 1 <= 7)
        {
            return false;
        }

        text[..(dot + 8)].CopyTo(destination);
        text[end..].CopyTo(destination[(dot + 8)..]);
        length = dot + 8 + text.Length - end;
        return true;
    }
}
