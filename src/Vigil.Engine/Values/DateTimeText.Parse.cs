using System.Globalization;

namespace Vigil.Engine.Values;

public static partial class DateTimeText
{
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    private static readonly string[] DayNames =
        ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>
    /// <c>todatetime(string)</c>: the ISO 8601, RFC 822, RFC 850 and sortable forms that the datetime reference
    /// lists (with fractional seconds up to 7 digits, more are truncated, and optional zone or offset), then
    /// whatever .NET's invariant-culture parser accepts (as <c>todatetime('12-02-2022')</c> does). Times without a
    /// zone are UTC. False (null) when nothing matches or the instant is out of range; never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long ticks)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            ticks = 0;
            return false;
        }

        // A text in one of the documented shapes is judged by that shape alone: "0001-01-01T00:00:00+01:00" is
        // out of range, not something for the lenient fallback to reinterpret.
        var result = ParseIso(text, out ticks);
        if (result == Shape.NotMatched)
        {
            result = ParseRfc(text, out ticks);
        }

        return result == Shape.NotMatched ? TryParseFallback(text, out ticks) : result == Shape.Valid;
    }

    private enum Shape
    {
        NotMatched,
        Invalid,
        Valid,
    }

    // yyyy-M-d[(T| )H:m[:s[.f]]][zone]
    private static Shape ParseIso(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        var pos = 0;
        if (!TryDigits(text, ref pos, 4, 4, out var year) || !Expect(text, ref pos, '-')
            || !TryDigits(text, ref pos, 1, 2, out var month) || !Expect(text, ref pos, '-')
            || !TryDigits(text, ref pos, 1, 2, out var day))
        {
            return Shape.NotMatched;
        }

        long timeTicks = 0;
        if (pos < text.Length && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' '))
        {
            var save = pos;
            pos++;
            while (pos < text.Length && text[pos] == ' ')
            {
                pos++;
            }

            if (!TryTime(text, ref pos, out timeTicks))
            {
                // A bare date followed by a zone, e.g. "2014-11-08 GMT".
                pos = save;
                timeTicks = 0;
            }
        }

        if (!TryZone(text, ref pos, out var offsetTicks) || pos != text.Length)
        {
            return Shape.NotMatched;
        }

        return TryCompose(year, month, day, timeTicks, offsetTicks, out ticks) ? Shape.Valid : Shape.Invalid;
    }

    // [Weekday[,]] d(-| )Mon(-| )yy[yy] H:m[:s[.f]] [zone]
    private static Shape ParseRfc(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        var pos = 0;
        if (pos < text.Length && char.IsAsciiLetter(text[pos]))
        {
            var start = pos;
            while (pos < text.Length && char.IsAsciiLetter(text[pos]))
            {
                pos++;
            }

            if (NameIndex(text[start..pos], DayNames) < 0)
            {
                return Shape.NotMatched;
            }

            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
            }

            if (!SkipSpaces(text, ref pos))
            {
                return Shape.NotMatched;
            }
        }

        if (!TryDigits(text, ref pos, 1, 2, out var day))
        {
            return Shape.NotMatched;
        }

        var separator = pos < text.Length ? text[pos] : '\0';
        if (separator != '-' && separator != ' ')
        {
            return Shape.NotMatched;
        }

        pos++;
        var monthStart = pos;
        while (pos < text.Length && char.IsAsciiLetter(text[pos]))
        {
            pos++;
        }

        var month = NameIndex(text[monthStart..pos], MonthNames) + 1;
        if (month == 0 || !Expect(text, ref pos, separator))
        {
            return Shape.NotMatched;
        }

        var yearStart = pos;
        if (!TryDigits(text, ref pos, 2, 4, out var year) || pos - yearStart == 3)
        {
            return Shape.NotMatched;
        }

        if (pos - yearStart == 2)
        {
            year = ExpandTwoDigitYear(year);
        }

        if (!SkipSpaces(text, ref pos) || !TryTime(text, ref pos, out var timeTicks))
        {
            return Shape.NotMatched;
        }

        if (!TryZone(text, ref pos, out var offsetTicks) || pos != text.Length)
        {
            return Shape.NotMatched;
        }

        return TryCompose(year, month, day, timeTicks, offsetTicks, out ticks) ? Shape.Valid : Shape.Invalid;
    }

    private static bool TryParseFallback(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        // Only worth trying on something that looks like a date: a digit and at most a sentence's worth of text.
        if (text.Length > 64 || !ContainsDigit(text))
        {
            return false;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var value))
        {
            return false;
        }

        ticks = value.Ticks;
        return true;
    }

    // A plain loop: IndexOfAnyInRange allocates on this runtime.
    private static bool ContainsDigit(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (char.IsAsciiDigit(ch))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>H:m[:s[.fffffff]] as ticks since midnight.</summary>
    private static bool TryTime(ReadOnlySpan<char> text, ref int pos, out long ticks)
    {
        ticks = 0;
        if (!TryDigits(text, ref pos, 1, 2, out var hour) || !Expect(text, ref pos, ':')
            || !TryDigits(text, ref pos, 1, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        long fraction = 0;
        if (pos < text.Length && text[pos] == ':')
        {
            pos++;
            if (!TryDigits(text, ref pos, 1, 2, out second))
            {
                return false;
            }

            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                if (!TryFraction(text, ref pos, out fraction))
                {
                    return false;
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = (hour * KqlTime.TicksPerHour) + (minute * KqlTime.TicksPerMinute) + (second * KqlTime.TicksPerSecond)
            + fraction;
        return true;
    }

    /// <summary>One or more digits after a decimal point, as ticks (the 8th digit on is dropped).</summary>
    internal static bool TryFraction(ReadOnlySpan<char> text, ref int pos, out long ticks)
    {
        ticks = 0;
        var start = pos;
        var scale = KqlTime.TicksPerSecond;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            if (scale > 1)
            {
                scale /= 10;
                ticks += (text[pos] - '0') * scale;
            }

            pos++;
        }

        return pos > start;
    }

    /// <summary>An optional zone: Z, [+-]hh[[:]mm], or a name (GMT, UTC, UT, US zones), optionally after spaces.</summary>
    private static bool TryZone(ReadOnlySpan<char> text, ref int pos, out long offsetTicks)
    {
        offsetTicks = 0;
        var save = pos;
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        if (pos == text.Length)
        {
            pos = save;
            return true;
        }

        var ch = text[pos];
        if (ch == '+' || ch == '-')
        {
            pos++;
            if (!TryDigits(text, ref pos, 2, 2, out var hours))
            {
                return false;
            }

            var minutes = 0;
            if (pos < text.Length && text[pos] == ':')
            {
                pos++;
            }

            if (pos < text.Length && char.IsAsciiDigit(text[pos]) && !TryDigits(text, ref pos, 2, 2, out minutes))
            {
                return false;
            }

            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offsetTicks = (hours * KqlTime.TicksPerHour) + (minutes * KqlTime.TicksPerMinute);
            if (ch == '-')
            {
                offsetTicks = -offsetTicks;
            }

            return true;
        }

        var start = pos;
        while (pos < text.Length && char.IsAsciiLetter(text[pos]))
        {
            pos++;
        }

        var name = text[start..pos];
        var hoursOffset = name.Length switch
        {
            1 when name[0] is 'Z' or 'z' => 0,
            2 when name.Equals("UT", StringComparison.OrdinalIgnoreCase) => 0,
            3 => ZoneHours(name),
            _ => int.MinValue,
        };
        if (hoursOffset == int.MinValue)
        {
            return false;
        }

        offsetTicks = hoursOffset * KqlTime.TicksPerHour;
        return true;
    }

    private static int ZoneHours(ReadOnlySpan<char> name)
    {
        Span<char> upper = stackalloc char[3];
        name.ToUpperInvariant(upper);
        return upper switch
        {
            "GMT" or "UTC" => 0,
            "EST" => -5,
            "EDT" => -4,
            "CST" => -6,
            "CDT" => -5,
            "MST" => -7,
            "MDT" => -6,
            "PST" => -8,
            "PDT" => -7,
            _ => int.MinValue,
        };
    }

    private static bool TryCompose(int year, int month, int day, long timeTicks, long offsetTicks, out long ticks)
    {
        ticks = 0;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        ticks = new DateTime(year, month, day).Ticks + timeTicks - offsetTicks;
        return KqlTime.IsValidDateTime(ticks);
    }

    /// <summary>Two-digit years as the invariant calendar reads them: 00-49 are 20xx, 50-99 are 19xx.</summary>
    internal static int ExpandTwoDigitYear(int year) => year < 50 ? 2000 + year : 1900 + year;

    private static int NameIndex(ReadOnlySpan<char> name, string[] names)
    {
        if (name.Length < 3)
        {
            return -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            var full = names[i].AsSpan();
            // A name matches as its three-letter abbreviation or in full (case-insensitive).
            if ((name.Length == 3 || name.Length == full.Length) && full.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal static bool TryDigits(ReadOnlySpan<char> text, ref int pos, int min, int max, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < text.Length && pos - start < max && char.IsAsciiDigit(text[pos]))
        {
            value = (value * 10) + (text[pos] - '0');
            pos++;
        }

        if (pos - start < min || (pos < text.Length && char.IsAsciiDigit(text[pos])))
        {
            pos = start;
            return false;
        }

        return true;
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int pos, char expected)
    {
        if (pos < text.Length && text[pos] == expected)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool SkipSpaces(ReadOnlySpan<char> text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        return pos > start;
    }
}
