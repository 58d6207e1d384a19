using System.Globalization;

namespace Vigil.Engine.Tests.Values;

/// <summary>Test shorthand: ticks of a UTC instant or an interval written the .NET way (an independent oracle).</summary>
internal static class Ticks
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public static long Of(string utc) =>
        DateTime.ParseExact(utc, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).Ticks;

    public static long Span(string value) => TimeSpan.Parse(value, CultureInfo.InvariantCulture).Ticks;
}
