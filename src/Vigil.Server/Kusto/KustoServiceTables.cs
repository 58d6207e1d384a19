using System.Text.Json;
using Vigil.Engine;
using Vigil.Kql.Symbols;

namespace Vigil.Server.Kusto;

/// <summary>
/// The service tables Kusto sends around a query's result: <c>@ExtendedProperties</c> (the visualization),
/// <c>QueryCompletionInformation</c> (v2) / <c>QueryStatus</c> (v1), and the v1 table of contents.
/// </summary>
internal static class KustoServiceTables
{
    /// <summary>The render properties Kusto's <c>Visualization</c> object carries, in its order (null when not given).</summary>
    private static readonly string[] VisualizationProperties =
    [
        "Title", "XColumn", "Series", "YColumns", "AnomalyColumns", "XTitle", "YTitle", "XAxis", "YAxis", "Legend", "YSplit",
    ];

    /// <summary>The <c>Visualization</c> value: <c>{"Visualization":null,"Title":null,...}</c> as a JSON-encoded string.</summary>
    public static string VisualizationJson(Visualization? visualization)
    {
        var properties = visualization is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(visualization.Properties, StringComparer.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteNullable(writer, "Visualization", visualization?.ChartType);
            foreach (var name in VisualizationProperties)
            {
                WriteNullable(writer, name, properties.GetValueOrDefault(name));
            }

            writer.WriteBoolean("Accumulate", string.Equals(properties.GetValueOrDefault("accumulate"), "true", StringComparison.OrdinalIgnoreCase));
            writer.WriteBoolean("IsQuerySorted", false);
            WriteNullable(writer, "Kind", properties.GetValueOrDefault("kind"));
            writer.WriteString("Ymin", properties.GetValueOrDefault("ymin") ?? "NaN");
            writer.WriteString("Ymax", properties.GetValueOrDefault("ymax") ?? "NaN");
            WriteNullable(writer, "Xmin", properties.GetValueOrDefault("xmin"));
            WriteNullable(writer, "Xmax", properties.GetValueOrDefault("xmax"));
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>v2 <c>@ExtendedProperties</c>: <c>TableId</c>, <c>Key</c>, <c>Value</c>, one row per property of the result table.</summary>
    public static KustoTable ExtendedPropertiesV2(int resultTableId, Visualization? visualization) =>
        KustoTable.FromValues("@ExtendedProperties", "QueryProperties",
            [new("TableId", ScalarType.Int), new("Key", ScalarType.String), new("Value", ScalarType.Dynamic)],
            [[resultTableId, "Visualization", VisualizationJson(visualization)]]);

    /// <summary>v1 <c>@ExtendedProperties</c>: one <c>Value</c> column holding the visualization.</summary>
    public static KustoTable ExtendedPropertiesV1(Visualization? visualization) =>
        KustoTable.FromValues("@ExtendedProperties", "QueryProperties", [new("Value", ScalarType.String)], [[VisualizationJson(visualization)]]);

    /// <summary>
    /// v2 <c>QueryCompletionInformation</c>: an info row (or an error row when <paramref name="error"/> is set) and the
    /// query's resource consumption.
    /// </summary>
    public static KustoTable CompletionInformation(KustoRequestIds ids, QueryStatistics? statistics, int rows, KustoError? error)
    {
        var now = DateTime.UtcNow;
        var list = new List<object?[]>();
        if (error is null)
        {
            list.Add(Event(now, ids, 4, "Info", 0, "S_OK (0)", 4, "QueryInfo", """{"Count":1,"Text":"Query completed successfully"}"""));
        }
        else
        {
            list.Add(Event(now, ids, 2, "Error", unchecked((int)0x80004005), "E_FAIL (0x80004005)", 4, "QueryInfo", error.DetailedMessage));
        }

        if (statistics is not null)
        {
            list.Add(Event(now, ids, 4, "Info", 0, "S_OK (0)", 6, "EventType.QueryResourceConsumption", ResourceConsumption(statistics, rows)));
        }

        return KustoTable.FromValues("QueryCompletionInformation", "QueryCompletionInformation",
        [
            new("Timestamp", ScalarType.DateTime), new("ClientRequestId", ScalarType.String), new("ActivityId", ScalarType.Guid),
            new("SubActivityId", ScalarType.Guid), new("ParentActivityId", ScalarType.Guid), new("Level", ScalarType.Int),
            new("LevelName", ScalarType.String), new("StatusCode", ScalarType.Int), new("StatusCodeName", ScalarType.String),
            new("EventType", ScalarType.Int), new("EventTypeName", ScalarType.String), new("Payload", ScalarType.String),
        ], list);
    }

    /// <summary>v1 <c>QueryStatus</c>: one row saying how the query ended.</summary>
    public static KustoTable QueryStatus(KustoRequestIds ids, KustoError? error)
    {
        object?[] row = error is null
            ? [DateTime.UtcNow, 4, "Info", 0, "Query completed successfully", 1, ids.Activity, ids.Activity, ids.SubActivity, ids.ClientRequestId]
            : [DateTime.UtcNow, 2, "Error", unchecked((int)0x80004005), error.DetailedMessage, 1, ids.Activity, ids.Activity, ids.SubActivity, ids.ClientRequestId];
        return KustoTable.FromValues("QueryStatus", "QueryStatus",
        [
            new("Timestamp", ScalarType.DateTime), new("Severity", ScalarType.Int), new("SeverityName", ScalarType.String),
            new("StatusCode", ScalarType.Int), new("StatusDescription", ScalarType.String), new("Count", ScalarType.Int),
            new("RequestId", ScalarType.Guid), new("ActivityId", ScalarType.Guid), new("SubActivityId", ScalarType.Guid),
            new("ClientActivityId", ScalarType.String),
        ], [row]);
    }

    /// <summary>The v1 table of contents: one row per table before it (<c>Ordinal</c>, <c>Kind</c>, <c>Name</c>, <c>Id</c>, <c>PrettyName</c>).</summary>
    public static KustoTable TableOfContents(IReadOnlyList<KustoTable> tables)
    {
        var rows = new List<object?[]>(tables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var kind = tables[i].Kind == "PrimaryResult" ? "QueryResult" : tables[i].Kind;
            var id = tables[i].Kind == "QueryStatus" ? Guid.Empty : Guid.NewGuid();
            rows.Add([(long)i, kind, tables[i].Name, id.ToString(), string.Empty]);
        }

        return KustoTable.FromValues("TableOfContents", "TableOfContents",
        [
            new("Ordinal", ScalarType.Long), new("Kind", ScalarType.String), new("Name", ScalarType.String),
            new("Id", ScalarType.String), new("PrettyName", ScalarType.String),
        ], rows);
    }

    private static object?[] Event(
        DateTime now, KustoRequestIds ids, int level, string levelName, int status, string statusName, int eventType, string eventName, string payload) =>
        [now, ids.ClientRequestId, ids.Activity, ids.SubActivity, ids.Activity, level, levelName, status, statusName, eventType, eventName, payload];

    private static string ResourceConsumption(QueryStatistics statistics, int rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("ExecutionTime", Math.Round(statistics.Elapsed.TotalSeconds, 7));
            writer.WriteStartObject("input_dataset_statistics");
            writer.WriteStartObject("extents");
            writer.WriteNumber("total", statistics.ExtentsScanned + statistics.ExtentsSkipped);
            writer.WriteNumber("scanned", statistics.ExtentsScanned);
            writer.WriteEndObject();
            writer.WriteStartObject("blocks");
            writer.WriteNumber("total", statistics.BlocksScanned + statistics.BlocksSkipped);
            writer.WriteNumber("scanned", statistics.BlocksScanned);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("dataset_statistics");
            writer.WriteStartObject();
            writer.WriteNumber("table_row_count", rows);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}

/// <summary>The ids a Kusto response carries: the client's request id (echoed), and a fresh activity id.</summary>
internal sealed record KustoRequestIds(string ClientRequestId, Guid Activity, Guid SubActivity);
