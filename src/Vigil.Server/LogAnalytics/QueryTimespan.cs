using System.Globalization;
using System.Xml;

namespace Vigil.Server.LogAnalytics;

/// <summary>
/// The API's <c>timespan</c>: an ISO 8601 duration ending now (<c>PT1H</c>, <c>P1D</c>) or an interval
/// (<c>start/end</c>, <c>start/duration</c>, <c>duration/end</c>), as a [start, end) window in UTC.
/// </summary>
internal readonly record struct QueryTimespan(DateTime Start, DateTime End)
{
    public static bool TryParse(string text, DateTime now, out QueryTimespan window, out string error)
    {
        window = default;
        var parts = text.Trim().Split('/');
        switch (parts.Length)
        {
            case 1 when TryDuration(parts[0], out var duration):
                window = new QueryTimespan(now - duration, now);
                break;
            case 2 when TryInstant(parts[0], out var start) && TryInstant(parts[1], out var end):
                window = new QueryTimespan(start, end);
                break;
            case 2 when TryInstant(parts[0], out var start) && TryDuration(parts[1], out var duration):
                window = new QueryTimespan(start, start + duration);
                break;
            case 2 when TryDuration(parts[0], out var duration) && TryInstant(parts[1], out var end):
                window = new QueryTimespan(end - duration, end);
                break;
            default:
                error = $"The timespan '{text}' is not an ISO 8601 duration (PT1H) or interval (start/end).";
                return false;
        }

        if (window.End < window.Start)
        {
            error = $"The timespan '{text}' ends before it starts.";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (!text.StartsWith('P'))
        {
            return false;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return duration >= TimeSpan.Zero;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static bool TryInstant(string text, out DateTime instant)
    {
        var ok = DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed);
        instant = ok ? parsed.UtcDateTime : default;
        return ok;
    }
}
