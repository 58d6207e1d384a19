namespace Vigil.Engine.Values;

/// <summary>
/// Text forms of KQL <c>timespan</c> values (signed 100 ns ticks). Kusto prints a timespan as
/// <c>[-][d.]hh:mm:ss[.fffffff]</c>: days only when non-zero, the fraction only when non-zero and then always seven
/// digits (<c>1.12:30:55.1230000</c>, <c>-12:00:00</c>).
/// </summary>
public static partial class TimeSpanText
{
    /// <summary>The longest text: <c>-10675199.02:48:05.4775808</c>.</summary>
    public const int MaxLength = 26;

    public static bool TryFormat(long ticks, Span<char> destination, out int written)
    {
        written = 0;
        Span<char> buffer = stackalloc char[MaxLength];
        var length = 0;
        // The magnitude as ulong so that long.MinValue has one.
        ulong magnitude;
        if (ticks < 0)
        {
            buffer[length++] = '-';
            magnitude = (ulong)(-(ticks + 1)) + 1;
        }
        else
        {
            magnitude = (ulong)ticks;
        }

        var days = magnitude / KqlTime.TicksPerDay;
        var timeOfDay = (long)(magnitude % KqlTime.TicksPerDay);
        if (days > 0)
        {
            length += WriteUnsigned(buffer[length..], days);
            buffer[length++] = '.';
        }

        DateTimeText.WriteDigits(buffer, length, (int)(timeOfDay / KqlTime.TicksPerHour), 2);
        buffer[length + 2] = ':';
        DateTimeText.WriteDigits(buffer, length + 3, (int)(timeOfDay / KqlTime.TicksPerMinute % 60), 2);
        buffer[length + 5] = ':';
        DateTimeText.WriteDigits(buffer, length + 6, (int)(timeOfDay / KqlTime.TicksPerSecond % 60), 2);
        length += 8;
        var fraction = (int)(timeOfDay % KqlTime.TicksPerSecond);
        if (fraction != 0)
        {
            buffer[length++] = '.';
            DateTimeText.WriteDigits(buffer, length, fraction, 7);
            length += 7;
        }

        if (destination.Length < length)
        {
            return false;
        }

        buffer[..length].CopyTo(destination);
        written = length;
        return true;
    }

    public static string Format(long ticks)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        TryFormat(ticks, buffer, out var written);
        return new string(buffer[..written]);
    }

    private static int WriteUnsigned(Span<char> destination, ulong value)
    {
        Span<char> digits = stackalloc char[20];
        var count = 0;
        do
        {
            digits[count++] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);

        for (var i = 0; i < count; i++)
        {
            destination[i] = digits[count - 1 - i];
        }

        return count;
    }
}
