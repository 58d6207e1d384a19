namespace Vigil.Engine.Values;

/// <summary>
/// Tick arithmetic shared by KQL's <c>datetime</c> and <c>timespan</c>. Both are 64-bit counts of 100 ns ticks:
/// a datetime counts from 0001-01-01T00:00:00Z (UTC only), a timespan is a signed interval.
/// </summary>
public static class KqlTime
{
    public const long TicksPerMicrosecond = 10;
    public const long TicksPerMillisecond = 10_000;
    public const long TicksPerSecond = 10_000_000;
    public const long TicksPerMinute = 600_000_000;
    public const long TicksPerHour = 36_000_000_000;
    public const long TicksPerDay = 864_000_000_000;
    public const long TicksPerWeek = 7 * TicksPerDay;

    /// <summary>The smallest datetime: 0001-01-01T00:00:00Z.</summary>
    public const long MinDateTimeTicks = 0;

    /// <summary>The largest datetime: 9999-12-31T23:59:59.9999999Z.</summary>
    public const long MaxDateTimeTicks = 3_155_378_975_999_999_999;

    /// <summary>1970-01-01T00:00:00Z.</summary>
    public const long UnixEpochTicks = 621_355_968_000_000_000;

    /// <summary>True when <paramref name="ticks"/> is a representable datetime.</summary>
    public static bool IsValidDateTime(long ticks) => (ulong)ticks <= MaxDateTimeTicks;

    /// <summary>The instant as a UTC <see cref="DateTime"/> (a struct; no allocation).</summary>
    public static DateTime ToDateTime(long ticks) => new(ticks, DateTimeKind.Utc);

    /// <summary>Ticks of a <see cref="DateTime"/>, after converting a local time to UTC.</summary>
    public static long FromDateTime(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;
}
