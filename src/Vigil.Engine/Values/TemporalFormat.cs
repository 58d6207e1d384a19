using System.Buffers;

namespace Vigil.Engine.Values;

/// <summary>
/// A compiled <c>format_datetime</c> or <c>format_timespan</c> format: the specifiers of the reference pages (runs of
/// <c>d f F h H m M s y t</c>) and literal text in between (the documented delimiters, any other character,
/// <c>'quoted'</c> text and <c>\</c>-escaped characters). Compile once per distinct format, then format each row
/// into a span. Semantics follow .NET's custom formats, which Kusto's pages mirror: an all-zero <c>F</c> run prints
/// nothing (and, for datetimes, drops a '.' just before it); <c>h</c> is the 12-hour clock for datetimes and the hour of the day for
/// timespans; timespans print their magnitude (no sign).
/// </summary>
internal sealed class TemporalFormat
{
    private enum TokenKind : byte
    {
        Literal,
        Day,
        Fraction,
        FractionTrimmed,
        Hour12,
        Hour24,
        Minute,
        Month,
        Second,
        Year,
        AmPm,
    }

    private readonly record struct Token(TokenKind Kind, int Count, string? Literal);

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    private static readonly string[] DayNames =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private readonly Token[] _tokens;
    private readonly bool _forTimeSpan;

    private TemporalFormat(Token[] tokens, bool forTimeSpan)
    {
        _tokens = tokens;
        _forTimeSpan = forTimeSpan;
    }

    /// <summary>Compiles a <c>format_datetime</c> format; false for an unsupported specifier (the result is null).</summary>
    public static bool TryCreateDateTime(string format, out TemporalFormat? result) => TryCreate(format, false, out result);

    /// <summary>Compiles a <c>format_timespan</c> format; false for an unsupported specifier (the result is null).</summary>
    public static bool TryCreateTimeSpan(string format, out TemporalFormat? result) => TryCreate(format, true, out result);

    private static bool TryCreate(string format, bool forTimeSpan, out TemporalFormat? result)
    {
        result = null;
        var tokens = new List<Token>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var ch = format[i];
            if (ch is '\'' or '"')
            {
                var end = format.IndexOf(ch, i + 1);
                if (end < 0)
                {
                    return false;
                }

                literal.Append(format, i + 1, end - i - 1);
                i = end + 1;
                continue;
            }

            if (ch == '\\')
            {
                if (i + 1 >= format.Length)
                {
                    return false;
                }

                literal.Append(format[i + 1]);
                i += 2;
                continue;
            }

            if (!char.IsAsciiLetter(ch) || IsLiteralLetter(ch))
            {
                literal.Append(ch);
                i++;
                continue;
            }

            var run = 1;
            while (i + run < format.Length && format[i + run] == ch)
            {
                run++;
            }

            if (!TryToken(ch, run, forTimeSpan, out var token))
            {
                return false;
            }

            if (literal.Length > 0)
            {
                tokens.Add(new Token(TokenKind.Literal, 0, literal.ToString()));
                literal.Clear();
            }

            tokens.Add(token);
            i += run;
        }

        if (literal.Length > 0)
        {
            tokens.Add(new Token(TokenKind.Literal, 0, literal.ToString()));
        }

        result = new TemporalFormat([.. tokens], forTimeSpan);
        return true;
    }

    // Letters that are neither a specifier nor one that is rejected (.NET's g, K, z, and the date-only M, y, t in a
    // timespan format) print as themselves, as in .NET ("yyyy-MM-ddTHH").
    private static bool IsLiteralLetter(char ch) =>
        ch is not ('d' or 'f' or 'F' or 'h' or 'H' or 'm' or 's' or 'M' or 'y' or 't' or 'g' or 'K' or 'z');

    private static bool TryToken(char ch, int run, bool forTimeSpan, out Token token)
    {
        token = default;
        TokenKind kind;
        switch (ch)
        {
            case 'd':
                kind = TokenKind.Day;
                if (forTimeSpan && run > 8)
                {
                    return false;
                }

                break;
            case 'f':
            case 'F':
                if (run > 7)
                {
                    return false;
                }

                kind = ch == 'f' ? TokenKind.Fraction : TokenKind.FractionTrimmed;
                break;
            case 'h':
                kind = forTimeSpan ? TokenKind.Hour24 : TokenKind.Hour12;
                break;
            case 'H':
                kind = TokenKind.Hour24;
                break;
            case 'm':
                kind = TokenKind.Minute;
                break;
            case 's':
                kind = TokenKind.Second;
                break;
            case 'M' when !forTimeSpan:
                kind = TokenKind.Month;
                break;
            case 'y' when !forTimeSpan:
                kind = TokenKind.Year;
                break;
            case 't' when !forTimeSpan:
                kind = TokenKind.AmPm;
                break;
            default:
                return false;
        }

        token = new Token(kind, run, null);
        return true;
    }

    /// <summary>Formats a datetime (ticks) or a timespan (ticks), as compiled; false when the span is too small.</summary>
    public bool TryFormat(long ticks, Span<char> destination, out int written)
    {
        written = 0;
        ulong magnitude;
        int year = 1, month = 1, day = 1;
        var dayOfWeek = 0;
        if (_forTimeSpan)
        {
            magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
        }
        else
        {
            if (!KqlTime.IsValidDateTime(ticks))
            {
                return false;
            }

            magnitude = (ulong)ticks;
            var value = KqlTime.ToDateTime(ticks);
            (year, month, day) = value;
            dayOfWeek = (int)value.DayOfWeek;
        }

        var timeOfDay = (long)(magnitude % KqlTime.TicksPerDay);
        var hour = (int)(timeOfDay / KqlTime.TicksPerHour);
        var fraction = (int)(timeOfDay % KqlTime.TicksPerSecond);
        var position = 0;
        foreach (var token in _tokens)
        {
            var ok = token.Kind switch
            {
                TokenKind.Literal => TryWrite(destination, ref position, token.Literal),
                TokenKind.Day when _forTimeSpan => TryWriteNumber(destination, ref position, magnitude / KqlTime.TicksPerDay, token.Count),
                TokenKind.Day when token.Count == 3 => TryWrite(destination, ref position, DayNames[dayOfWeek].AsSpan(0, 3)),
                TokenKind.Day when token.Count > 3 => TryWrite(destination, ref position, DayNames[dayOfWeek]),
                TokenKind.Day => TryWriteNumber(destination, ref position, (ulong)day, token.Count),
                TokenKind.Month when token.Count == 3 => TryWrite(destination, ref position, MonthNames[month - 1].AsSpan(0, 3)),
                TokenKind.Month when token.Count > 3 => TryWrite(destination, ref position, MonthNames[month - 1]),
                TokenKind.Month => TryWriteNumber(destination, ref position, (ulong)month, token.Count),
                TokenKind.Year when token.Count <= 2 => TryWriteNumber(destination, ref position, (ulong)(year % 100), token.Count),
                TokenKind.Year => TryWriteNumber(destination, ref position, (ulong)year, token.Count),
                TokenKind.Hour12 => TryWriteNumber(destination, ref position, (ulong)(hour % 12 == 0 ? 12 : hour % 12), Math.Min(token.Count, 2)),
                TokenKind.Hour24 => TryWriteNumber(destination, ref position, (ulong)hour, Math.Min(token.Count, 2)),
                TokenKind.Minute => TryWriteNumber(destination, ref position, (ulong)(timeOfDay / KqlTime.TicksPerMinute % 60), Math.Min(token.Count, 2)),
                TokenKind.Second => TryWriteNumber(destination, ref position, (ulong)(timeOfDay / KqlTime.TicksPerSecond % 60), Math.Min(token.Count, 2)),
                TokenKind.Fraction => TryWriteFraction(destination, ref position, fraction, token.Count, trim: false, false),
                TokenKind.FractionTrimmed => TryWriteFraction(destination, ref position, fraction, token.Count, trim: true, !_forTimeSpan),
                TokenKind.AmPm => TryWrite(destination, ref position, (hour < 12 ? "AM" : "PM").AsSpan(0, Math.Min(token.Count, 2))),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        written = position;
        return true;
    }

    /// <summary>The formatted text (for constant folding and tests; kernels should use <see cref="TryFormat"/>).</summary>
    public string Format(long ticks)
    {
        var length = 256;
        while (true)
        {
            var buffer = ArrayPool<char>.Shared.Rent(length);
            try
            {
                if (TryFormat(ticks, buffer, out var written))
                {
                    return new string(buffer, 0, written);
                }

                if (!_forTimeSpan && !KqlTime.IsValidDateTime(ticks))
                {
                    return "";
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }

            length *= 4;
        }
    }

    private static bool TryWrite(Span<char> destination, ref int position, ReadOnlySpan<char> text)
    {
        if (!text.TryCopyTo(destination[position..]))
        {
            return false;
        }

        position += text.Length;
        return true;
    }

    private static bool TryWriteNumber(Span<char> destination, ref int position, ulong value, int minDigits)
    {
        Span<char> digits = stackalloc char[20];
        var count = 0;
        do
        {
            digits[count++] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);

        var width = Math.Max(count, minDigits);
        if (position + width > destination.Length)
        {
            return false;
        }

        for (var i = 0; i < width; i++)
        {
            destination[position + i] = i < width - count ? '0' : digits[width - 1 - i];
        }

        position += width;
        return true;
    }

    private static bool TryWriteFraction(Span<char> destination, ref int position, int fraction, int count, bool trim,
        bool dropPoint)
    {
        Span<char> digits = stackalloc char[7];
        DateTimeText.WriteDigits(digits, 0, fraction, 7);
        var length = count;
        if (trim)
        {
            while (length > 0 && digits[length - 1] == '0')
            {
                length--;
            }

            if (length == 0)
            {
                // As .NET does for datetimes (not timespans): an empty F run also removes the '.' just before it.
                if (dropPoint && position > 0 && destination[position - 1] == '.')
                {
                    position--;
                }

                return true;
            }
        }

        return TryWrite(destination, ref position, digits[..length]);
    }
}
