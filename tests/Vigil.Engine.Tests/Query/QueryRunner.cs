using System.Globalization;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Tests.Query;

/// <summary>Runs queries for tests, with plan verification on and a fixed "now", and renders results as text.</summary>
internal static class QueryRunner
{
    public static readonly DateTime Now = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static QueryResult Run(string query, QueryEngine? engine = null, QueryOptions? options = null) =>
        (engine ?? new QueryEngine()).Execute(query, (options ?? QueryOptions.Default) with { Now = Now, VerifyPlans = true });

    /// <summary>Each row as cells in KQL text form, joined with " | ".</summary>
    public static List<string> Rows(QueryResult result)
    {
        var rows = new List<string>(result.RowCount);
        for (var r = 0; r < result.RowCount; r++)
        {
            var cells = new string[result.Columns.Count];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = Cell(result.Columns[c], r);
            }

            rows.Add(string.Join(" | ", cells));
        }

        return rows;
    }

    public static List<string> Rows(string query, QueryEngine? engine = null, QueryOptions? options = null) => Rows(Run(query, engine, options));

    /// <summary>"Name:type" of each column.</summary>
    public static string Schema(QueryResult result) =>
        string.Join(", ", result.Columns.Select(c => c.Name + ":" + TypeFacts.GetName(c.Type)));

    public static string Cell(ResultColumn column, int row)
    {
        if (column.IsNull(row))
        {
            return "null";
        }

        return column.Type == ScalarType.Dynamic ? column.GetDynamic(row).ToJsonString() : column.GetText(row);
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
