using System.Text.Json;
using Vigil.Engine;
using Vigil.Kql.Symbols;
using Vigil.Server.Wire;

namespace Vigil.Server.LogAnalytics;

/// <summary>
/// The Log Analytics query API's 200 body: <c>{"tables":[{"name":"PrimaryResult","columns":[{"name","type"}],"rows":[[...]]}]}</c>,
/// plus <c>render</c> and <c>statistics</c> when the client prefers them. Cells as the live service sends them:
/// bool/int/long/real as JSON booleans and numbers (non-finite reals as strings), datetimes as ISO 8601 with Z,
/// dynamic values as JSON-encoded strings, everything else (guid, timespan, decimal, string) as text, null as null.
/// </summary>
internal static class QueryResponseWriter
{
    public static void Write(Utf8JsonWriter writer, QueryResult result, bool includeRender, bool includeStatistics)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("tables");
        foreach (var table in result.Tables)
        {
            WriteTable(writer, table);
        }

        writer.WriteEndArray();
        if (includeStatistics)
        {
            WriteStatistics(writer, result);
        }

        if (includeRender && result.Visualization is { } visualization)
        {
            WriteRender(writer, visualization);
        }

        writer.WriteEndObject();
    }

    /// <summary>One result table: fork and facet send several, each under its own name.</summary>
    private static void WriteTable(Utf8JsonWriter writer, QueryResult table)
    {
        writer.WriteStartObject();
        writer.WriteString("name", table.Name);
        writer.WriteStartArray("columns");
        foreach (var column in table.Columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", TypeFacts.GetName(column.Type));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        for (var r = 0; r < table.RowCount; r++)
        {
            writer.WriteStartArray();
            foreach (var column in table.Columns)
            {
                ResultCells.Write(writer, column, r, DynamicCells.JsonText);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>"render":{"visualization","title","accumulate","isQuerySorted","kind","annotation","by"}</c> as the Prefer
    /// options page documents it, then any other <c>with (...)</c> property as written.
    /// </summary>
    private static void WriteRender(Utf8JsonWriter writer, Visualization visualization)
    {
        var properties = new Dictionary<string, string>(visualization.Properties, StringComparer.OrdinalIgnoreCase);
        writer.WriteStartObject("render");
        writer.WriteString("visualization", visualization.ChartType);
        writer.WriteString("title", Take(properties, "title") ?? string.Empty);
        writer.WriteBoolean("accumulate", string.Equals(Take(properties, "accumulate"), "true", StringComparison.OrdinalIgnoreCase));
        writer.WriteBoolean("isQuerySorted", false);
        writer.WriteString("kind", Take(properties, "kind") ?? "default");
        writer.WriteString("annotation", Take(properties, "annotation") ?? string.Empty);
        if (Take(properties, "by") is { } by)
        {
            writer.WriteString("by", by);
        }
        else
        {
            writer.WriteNull("by");
        }

        foreach (var (name, value) in properties)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    private static string? Take(Dictionary<string, string> properties, string name) =>
        properties.Remove(name, out var value) ? value : null;

    /// <summary><c>"statistics":{"query":{...}}</c>: execution time in seconds, extents/blocks scanned, rows returned.</summary>
    private static void WriteStatistics(Utf8JsonWriter writer, QueryResult result)
    {
        var statistics = result.Statistics;
        writer.WriteStartObject("statistics");
        writer.WriteStartObject("query");
        writer.WriteNumber("executionTime", Math.Round(statistics.Elapsed.TotalSeconds, 7));
        writer.WriteStartObject("inputDatasetStatistics");
        writer.WriteStartObject("extents");
        writer.WriteNumber("total", statistics.ExtentsScanned + statistics.ExtentsSkipped);
        writer.WriteNumber("scanned", statistics.ExtentsScanned);
        writer.WriteEndObject();
        writer.WriteStartObject("blocks");
        writer.WriteNumber("total", statistics.BlocksScanned + statistics.BlocksSkipped);
        writer.WriteNumber("scanned", statistics.BlocksScanned);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("datasetStatistics");
        writer.WriteStartObject();
        writer.WriteNumber("tableRowCount", result.RowCount);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
