using System.Text.RegularExpressions;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Symbols;

/// <summary>The function names and notes of shared/reference/kql-catalog.md (sections 4, 6 and 7).</summary>
internal static partial class KqlCatalog
{
    public sealed record Entry(string Name, string Category, bool Hidden, string? ObsoleteReplacement);

    private static readonly Lazy<string> Text = new(() => File.ReadAllText(RepositoryPaths.SharedFile("reference", "kql-catalog.md")));

    public static IReadOnlyList<Entry> ScalarFunctions()
    {
        var section = Section("## 4.", "## 5.");
        var entries = new List<Entry>();
        string? category = null;
        foreach (var line in section.Split('\n'))
        {
            var heading = HeadingRegex().Match(line);
            if (heading.Success)
            {
                category = heading.Groups[1].Value.Trim();
                continue;
            }

            var row = RowRegex().Match(line);
            if (row.Success && category is not null)
            {
                var notes = row.Groups[2].Value;
                var obsolete = ObsoleteRegex().Match(notes);
                entries.Add(new Entry(row.Groups[1].Value, category, notes.Contains("hidden", StringComparison.Ordinal),
                    obsolete.Success ? obsolete.Groups[1].Value : null));
            }
        }

        return entries;
    }

    public static IReadOnlyList<Entry> Aggregates() => Inline(Section("## 6.", "Notes:"));

    public static IReadOnlyList<Entry> Plugins() => Inline(Section("## 7.", "Docs-only plugin pages"));

    /// <summary>"`name` (obsolete→x, hidden) [KL]" lists of sections 6 and 7.</summary>
    private static List<Entry> Inline(string section)
    {
        var entries = new List<Entry>();
        foreach (Match m in InlineRegex().Matches(section))
        {
            var notes = m.Groups[2].Value;
            var obsolete = ObsoleteRegex().Match(notes);
            entries.Add(new Entry(m.Groups[1].Value, "", notes.Contains("hidden", StringComparison.Ordinal),
                obsolete.Success ? obsolete.Groups[1].Value : null));
        }

        return entries;
    }

    private static string Section(string start, string end)
    {
        var text = Text.Value;
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return text[from..to];
    }

    [GeneratedRegex(@"^### (.+) \(\d+\)")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^\| `([^`]+)` \|.*\|([^|]*)\|\s*$")]
    private static partial Regex RowRegex();

    [GeneratedRegex(@"obsolete→(\w+)")]
    private static partial Regex ObsoleteRegex();

    [GeneratedRegex(@"`(\w+)`( \([^)]*\))?")]
    private static partial Regex InlineRegex();
}
