using System.Collections.Concurrent;

namespace Vigil.Engine.Values;

/// <summary>
/// <c>datetime_utc_to_local</c> and <c>datetime_local_to_utc</c> over the system's IANA time zone database
/// (timezone.md lists IANA names such as <c>Europe/Paris</c>, <c>US/Pacific</c>; matched case-insensitively). An
/// unknown zone or a result outside the datetime range is null (false). A local time that does not exist (the hour
/// skipped when clocks go forward) converts with the offset in force after the change, as the reference's
/// Europe/Brussels example shows (local 02:00 on 2022-03-27 is 00:00 UTC); an ambiguous local time (the hour
/// repeated when clocks go back) is read as standard time.
/// </summary>
internal static class KqlTimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);
    private static Dictionary<string, string>? s_idsIgnoringCase;

    public static bool TryFind(string name, out TimeZoneInfo zone)
    {
        if (!Cache.TryGetValue(name, out var found))
        {
            found = Find(name);
            // Zone names come from data; keep the cache bounded.
            if (Cache.Count < 4096)
            {
                Cache.TryAdd(name, found);
            }
        }

        zone = found!;
        return found is not null;
    }

    public static bool TryUtcToLocal(long utcTicks, string zoneName, out long localTicks)
    {
        localTicks = 0;
        if (!KqlTime.IsValidDateTime(utcTicks) || !TryFind(zoneName, out var zone))
        {
            return false;
        }

        var offset = zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));
        localTicks = utcTicks + offset.Ticks;
        return KqlTime.IsValidDateTime(localTicks);
    }

    public static bool TryLocalToUtc(long localTicks, string zoneName, out long utcTicks)
    {
        utcTicks = 0;
        if (!KqlTime.IsValidDateTime(localTicks) || !TryFind(zoneName, out var zone))
        {
            return false;
        }

        var local = new DateTime(localTicks, DateTimeKind.Unspecified);
        // For a valid or ambiguous time this is the offset in force (standard time when ambiguous); for a skipped
        // time it is the offset before the change.
        var offset = zone.GetUtcOffset(local);
        if (zone.IsInvalidTime(local))
        {
            var probe = localTicks - offset.Ticks;
            if (KqlTime.IsValidDateTime(probe))
            {
                offset = zone.GetUtcOffset(new DateTime(probe, DateTimeKind.Utc));
            }
        }

        utcTicks = localTicks - offset.Ticks;
        return KqlTime.IsValidDateTime(utcTicks);
    }

    private static TimeZoneInfo? Find(string name)
    {
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase) || name.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            return zone;
        }

        // Zone files are case-sensitive on Linux; KQL zone names are not.
        var ids = s_idsIgnoringCase ??= BuildIdMap();
        return ids.TryGetValue(name, out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone) ? zone : null;
    }

    private static Dictionary<string, string> BuildIdMap()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            map.TryAdd(zone.Id, zone.Id);
        }

        // GetSystemTimeZones leaves out the backward-compatible links (US/Pacific, ...); the zone files have them.
        var root = Environment.GetEnvironmentVariable("TZDIR") ?? "/usr/share/zoneinfo";
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var id = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (char.IsAsciiLetterUpper(id[0]))
                {
                    map.TryAdd(id, id);
                }
            }
        }

        return map;
    }
}
