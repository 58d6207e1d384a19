using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Engine;

namespace Vigil.Server.LogAnalytics;

/// <summary>
/// <c>POST</c> and <c>GET /v1/workspaces/{workspaceId}/query</c>: the Log Analytics query API over the served
/// workspace. Honours <c>timespan</c> (every table read is restricted to it; see <see cref="TimeWindow"/>) and the <c>Prefer</c> options
/// <c>include-render</c>, <c>include-statistics</c> and <c>wait</c> (seconds before the query is cancelled).
/// </summary>
internal static class QueryEndpoints
{
    /// <summary>Log Analytics' default server timeout: 3 minutes.</summary>
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(3);

    /// <summary>Quotes in dynamic cells stay readable (<c>{"x":1}</c>, not <c>\u0022</c>): the body is JSON, not HTML.</summary>
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Largest request body read (queries are text; this bounds memory per request).</summary>
    private const int MaxBodyBytes = 1 << 20;

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/workspaces/{workspaceId}/query", PostAsync);
        app.MapGet("/v1/workspaces/{workspaceId}/query", GetAsync);
    }

    private static Task GetAsync(HttpContext context, string workspaceId)
    {
        _ = workspaceId;
        var query = context.Request.Query["query"].ToString();
        var timespan = context.Request.Query.TryGetValue("timespan", out var t) ? t.ToString() : null;
        return RunAsync(context, query, timespan);
    }

    private static async Task PostAsync(HttpContext context, string workspaceId)
    {
        _ = workspaceId;
        string? query = null;
        string? timespan = null;
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, w => ErrorResponse.Write(
                w, CorrelationId(context), "PayloadTooLarge", "The request body is too large",
                [("PayloadTooLarge", $"A query request body may be at most {MaxBodyBytes} bytes.")])).ConfigureAwait(false);
            return;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                await BadArgumentAsync(context, "The request body must be a JSON object with a 'query' property.").ConfigureAwait(false);
                return;
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
            return;
        }

        await RunAsync(context, query, timespan).ConfigureAwait(false);
    }

    private static async Task RunAsync(HttpContext context, string? query, string? timespan)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            await BadArgumentAsync(context, "The 'query' parameter is required.").ConfigureAwait(false);
            return;
        }

        var now = DateTime.UtcNow;
        TimeWindow? window = null;
        if (timespan is not null)
        {
            if (!QueryTimespan.TryParse(timespan, now, out var parsed, out var timespanError))
            {
                await BadArgumentAsync(context, timespanError).ConfigureAwait(false);
                return;
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
            return;
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, w => ErrorResponse.Write(
                w, CorrelationId(context), "GatewayTimeout", "The query did not complete in time",
                [("QueryTimeout", "The query ran longer than the server timeout (Prefer: wait=<seconds>).")])).ConfigureAwait(false);
            return;
        }

        if (prefer.Applied.Count > 0)
        {
            context.Response.Headers["Preference-Applied"] = string.Join(",", prefer.Applied);
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, w => QueryResponseWriter.Write(w, result, prefer.IncludeRender, prefer.IncludeStatistics))
            .ConfigureAwait(false);
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

    /// <summary>The client's <c>x-ms-client-request-id</c> when given (so it can match its logs), else a new id.</summary>
    private static string CorrelationId(HttpContext context)
    {
        if (context.Items.TryGetValue("vigil.correlationId", out var known) && known is string id)
        {
            return id;
        }

        var given = context.Request.Headers["x-ms-client-request-id"].ToString();
        id = Guid.TryParse(given, out var parsed) ? parsed.ToString() : Guid.NewGuid().ToString();
        context.Items["vigil.correlationId"] = id;
        return id;
    }
}
