using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Engine;
using Vigil.Kql.Symbols;

namespace Vigil.Cli.Query;

/// <summary>Prints a <see cref="QueryResult"/> as an aligned table, CSV, or the Log Analytics query API JSON body.</summary>
internal static class ResultWriters
{
    /// <summary>
    /// The Log Analytics query API body, written by the server's own writer so that <c>vigil query --format json</c>
    /// and <c>POST /v1/workspaces/{id}/query</c> print the same bytes (dynamic cells as JSON text, as Log Analytics).
    /// </summary>
    public static void WriteLogAnalyticsJson(Utf8JsonWriter writer, QueryResult result) =>
        Server.LogAnalytics.QueryResponseWriter.Write(writer, result, includeRender: false, includeStatistics: false);

    /// <summary>RFC 4180 CSV with a header line; cells in KQL text form (dynamic as JSON), null as empty.</summary>
    public static void WriteCsv(TextWriter output, QueryResult result)
    {
        var line = new StringBuilder();
        for (var c = 0; c < result.Columns.Count; c++)
        {
            line.Append(c > 0 ? "," : string.Empty).Append(Quote(result.Columns[c].Name));
        }

        output.WriteLine(line.ToString());
        for (var r = 0; r < result.RowCount; r++)
        {
            line.Clear();
            for (var c = 0; c < result.Columns.Count; c++)
            {
                line.Append(c > 0 ? "," : string.Empty).Append(Quote(Text(result.Columns[c], r)));
            }

            output.WriteLine(line.ToString());
        }
    }

    /// <summary>
    /// An aligned text table, then the row count (and truncation) and the elapsed time; several tables (fork, facet)
    /// each under a line with its name.
    /// </summary>
    public static void WriteTable(TextWriter output, QueryResult result, TimeSpan elapsed)
    {
        if (result.Tables.Count == 1)
        {
            WriteOneTable(output, result, elapsed);
            return;
        }

        for (var t = 0; t < result.Tables.Count; t++)
        {
            output.WriteLine((t > 0 ? Environment.NewLine : string.Empty) + result.Tables[t].Name + ":");
            WriteOneTable(output, result.Tables[t], elapsed);
        }
    }

    private static void WriteOneTable(TextWriter output, QueryResult result, TimeSpan elapsed)
    {
        var columns = result.Columns;
        var cells = new string[result.RowCount, columns.Count];
        var widths = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            widths[c] = columns[c].Name.Length;
            for (var r = 0; r < result.RowCount; r++)
            {
                var text = Text(columns[c], r).ReplaceLineEndings(" ");
                cells[r, c] = text;
                widths[c] = Math.Max(widths[c], text.Length);
            }
        }

        var line = new StringBuilder();
        for (var c = 0; c < columns.Count; c++)
        {
            line.Append(c > 0 ? "  " : string.Empty).Append(columns[c].Name.PadRight(widths[c]));
        }

        output.WriteLine(line.ToString().TrimEnd());
        line.Clear();
        for (var c = 0; c < columns.Count; c++)
        {
            line.Append(c > 0 ? "  " : string.Empty).Append(new string('-', widths[c]));
        }

        output.WriteLine(line.ToString());
        for (var r = 0; r < result.RowCount; r++)
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                var text = cells[r, c];
                var numeric = columns[c].Type is ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal;
                line.Append(c > 0 ? "  " : string.Empty).Append(numeric ? text.PadLeft(widths[c]) : text.PadRight(widths[c]));
            }

            output.WriteLine(line.ToString().TrimEnd());
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.RowCount} {(result.RowCount == 1 ? "row" : "rows")}{(result.IsTruncated ? " (truncated)" : string.Empty)} in {elapsed.TotalMilliseconds:0.0} ms"));
    }

    /// <summary>A cell as text: KQL's text form, dynamic as JSON, null as empty.</summary>
    public static string Text(ResultColumn column, int row) =>
        column.IsNull(row) ? string.Empty
        : column.Type == ScalarType.Dynamic ? column.GetDynamic(row).ToJsonString()
        : column.GetText(row);

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
