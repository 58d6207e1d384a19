using System.Globalization;

namespace Vigil.Benchmarks.Hunting;

/// <summary>
/// Compares an answer with a reference by the question's <see cref="AnswerRule"/>; returns null when they agree, or
/// what differs.
/// </summary>
internal static class AnswerCheck
{
    /// <summary>
    /// dcount's default accuracy has a standard error of 0.8% (dcount-aggfunction.md); 99.7% of estimates are within
    /// three of them.
    /// </summary>
    private const double DcountTolerance = 3 * 0.008;

    public static string? Compare(AnswerRule rule, List<string[]> actual, List<string[]> expected, IReadOnlyDictionary<string, long>? exactDistinct = null)
    {
        switch (rule)
        {
            case AnswerRule.RowCount:
                return First(actual) == First(expected) ? null : $"count {First(actual)}, expected {First(expected)}";
            case AnswerRule.Approximate:
                return CompareEstimates(actual, expected, exactDistinct);
            default:
            {
                if (actual.Count != expected.Count)
                {
                    return $"{actual.Count} rows, expected {expected.Count}";
                }

                var a = Sorted(actual);
                var e = Sorted(expected);
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] != e[i])
                    {
                        return $"row '{a[i]}', expected '{e[i]}'";
                    }
                }

                return null;
            }
        }
    }

    /// <summary>Each estimate (key, d) within the tolerance of the key's exact count (from the full table or the reference rows).</summary>
    private static string? CompareEstimates(List<string[]> actual, List<string[]> expected, IReadOnlyDictionary<string, long>? exact)
    {
        if (actual.Count != expected.Count)
        {
            return $"{actual.Count} rows, expected {expected.Count}";
        }

        var reference = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in expected)
        {
            reference[row[0]] = long.Parse(row[1], CultureInfo.InvariantCulture);
        }

        var judged = 0;
        foreach (var row in actual)
        {
            var estimate = long.Parse(row[1], CultureInfo.InvariantCulture);
            if (!(exact ?? reference).TryGetValue(row[0], out var truth))
            {
                continue;
            }

            judged++;
            if (Math.Abs(estimate - truth) > (DcountTolerance * truth) + 1)
            {
                return $"{row[0]}: estimate {estimate}, exact {truth} (more than {DcountTolerance:P1} off)";
            }
        }

        // Without the full table, near-ties may swap keys in and out of a top 10; most must still be shared.
        return judged * 2 > actual.Count ? null : $"only {judged} of {actual.Count} keys are in the reference";
    }

    private static string First(List<string[]> rows) => rows.Count > 0 && rows[0].Length > 0 ? rows[0][0] : "(no rows)";

    private static List<string> Sorted(List<string[]> rows)
    {
        var lines = rows.Select(r => string.Join('\t', r)).ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Reads an expected answer file (TSV, header first) without its header.</summary>
    public static List<string[]> ReadTsv(string path) =>
        [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))];
}
