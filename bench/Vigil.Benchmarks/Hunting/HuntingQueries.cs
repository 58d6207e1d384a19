namespace Vigil.Benchmarks.Hunting;

/// <summary>One question of the hunting set: its KQL (from queries.kql) and the same question in DuckDB SQL.</summary>
internal sealed record HuntingQuery(string Id, string Kql, string Sql, AnswerRule Rule);

/// <summary>How two answers to a question are compared.</summary>
internal enum AnswerRule
{
    /// <summary>Same rows; rows whose sort key ties may come in any order, so both sides are sorted first.</summary>
    Exact,

    /// <summary>dcount: same keys, each estimate within Kusto's documented error of the exact count.</summary>
    Approximate,

    /// <summary>Only the number of rows of the inner result is compared (arg_max's checksum is engine-specific).</summary>
    RowCount,
}

/// <summary>
/// The KQL side is read from the shared queries.kql (blocks starting with <c>// Qn:</c>); the SQL side is written
/// here for each question, with an explicit order wherever KQL leaves ties open.
/// </summary>
internal static class HuntingQueries
{
    private const string Process = "DeviceProcessEvents";
    private const string Network = "DeviceNetworkEvents";

    /// <summary>Whole-term, case-insensitive match of 'mimikatz' as KQL's <c>has</c> defines a term.</summary>
    private const string WholeTerm = "(^|[^0-9A-Za-z])mimikatz($|[^0-9A-Za-z])";

    private static readonly string[] ProcessStringColumns =
    [
        "DeviceId", "DeviceName", "ActionType", "FileName", "FolderPath", "SHA256", "ProcessCommandLine", "AccountName",
        "AccountDomain", "InitiatingProcessFileName", "InitiatingProcessCommandLine",
    ];

    public static IReadOnlyList<HuntingQuery> Load(string queriesFile)
    {
        var kql = ReadBlocks(File.ReadAllText(queriesFile));
        var anyColumn = string.Join(" OR ", ProcessStringColumns.Select(c => $"regexp_matches({c}, '{WholeTerm}', 'i')"));
        var sql = new (string Id, string Sql, AnswerRule Rule)[]
        {
            ("Q1", $"SELECT count(*) FROM {Process} WHERE FileName = 'powershell.exe'", AnswerRule.Exact),
            ("Q2", $"SELECT DeviceName, count(*) AS n FROM {Process} GROUP BY DeviceName ORDER BY n DESC, DeviceName LIMIT 10", AnswerRule.Exact),
            ("Q3", $"SELECT count(*) FROM {Process} WHERE regexp_matches(ProcessCommandLine, '{WholeTerm}', 'i')", AnswerRule.Exact),
            ("Q4", $"SELECT time_bucket(INTERVAL 1 HOUR, Timestamp) AS b, count(*) AS n FROM {Process} GROUP BY b ORDER BY b", AnswerRule.Exact),
            ("Q5", $"SELECT FileName, count(*) AS n FROM {Process} WHERE Timestamp > (SELECT max(Timestamp) FROM {Process}) - INTERVAL 24 HOUR "
                + "AND ProcessCommandLine ILIKE '%-enc%' GROUP BY FileName ORDER BY n DESC, FileName", AnswerRule.Exact),
            ("Q6", $"SELECT DeviceId, count(DISTINCT AccountName) AS d FROM {Process} GROUP BY DeviceId ORDER BY d DESC, DeviceId LIMIT 10", AnswerRule.Approximate),
            ("Q7", $"SELECT count(*) FROM (SELECT DeviceId, arg_max(ReportId, Timestamp) FROM {Process} GROUP BY DeviceId)", AnswerRule.RowCount),
            ("Q8", $"SELECT count(*) FROM {Network} n JOIN {Process} p ON n.DeviceId = p.DeviceId AND n.InitiatingProcessId = p.ProcessId WHERE n.RemotePort = 443", AnswerRule.Exact),
            ("Q9", $"SELECT count(*) FROM {Process} WHERE {anyColumn}", AnswerRule.Exact),
        };
        var queries = new List<HuntingQuery>();
        foreach (var (id, text, rule) in sql)
        {
            if (!kql.TryGetValue(id, out var query))
            {
                throw new InvalidDataException($"{queriesFile} has no block '// {id}:'");
            }

            queries.Add(new HuntingQuery(id, query, text, rule));
        }

        return queries;
    }

    /// <summary>The exact distinct counts per device, to judge Q6's estimates (not timed).</summary>
    public static string ExactDistinctAccounts =>
        $"SELECT DeviceId, count(DISTINCT AccountName) FROM {Process} GROUP BY DeviceId";

    private static Dictionary<string, string> ReadBlocks(string text)
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? id = null;
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.StartsWith("// Q", StringComparison.Ordinal) && trimmed.IndexOf(':', StringComparison.Ordinal) is > 4 and var colon)
            {
                Flush();
                id = trimmed[3..colon];
                continue;
            }

            if (id is not null && !trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                lines.Add(trimmed);
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (id is not null)
            {
                blocks[id] = string.Join('\n', lines).Trim();
            }

            lines.Clear();
        }
    }
}
