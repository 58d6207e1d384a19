using System.Text.Json.Nodes;
using Vigil.Kql.Symbols;

namespace Vigil.Server.Ingestion;

/// <summary>A stream a rule declares: its name (<c>Custom-...</c>) and typed columns.</summary>
internal sealed record StreamDeclaration(string Name, IReadOnlyList<StreamColumn> Columns);

/// <summary>A declared column; <see cref="Type"/> is one of <c>string</c>, <c>int</c>, <c>long</c>, <c>real</c>, <c>boolean</c>, <c>datetime</c>, <c>dynamic</c>.</summary>
internal sealed record StreamColumn(string Name, string Type);

/// <summary>A data flow: rows of these streams, through <see cref="TransformKql"/> (null: as they are), into <see cref="Table"/>.</summary>
internal sealed record DataFlow(IReadOnlyList<string> Streams, string? TransformKql, string Table);

/// <summary>
/// A data collection rule as ARM defines it (<c>Microsoft.Insights/dataCollectionRules</c>): its resource id and name,
/// the immutable id the Logs Ingestion API addresses it by, its stream declarations and data flows, and the resource
/// document as stored (returned by GET).
/// </summary>
internal sealed record DataCollectionRule(
    string ResourceId,
    string Name,
    string ImmutableId,
    JsonObject Resource,
    IReadOnlyDictionary<string, StreamDeclaration> Streams,
    IReadOnlyList<DataFlow> Flows)
{
    private static readonly HashSet<string> ColumnTypes = ["string", "int", "long", "real", "boolean", "datetime", "dynamic"];

    /// <summary>
    /// Reads a rule from its ARM document (<c>location</c>, <c>kind</c>, <c>properties</c>: <c>streamDeclarations</c>,
    /// <c>destinations</c>, <c>dataFlows</c>), checking what the service checks. The stored document gains <c>id</c>,
    /// <c>name</c>, <c>type</c> and <c>properties.immutableId</c>/<c>provisioningState</c>.
    /// </summary>
    public static bool TryParse(string resourceId, string name, string immutableId, JsonObject body, out DataCollectionRule rule, out string error)
    {
        rule = null!;
        if (body["properties"] is not JsonObject properties)
        {
            error = "The data collection rule has no 'properties' object.";
            return false;
        }

        var streams = new Dictionary<string, StreamDeclaration>(StringComparer.OrdinalIgnoreCase);
        if (properties["streamDeclarations"] is JsonObject declarations)
        {
            foreach (var (streamName, declaration) in declarations)
            {
                if (!streamName.StartsWith("Custom-", StringComparison.OrdinalIgnoreCase))
                {
                    error = $"Stream declaration '{streamName}': custom stream names start with 'Custom-'.";
                    return false;
                }

                if (declaration?["columns"] is not JsonArray columnArray || columnArray.Count == 0)
                {
                    error = $"Stream declaration '{streamName}' has no 'columns'.";
                    return false;
                }

                var columns = new List<StreamColumn>();
                foreach (var column in columnArray)
                {
                    var columnName = (column?["name"] as JsonValue)?.TryGetValue<string>(out var n) == true ? n : null;
                    var type = (column?["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
                    if (string.IsNullOrWhiteSpace(columnName) || type is null || !ColumnTypes.Contains(type))
                    {
                        error = $"Stream declaration '{streamName}': every column needs a 'name' and a 'type' among {string.Join(", ", ColumnTypes)} (got {column?.ToJsonString()}).";
                        return false;
                    }

                    columns.Add(new StreamColumn(columnName, type));
                }

                streams[streamName] = new StreamDeclaration(streamName, columns);
            }
        }

        var destinations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (properties["destinations"]?["logAnalytics"] is JsonArray logAnalytics)
        {
            foreach (var destination in logAnalytics)
            {
                if ((destination?["name"] as JsonValue)?.TryGetValue<string>(out var destinationName) == true)
                {
                    destinations.Add(destinationName);
                }
            }
        }

        if (properties["dataFlows"] is not JsonArray flowArray || flowArray.Count == 0)
        {
            error = "The data collection rule has no 'dataFlows'.";
            return false;
        }

        var flows = new List<DataFlow>();
        foreach (var flow in flowArray)
        {
            var flowStreams = (flow?["streams"] as JsonArray)?.Select(s => (s as JsonValue)?.TryGetValue<string>(out var v) == true ? v : null).ToList();
            if (flowStreams is null || flowStreams.Count == 0 || flowStreams.Any(s => s is null))
            {
                error = "Every data flow needs 'streams' (an array of declared stream names).";
                return false;
            }

            foreach (var stream in flowStreams)
            {
                if (!streams.ContainsKey(stream!))
                {
                    error = $"Data flow stream '{stream}' is not declared in 'streamDeclarations'.";
                    return false;
                }
            }

            if (flow!["destinations"] is JsonArray flowDestinations)
            {
                foreach (var destination in flowDestinations)
                {
                    var destinationName = (destination as JsonValue)?.TryGetValue<string>(out var d) == true ? d : null;
                    if (destinationName is null || !destinations.Contains(destinationName))
                    {
                        error = $"Data flow destination '{destination?.ToJsonString()}' is not a 'destinations.logAnalytics' entry of the rule.";
                        return false;
                    }
                }
            }

            var output = (flow["outputStream"] as JsonValue)?.TryGetValue<string>(out var o) == true ? o : null;
            if (!TryOutputTable(output, flowStreams[0]!, out var table, out error))
            {
                return false;
            }

            var transform = (flow["transformKql"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;
            flows.Add(new DataFlow(flowStreams!, string.IsNullOrWhiteSpace(transform) ? null : transform, table));
        }

        var resource = (JsonObject)body.DeepClone();
        resource["id"] = resourceId;
        resource["name"] = name;
        resource["type"] = "Microsoft.Insights/dataCollectionRules";
        var storedProperties = (JsonObject)resource["properties"]!;
        storedProperties["immutableId"] = immutableId;
        storedProperties["provisioningState"] = "Succeeded";
        rule = new DataCollectionRule(resourceId, name, immutableId, resource, streams, flows);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The table a flow writes: <c>Custom-X_CL</c> is the custom table <c>X_CL</c>, <c>Microsoft-T</c> the built-in
    /// table <c>T</c>; without an <c>outputStream</c>, a stream <c>Custom-X_CL</c> goes to <c>X_CL</c>.
    /// </summary>
    private static bool TryOutputTable(string? output, string firstStream, out string table, out string error)
    {
        table = string.Empty;
        error = string.Empty;
        var stream = output ?? firstStream;
        if (stream.StartsWith("Microsoft-", StringComparison.OrdinalIgnoreCase))
        {
            table = stream["Microsoft-".Length..];
            if (!BuiltInTables.TryGet(table, out _))
            {
                error = $"Output stream '{stream}': '{table}' is not a built-in table.";
                return false;
            }

            return true;
        }

        if (stream.StartsWith("Custom-", StringComparison.OrdinalIgnoreCase) && stream.EndsWith("_CL", StringComparison.Ordinal))
        {
            table = stream["Custom-".Length..];
            if (table.Length > "_CL".Length && table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return true;
            }

            error = $"Output stream '{stream}': a custom table name holds only letters, digits and '_'.";
            return false;
        }

        error = output is null
            ? $"Data flow of stream '{firstStream}' needs an 'outputStream' ('Custom-<table>_CL' or 'Microsoft-<table>')."
            : $"Output stream '{output}' must be 'Custom-<table>_CL' or 'Microsoft-<table>'.";
        return false;
    }
}
