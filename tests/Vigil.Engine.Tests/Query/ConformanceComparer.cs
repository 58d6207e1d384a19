using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Engine.Values;

namespace Vigil.Engine.Tests.Query;

/// <summary>
/// Compares a result with a documented example as shared/conformance/README.md says: numbers with a relative
/// tolerance of 1e-6, null equal to an empty cell, booleans ignoring case, datetimes as instants, timespans as text,
/// dynamic values structurally, row order only where the query orders its output.
/// </summary>
internal static partial class ConformanceComparer
{
    private static readonly string[] OrderingWords = ["sort ", "order by", "top ", "serialize", "row_number", "prev(", "next("];

    public static string? Compare(string query, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> expected, QueryResult actual)
    {
        var names = actual.Columns.Select(c => c.Name).ToList();
        if (!names.SequenceEqual(columns))
        {
            return $"columns: expected [{string.Join(", ", columns)}], got [{string.Join(", ", names)}]";
        }

        if (expected.Count != actual.RowCount)
        {
            return $"rows: expected {expected.Count}, got {actual.RowCount}";
        }

        var actualRows = new List<string[]>();
        for (var r = 0; r < actual.RowCount; r++)
        {
            actualRows.Add([.. actual.Columns.Select(c => Render(c, r))]);
        }

        var ordered = OrderingWords.Any(w => query.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (ordered)
        {
            for (var r = 0; r < expected.Count; r++)
            {
                if (!RowEquals(expected[r], actualRows[r]))
                {
                    return $"row {r}: expected [{string.Join(", ", expected[r])}], got [{string.Join(", ", actualRows[r])}]";
                }
            }

            return null;
        }

        var remaining = new List<string[]>(actualRows);
        foreach (var row in expected)
        {
            var match = remaining.FindIndex(a => RowEquals(row, a));
            if (match < 0)
            {
                return $"row [{string.Join(", ", row)}] not found in [{string.Join("; ", actualRows.Select(a => string.Join(", ", a)))}]";
            }

            remaining.RemoveAt(match);
        }

        return null;
    }

    private static string Render(ResultColumn column, int row) =>
        column.IsNull(row) ? string.Empty : column.GetText(row);

    private static bool RowEquals(IReadOnlyList<string> expected, string[] actual)
    {
        if (expected.Count != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < actual.Length; i++)
        {
            if (!CellEquals(expected[i] ?? string.Empty, actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cell equality as compare.py decides it, so the count here is the count the conformance README measures.</summary>
    public static bool CellEquals(string expected, string actual)
    {
        expected = expected.Trim();
        actual = actual.Trim();
        if (IsNullText(expected) || IsNullText(actual))
        {
            return IsNullText(expected) && IsNullText(actual);
        }

        if (IsBoolText(expected) || IsBoolText(actual))
        {
            return string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);
        }

        if (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
        {
            return e == a || (double.IsNaN(e) && double.IsNaN(a)) || Math.Abs(e - a) <= 1e-6 * Math.Max(1.0, Math.Max(Math.Abs(e), Math.Abs(a)));
        }

        if (LooksLikeDate(expected) && DateTimeText.TryParse(expected, out var et) && DateTimeText.TryParse(actual, out var at))
        {
            return et == at;
        }

        if (TimeSpanText.TryParse(expected, out var es) && expected.Contains(':', StringComparison.Ordinal)
            && TimeSpanText.TryParse(actual, out var @as))
        {
            return es == @as;
        }

        if (expected.Length > 0 && expected[0] is '[' or '{' && actual.Length > 0 && actual[0] is '[' or '{')
        {
            try
            {
                // As compare.py: the pages break long JSON cells with <br>; numbers match to 9 decimals.
                return JsonEquals(JsonNode.Parse(expected.Replace("<br>", "\n", StringComparison.Ordinal)), JsonNode.Parse(actual));
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }

        // Text: surrounding quotes dropped, runs of whitespace (non-breaking spaces too) read as one space; case counts.
        return string.Equals(NormalizeText(expected), NormalizeText(actual), StringComparison.Ordinal);
    }

    private static string NormalizeText(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            return text[1..^1];
        }

        return Whitespace().Replace(text, " ");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    private static bool IsBoolText(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static bool JsonEquals(JsonNode? expected, JsonNode? actual)
    {
        switch (expected, actual)
        {
            case (null, null):
                return true;
            case (JsonObject e, JsonObject a):
                return e.Count == a.Count && e.All(p => a.TryGetPropertyValue(p.Key, out var v) && JsonEquals(p.Value, v));
            case (JsonArray e, JsonArray a):
                return e.Count == a.Count && e.Zip(a).All(p => JsonEquals(p.First, p.Second));
            case (JsonValue e, JsonValue a) when e.GetValueKind() == System.Text.Json.JsonValueKind.Number
                && a.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                return Math.Round(e.GetValue<double>(), 9) == Math.Round(a.GetValue<double>(), 9);
            default:
                return JsonNode.DeepEquals(expected, actual);
        }
    }

    private static bool IsNullText(string text) => text.Length == 0 || text == "null";

    private static bool LooksLikeDate(string text) => text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-';
}
