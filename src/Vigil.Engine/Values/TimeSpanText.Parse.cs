namespace Vigil.Engine.Values;

public static partial class TimeSpanText
{
    /// <summary>
    /// <c>totimespan(string)</c> and the text of <c>timespan(...)</c>: <c>[-][d.]h:m[:s[.f]]</c> or <c>d:h:m:s[.f]</c>
    /// (hours below 24, minutes and seconds below 60), or a number with an optional unit (<c>2d</c>, <c>1.5h</c>,
    /// <c>30m</c>, <c>10s</c>, <c>100ms</c>, <c>10microsecond</c>, <c>1tick</c>, <c>15 seconds</c>; a bare number is
    /// days). Units are the KQL literal suffixes; a fraction of a tick is truncated. False (null) otherwise.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        text = text.Trim();
        var negative = false;
        if (!text.IsEmpty && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            text = text[1..].TrimStart();
        }

        if (text.IsEmpty || !char.IsAsciiDigit(text[0]) && text[0] != '.')
        {
            return false;
        }

        return text.Contains(':') ? TryParseClock(text, negative, out ticks) : TryParseWithUnit(text, negative, out ticks);
    }

    /// <summary>
    /// Interprets the raw text between the parentheses of <c>timespan(...)</c> or <c>time(...)</c>: <c>null</c> is
    /// null, otherwise as <see cref="TryParse"/> (<c>time(2)</c> is two days, <c>time(15 seconds)</c>).
    /// </summary>
    public static KqlLiteralKind ParseLiteral(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        text = text.Trim();
        if (text.Equals("null", StringComparison.Ordinal))
        {
            return KqlLiteralKind.Null;
        }

        if (text.Length >= 2 && (text[0] == '\'' || text[0] == '"') && text[^1] == text[0])
        {
            text = text[1..^1];
        }

        return TryParse(text, out ticks) ? KqlLiteralKind.Value : KqlLiteralKind.Invalid;
    }

    private static bool TryParseClock(ReadOnlySpan<char> text, bool negative, out long ticks)
    {
        ticks = 0;
        Span<Range> parts = stackalloc Range[5];
        var count = text.Split(parts, ':');
        if (count < 2 || count > 4)
        {
            return false;
        }

        long days = 0;
        var first = text[parts[0]];
        if (count == 4)
        {
            if (!TryWhole(first, long.MaxValue / KqlTime.TicksPerDay, out days))
            {
                return false;
            }

            first = text[parts[1]];
        }
        else
        {
            var dot = first.IndexOf('.');
            if (dot >= 0)
            {
                if (!TryWhole(first[..dot], long.MaxValue / KqlTime.TicksPerDay, out days))
                {
                    return false;
                }

                first = first[(dot + 1)..];
            }
        }

        var hourIndex = count == 4 ? 1 : 0;
        if (!TryWhole(first, 23, out var hours) || !TryWhole(text[parts[hourIndex + 1]], 59, out var minutes))
        {
            return false;
        }

        long seconds = 0;
        long fraction = 0;
        if (hourIndex + 2 < count)
        {
            var secondText = text[parts[hourIndex + 2]];
            var dot = secondText.IndexOf('.');
            if (dot >= 0)
            {
                var pos = dot + 1;
                if (!DateTimeText.TryFraction(secondText, ref pos, out fraction) || pos != secondText.Length)
                {
                    return false;
                }

                secondText = secondText[..dot];
            }

            if (!TryWhole(secondText, 59, out seconds))
            {
                return false;
            }
        }

        var total = (Int128)days * KqlTime.TicksPerDay + (hours * KqlTime.TicksPerHour) + (minutes * KqlTime.TicksPerMinute)
            + (seconds * KqlTime.TicksPerSecond) + fraction;
        // The magnitude of long.MinValue is one more than long.MaxValue.
        total = negative ? -total : total;
        if (total < long.MinValue || total > long.MaxValue)
        {
            return false;
        }

        ticks = (long)total;
        return true;
    }

    private static bool TryWhole(ReadOnlySpan<char> text, long max, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }

            value = (value * 10) + (ch - '0');
        }

        return value <= max;
    }

    private static bool TryParseWithUnit(ReadOnlySpan<char> text, bool negative, out long ticks)
    {
        ticks = 0;
        // digits[.digits], read exactly: "0.1s" and "1.5h" must not pick up binary rounding.
        Int128 whole = 0;
        long fraction = 0;
        long fractionScale = 1;
        var pos = 0;
        var digits = 0;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            if (whole > long.MaxValue)
            {
                return false;
            }

            whole = (whole * 10) + (text[pos++] - '0');
            digits++;
        }

        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                // Digits past the 18th cannot change a tick count.
                if (fractionScale < 1_000_000_000_000_000_000)
                {
                    fraction = (fraction * 10) + (text[pos] - '0');
                    fractionScale *= 10;
                }

                pos++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        // Units in hundredths of a tick, so that nanoseconds are whole.
        var unit = UnitHundredthsOfTicks(text[pos..].TrimStart());
        if (unit <= 0)
        {
            return false;
        }

        var hundredths = (whole * unit) + ((Int128)fraction * unit / fractionScale);
        var total = hundredths / 100;
        total = negative ? -total : total;
        if (total < long.MinValue || total > long.MaxValue)
        {
            return false;
        }

        ticks = (long)total;
        return true;
    }

    /// <summary>Hundredths of a tick in one <paramref name="unit"/> (a KQL timespan suffix; empty means days), or -1.</summary>
    private static long UnitHundredthsOfTicks(ReadOnlySpan<char> unit)
    {
        Span<char> lower = stackalloc char[16];
        if (unit.Length > lower.Length)
        {
            return -1;
        }

        lower = lower[..unit.Length];
        unit.ToLowerInvariant(lower);
        return lower switch
        {
            "" or "d" or "day" or "days" => KqlTime.TicksPerDay * 100,
            "h" or "hr" or "hrs" or "hour" or "hours" => KqlTime.TicksPerHour * 100,
            "m" or "min" or "minute" or "minutes" => KqlTime.TicksPerMinute * 100,
            "s" or "sec" or "second" or "seconds" => KqlTime.TicksPerSecond * 100,
            "ms" or "milli" or "millis" or "millisec" or "millisecond" or "milliseconds" => KqlTime.TicksPerMillisecond * 100,
            "micro" or "micros" or "microsec" or "microsecond" or "microseconds" => KqlTime.TicksPerMicrosecond * 100,
            "nano" or "nanos" or "nanosec" or "nanosecond" or "nanoseconds" => 1,
            "tick" or "ticks" => 100,
            _ => -1,
        };
    }
}
