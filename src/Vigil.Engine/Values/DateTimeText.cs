using System.Runtime.CompilerServices;

namespace Vigil.Engine.Values;

/// <summary>How a datetime is written out.</summary>
public enum DateTimeTextStyle
{
    /// <summary>
    /// <c>2015-12-31T23:59:59.9000000Z</c>: what <c>tostring()</c>, <c>strcat()</c> and dynamic values give
    /// (ISO 8601, always seven fractional digits, UTC designator).
    /// </summary>
    Kusto,

    /// <summary>
    /// <c>2015-12-31T23:59:59.9Z</c>: the wire form of the Kusto and Log Analytics REST APIs (trailing fractional
    /// zeros and a bare dot dropped).
    /// </summary>
    Trimmed,

    /// <summary><c>2015-12-31 23:59:59.9000000</c>: how the reference's result tables print datetimes.</summary>
    Table,
}

/// <summary>Text forms of KQL <c>datetime</c> values (ticks, see <see cref="KqlTime"/>).</summary>
public static partial class DateTimeText
{
    /// <summary>The longest text any style produces.</summary>
    public const int MaxLength = 28;

    /// <summary>Writes <paramref name="ticks"/> in <paramref name="style"/>; false when the span is too small.</summary>
    public static bool TryFormat(long ticks, Span<char> destination, out int written,
        DateTimeTextStyle style = DateTimeTextStyle.Kusto)
    {
        written = 0;
        if (!KqlTime.IsValidDateTime(ticks))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        var (year, month, day) = KqlTime.ToDateTime(ticks);
        var timeOfDay = ticks % KqlTime.TicksPerDay;
        var hour = (int)(timeOfDay / KqlTime.TicksPerHour);
        var minute = (int)(timeOfDay / KqlTime.TicksPerMinute % 60);
        var second = (int)(timeOfDay / KqlTime.TicksPerSecond % 60);
        var fraction = (int)(timeOfDay % KqlTime.TicksPerSecond);

        WriteDigits(buffer, 0, year, 4);
        buffer[4] = '-';
        WriteDigits(buffer, 5, month, 2);
        buffer[7] = '-';
        WriteDigits(buffer, 8, day, 2);
        buffer[10] = style == DateTimeTextStyle.Table ? ' ' : 'T';
        WriteDigits(buffer, 11, hour, 2);
        buffer[13] = ':';
        WriteDigits(buffer, 14, minute, 2);
        buffer[16] = ':';
        WriteDigits(buffer, 17, second, 2);
        var length = 19;
        if (style != DateTimeTextStyle.Trimmed || fraction != 0)
        {
            buffer[19] = '.';
            WriteDigits(buffer, 20, fraction, 7);
            length = 27;
            if (style == DateTimeTextStyle.Trimmed)
            {
                while (buffer[length - 1] == '0')
                {
                    length--;
                }
            }
        }

        if (style != DateTimeTextStyle.Table)
        {
            buffer[length++] = 'Z';
        }

        if (destination.Length < length)
        {
            return false;
        }

        buffer[..length].CopyTo(destination);
        written = length;
        return true;
    }

    /// <summary>The text of <paramref name="ticks"/>, or "" for an out-of-range value.</summary>
    public static string Format(long ticks, DateTimeTextStyle style = DateTimeTextStyle.Kusto)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return TryFormat(ticks, buffer, out var written, style) ? new string(buffer[..written]) : "";
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void WriteDigits(Span<char> destination, int offset, int value, int count)
    {
        for (var i = offset + count - 1; i >= offset; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
