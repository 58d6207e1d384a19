using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Engine;
using Vigil.Server.Security;
using Vigil.Storage;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The Azure Monitor Logs Ingestion API, <c>POST /dataCollectionRules/{immutableId}/streams/{stream}?api-version=2023-01-01</c>:
/// a JSON array of records (optionally gzip-encoded, at most 1 MB after decompression) of a stream the rule declares,
/// sent through each of the rule's data flows for that stream (its <c>transformKql</c> run by Vigil's engine over
/// <c>source</c>) into the flow's table; 204 once the rows are durable. Rules are managed as ARM resources:
/// <c>PUT/GET/DELETE /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Insights/dataCollectionRules/{name}</c>.
/// </summary>
internal static class LogsIngestionEndpoints
{
    /// <summary>The service's limit per call: 1 MB, compressed or not (Vigil measures after decompression).</summary>
    public const int MaxCallBytes = 1 << 20;

    private static readonly HashSet<string> ApiVersions = new(StringComparer.OrdinalIgnoreCase) { "2021-11-01-preview", "2023-01-01" };

    private const string RulePath = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Insights/dataCollectionRules/{ruleName}";

    public static void Map(WebApplication app)
    {
        app.MapPost("/dataCollectionRules/{immutableId}/streams/{stream}", UploadAsync).RequireRole(VigilRole.Contributor);
        app.MapPut(RulePath, PutRuleAsync).RequireRole(VigilRole.Contributor);
        app.MapGet(RulePath, GetRuleAsync).RequireRole(VigilRole.Reader);
        app.MapDelete(RulePath, DeleteRuleAsync).RequireRole(VigilRole.Contributor);
    }

    private static async Task UploadAsync(HttpContext context, string immutableId, string stream)
    {
        var apiVersion = context.Request.Query["api-version"].ToString();
        if (!ApiVersions.Contains(apiVersion))
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidApiVersion",
                $"api-version '{apiVersion}' is not supported; use 2023-01-01.").ConfigureAwait(false);
            return;
        }

        var rules = context.RequestServices.GetRequiredService<DataCollectionRuleStore>();
        var rule = rules.FindByImmutableId(immutableId);
        if (rule is null)
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status404NotFound, "NotFound",
                $"Data collection rule with immutable Id '{immutableId}' not found.").ConfigureAwait(false);
            return;
        }

        if (!rule.Streams.TryGetValue(stream, out var declaration))
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status404NotFound, "InvalidStream",
                $"Stream '{stream}' is not declared in data collection rule '{rule.Name}' ({immutableId}).").ConfigureAwait(false);
            return;
        }

        var workspace = context.RequestServices.GetRequiredService<ServedWorkspace>().Workspace;
        if (workspace is null)
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                "This server runs without a data directory (--data), so it cannot store ingested data.").ConfigureAwait(false);
            return;
        }

        var (outcome, bytes, readError) = await RequestBody.ReadAsync(context, MaxCallBytes, allowGzip: true).ConfigureAwait(false);
        if (outcome != RequestBody.Outcome.Read)
        {
            await IngestionError.WriteAsync(context,
                outcome == RequestBody.Outcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                outcome == RequestBody.Outcome.TooLarge ? "ContentLengthLimitExceeded" : "InvalidContentEncoding", readError).ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidJson", "The body is not valid JSON: " + e.Message)
                .ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var rows = document.RootElement;
            if (rows.ValueKind != JsonValueKind.Array || rows.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Object))
            {
                await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidJson",
                    "The body must be a JSON array of objects, one per record of the stream.").ConfigureAwait(false);
                return;
            }

            var engine = context.RequestServices.GetRequiredService<QueryEngine>();
            // Every flow is transformed before anything is stored, so a failing transform stores nothing.
            var outputs = new List<(DataFlow Flow, QueryResult Rows)>();
            foreach (var flow in rule.Flows.Where(f => f.Streams.Contains(declaration.Name, StringComparer.OrdinalIgnoreCase)))
            {
                try
                {
                    outputs.Add((flow, TransformRunner.Run(engine, declaration, rows, flow.TransformKql, context.RequestAborted)));
                }
                catch (QueryException e)
                {
                    await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "TransformFailed",
                        $"The transformKql of the data flow into '{flow.Table}' failed on these records: {e.Message}").ConfigureAwait(false);
                    return;
                }
            }

            long accepted = 0;
            var failures = new List<string>();
            foreach (var (flow, output) in outputs)
            {
                TableIngestion.EnsureCustomTable(workspace, flow.Table, [.. output.Columns.Select(c => new ColumnDefinition(c.Name, SchemaMapping.ToColumnType(c.Type)))]);
                var result = TableIngestion.Ingest(workspace, flow.Table, output);
                accepted += result.AcceptedRows;
                failures.AddRange(result.Failures.Take(5).Select(f => $"{flow.Table} row {f.RowNumber}: {f.Reason}"));
                if (result.FailedRows > 0 && failures.Count == 0)
                {
                    failures.Add($"{flow.Table}: {result.FailedRows} rows rejected");
                }
            }

            if (failures.Count > 0)
            {
                await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidData",
                    $"Some records could not be stored ({accepted} rows were stored): {string.Join("; ", failures)}").ConfigureAwait(false);
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task PutRuleAsync(HttpContext context, string subscriptionId, string resourceGroup, string ruleName)
    {
        var resourceId = ResourceId(subscriptionId, resourceGroup, ruleName);
        var (outcome, bytes, readError) = await RequestBody.ReadAsync(context, 4 << 20, allowGzip: false).ConfigureAwait(false);
        if (outcome != RequestBody.Outcome.Read)
        {
            await IngestionError.WriteAsync(context,
                outcome == RequestBody.Outcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "InvalidPayload", readError).ConfigureAwait(false);
            return;
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException e)
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidPayload", "The body is not valid JSON: " + e.Message)
                .ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidPayload",
                "The body must be a data collection rule object ({\"location\", \"properties\": {...}}).").ConfigureAwait(false);
            return;
        }

        var store = context.RequestServices.GetRequiredService<DataCollectionRuleStore>();
        var immutableId = store.ImmutableIdFor(resourceId);
        if (!DataCollectionRule.TryParse(resourceId, ruleName, immutableId, body, out var rule, out var error))
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidPayload", error).ConfigureAwait(false);
            return;
        }

        var engine = context.RequestServices.GetRequiredService<QueryEngine>();
        foreach (var flow in rule.Flows)
        {
            try
            {
                TransformRunner.Validate(engine, rule.Streams[flow.Streams[0]], flow.TransformKql);
            }
            catch (QueryException e)
            {
                await IngestionError.WriteAsync(context, StatusCodes.Status400BadRequest, "InvalidTransformQuery",
                    $"The transformKql of the data flow into '{flow.Table}' does not compile over stream '{flow.Streams[0]}': {e.Message}").ConfigureAwait(false);
                return;
            }
        }

        var created = store.Put(rule);
        await WriteRuleAsync(context, rule, created ? StatusCodes.Status201Created : StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private static async Task GetRuleAsync(HttpContext context, string subscriptionId, string resourceGroup, string ruleName)
    {
        var rule = context.RequestServices.GetRequiredService<DataCollectionRuleStore>().FindByResourceId(ResourceId(subscriptionId, resourceGroup, ruleName));
        if (rule is null)
        {
            await IngestionError.WriteAsync(context, StatusCodes.Status404NotFound, "ResourceNotFound",
                $"The data collection rule '{ruleName}' under resource group '{resourceGroup}' was not found.").ConfigureAwait(false);
            return;
        }

        await WriteRuleAsync(context, rule, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private static Task DeleteRuleAsync(HttpContext context, string subscriptionId, string resourceGroup, string ruleName)
    {
        var deleted = context.RequestServices.GetRequiredService<DataCollectionRuleStore>().Delete(ResourceId(subscriptionId, resourceGroup, ruleName));
        context.Response.StatusCode = deleted ? StatusCodes.Status200OK : StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>The stored document plus <c>properties.endpoints.logsIngestion</c>: this server, as Direct rules carry it.</summary>
    private static async Task WriteRuleAsync(HttpContext context, DataCollectionRule rule, int status)
    {
        var resource = (JsonObject)rule.Resource.DeepClone();
        var properties = (JsonObject)resource["properties"]!;
        properties["endpoints"] = new JsonObject { ["logsIngestion"] = $"{context.Request.Scheme}://{context.Request.Host}" };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            resource.WriteTo(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string ResourceId(string subscriptionId, string resourceGroup, string ruleName) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Insights/dataCollectionRules/{ruleName}";
}
