using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Engine;
using Vigil.Server.Audit;
using Vigil.Server.Security;
using Vigil.Server.Throttling;

namespace Vigil.Server.LogAnalytics;

/// <summary>
/// <c>POST</c> and <c>GET /v1/workspaces/{workspaceId}/query</c>: the Log Analytics query API over the served
/// workspace. Honours <c>timespan</c> (every table read is restricted to it; see <see cref="TimeWindow"/>) and the <c>Prefer</c> options
/// <c>include-render</c>, <c>include-statistics</c> and <c>wait</c> (seconds before the query is cancelled).
/// Needs a Reader; throttled per caller; every call is audited into LAQueryLogs.
/// </summary>
internal static class QueryEndpoints
{
    /// <summary>Log Analytics' default server timeout: 3 minutes.</summary>
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(3);

    /// <summary>Quotes in dynamic cells stay readable (<c>{"x":1}</c>, not <c>\u0022</c>): the body is JSON, not HTML.</summary>
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/workspaces/{workspaceId}/query", PostAsync).RequireRole(VigilRole.Reader).RequireQueryThrottling();
        app.MapGet("/v1/workspaces/{workspaceId}/query", GetAsync).RequireRole(VigilRole.Reader).RequireQueryThrottling();
    }

    private static async Task GetAsync(HttpContext context, string workspaceId)
    {
        var arrived = Stopwatch.GetTimestamp();
        var query = context.Request.Query["query"].ToString();
        var timespan = context.Request.Query.TryGetValue("timespan", out var t) ? t.ToString() : null;
        var (rows, window) = await ServeAsync(context, workspaceId, query, timespan).ConfigureAwait(false);
        await Audit(context).RecordAsync(context, query, rows, arrived, DateTime.UtcNow - Stopwatch.GetElapsedTime(arrived), window).ConfigureAwait(false);
    }

    private static async Task PostAsync(HttpContext context, string workspaceId)
    {
        var arrived = Stopwatch.GetTimestamp();
        var (query, rows, window) = await ReadAndServeAsync(context, workspaceId).ConfigureAwait(false);
        await Audit(context).RecordAsync(context, query, rows, arrived, DateTime.UtcNow - Stopwatch.GetElapsedTime(arrived), window).ConfigureAwait(false);
    }

    private static QueryAudit Audit(HttpContext context) => context.RequestServices.GetRequiredService<QueryAudit>();

    /// <summary>Reads the POST body, then runs it: the query text (when it could be read), rows returned and the time window.</summary>
    private static async Task<(string? Query, long? Rows, TimeWindow? Window)> ReadAndServeAsync(HttpContext context, string workspaceId)
    {
        string? query = null;
        string? timespan = null;
        var maxBody = context.RequestServices.GetRequiredService<VigilServerOptions>().Limits.MaxQueryBodyBytes;
        if (context.Request.ContentLength > maxBody)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, w => ErrorResponse.Write(
                w, CorrelationId(context), "PayloadTooLarge", "The request body is too large",
                [("PayloadTooLarge", $"A query request body may be at most {maxBody} bytes.")])).ConfigureAwait(false);
            return (null, null, null);
        }

        // A body without Content-Length (chunked) is held to the same limit while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = Math.Min(maxBody, limit.MaxRequestBodySize ?? long.MaxValue);
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                await BadArgumentAsync(context, "The request body must be a JSON object with a 'query' property.").ConfigureAwait(false);
                return (null, null, null);
            }

            foreach (var property in body.RootElement.EnumerateObject())
            {
                if (property.NameEquals("query") && property.Value.ValueKind == JsonValueKind.String)
                {
                    query = property.Value.GetString();
                }
                else if (property.NameEquals("timespan") && property.Value.ValueKind == JsonValueKind.String)
                {
                    timespan = property.Value.GetString();
                }
            }
        }
        catch (JsonException e)
        {
            await BadArgumentAsync(context, "The request body is not valid JSON: " + e.Message).ConfigureAwait(false);
            return (null, null, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, w => ErrorResponse.Write(
                w, CorrelationId(context), "PayloadTooLarge", "The request body is too large",
                [("PayloadTooLarge", $"A query request body may be at most {maxBody} bytes.")])).ConfigureAwait(false);
            return (null, null, null);
        }

        var (rows, window) = await ServeAsync(context, workspaceId, query, timespan).ConfigureAwait(false);
        return (query, rows, window);
    }

    /// <summary>Checks the workspace and runs the query: the rows returned (null when refused) and the time window applied.</summary>
    private static async Task<(long? Rows, TimeWindow? Window)> ServeAsync(HttpContext context, string workspaceId, string? query, string? timespan)
    {
        var served = context.RequestServices.GetRequiredService<VigilServerOptions>().WorkspaceId;
        if (!Guid.TryParse(workspaceId, out var asked) || asked != served)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, w => ErrorResponse.Write(
                w, CorrelationId(context), "WorkspaceNotFoundError", "The workspace could not be found",
                [("WorkspaceNotFoundError", $"This server serves the workspace '{served}', not '{workspaceId}'.")])).ConfigureAwait(false);
            return (null, null);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            await BadArgumentAsync(context, "The 'query' parameter is required.").ConfigureAwait(false);
            return (null, null);
        }

        var now = DateTime.UtcNow;
        TimeWindow? window = null;
        if (timespan is not null)
        {
            if (!QueryTimespan.TryParse(timespan, now, out var parsed, out var timespanError))
            {
                await BadArgumentAsync(context, timespanError).ConfigureAwait(false);
                return (null, null);
            }

            window = new TimeWindow(parsed.Start, parsed.End);
        }

        var prefer = PreferOptions.Parse(context.Request.Headers["Prefer"]);
        var engine = context.RequestServices.GetRequiredService<QueryEngine>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(prefer.Wait ?? DefaultWait);
        QueryResult result;
        try
        {
            result = engine.Execute(query, new QueryOptions { Now = now, TimeWindow = window, Cancellation = timeout.Token });
        }
        catch (QueryException e)
        {
            var status = e.Kind == QueryErrorKind.Runtime ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
            await WriteErrorAsync(context, status, w => ErrorResponse.WriteQueryFailure(w, CorrelationId(context), e)).ConfigureAwait(false);
            return (null, window);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, w => ErrorResponse.Write(
                w, CorrelationId(context), "GatewayTimeout", "The query did not complete in time",
                [("QueryTimeout", "The query ran longer than the server timeout (Prefer: wait=<seconds>).")])).ConfigureAwait(false);
            return (null, window);
        }

        if (prefer.Applied.Count > 0)
        {
            context.Response.Headers["Preference-Applied"] = string.Join(",", prefer.Applied);
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, w => QueryResponseWriter.Write(w, result, prefer.IncludeRender, prefer.IncludeStatistics))
            .ConfigureAwait(false);
        return (result.RowCount, window);
    }

    private static Task BadArgumentAsync(HttpContext context, string message) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, w => ErrorResponse.WriteBadArgument(w, CorrelationId(context), message));

    private static Task WriteErrorAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        WriteJsonAsync(context, status, write);

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonOptions))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string CorrelationId(HttpContext context) => HttpErrors.CorrelationId(context);
}
