using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Vigil.Server.LogAnalytics;

/// <summary>
/// The <c>Prefer</c> request header (RFC 7240): comma-separated <c>name=value</c> preferences, possibly over several
/// header lines. Unknown preferences are ignored, as the RFC asks.
/// </summary>
internal sealed record PreferOptions(bool IncludeRender, bool IncludeStatistics, TimeSpan? Wait, IReadOnlyList<string> Applied)
{
    /// <summary>Log Analytics caps the server timeout at 10 minutes.</summary>
    private const int MaxWaitSeconds = 600;

    public static PreferOptions Parse(StringValues headers)
    {
        var render = false;
        var statistics = false;
        TimeSpan? wait = null;
        var applied = new List<string>();
        foreach (var header in headers)
        {
            foreach (var item in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                var name = (equals < 0 ? item : item[..equals]).Trim();
                var value = (equals < 0 ? "true" : item[(equals + 1)..]).Trim().Trim('"');
                if (name.Equals("include-render", StringComparison.OrdinalIgnoreCase))
                {
                    render = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    applied.Add(item);
                }
                else if (name.Equals("include-statistics", StringComparison.OrdinalIgnoreCase))
                {
                    statistics = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    applied.Add(item);
                }
                else if (name.Equals("wait", StringComparison.OrdinalIgnoreCase)
                         && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                {
                    wait = TimeSpan.FromSeconds(Math.Min(seconds, MaxWaitSeconds));
                    applied.Add(item);
                }
            }
        }

        return new PreferOptions(render, statistics, wait, applied);
    }
}
