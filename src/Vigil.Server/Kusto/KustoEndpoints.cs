using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Engine;
using Vigil.Server.Audit;
using Vigil.Server.Security;
using Vigil.Server.Throttling;

namespace Vigil.Server.Kusto;

/// <summary>
/// The Kusto REST API over the served workspace, so Kusto clients and tools work: <c>POST /v1/rest/query</c> (v1
/// tables), <c>POST /v2/rest/query</c> (v2 frames) and <c>POST /v1/rest/mgmt</c> (the <c>.show</c> commands of
/// <see cref="ManagementCommands"/>). Requests that cannot run (bad body, syntax or semantic errors) get a 4xx with
/// a OneApiErrors body; failures after the query started are reported in the data as Kusto does.
/// </summary>
internal static class KustoEndpoints
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Largest request body read: the text of a query or command.</summary>
    private const int MaxBodyBytes = 1 << 20;

    private enum Protocol
    {
        V1,
        V2,
    }

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/rest/query", context => QueryAsync(context, Protocol.V1)).RequireRole(VigilRole.Reader).RequireQueryThrottling();
        app.MapPost("/v2/rest/query", context => QueryAsync(context, Protocol.V2)).RequireRole(VigilRole.Reader).RequireQueryThrottling();
        app.MapPost("/v1/rest/mgmt", ManagementAsync).RequireRole(VigilRole.Reader);
        // Kusto clients ask for sign-in metadata first and fall back to defaults on 404; a 401 there would stop them.
        app.MapGet("/v1/rest/auth/metadata", () => Results.NotFound()).AllowAnonymous();
    }

    /// <summary>Runs a query and audits it into LAQueryLogs, whatever its outcome.</summary>
    private static async Task QueryAsync(HttpContext context, Protocol protocol)
    {
        var arrived = Stopwatch.GetTimestamp();
        var submitted = DateTime.UtcNow;
        var (query, rows) = await RunQueryAsync(context, protocol).ConfigureAwait(false);
        await context.RequestServices.GetRequiredService<QueryAudit>()
            .RecordAsync(context, query, rows, arrived, submitted, timeRange: null).ConfigureAwait(false);
    }

    private static async Task<(string? Query, long? Rows)> RunQueryAsync(HttpContext context, Protocol protocol)
    {
        var ids = Ids(context);
        var request = await ReadRequestAsync(context, ids).ConfigureAwait(false);
        if (request is null)
        {
            return (null, null);
        }

        if (request.Csl.TrimStart().StartsWith('.'))
        {
            await WriteErrorAsync(context, ids, StatusCodes.Status400BadRequest,
                KustoError.BadRequest("Management commands (starting with '.') go to /v1/rest/mgmt, not the query endpoint.")).ConfigureAwait(false);
            return (request.Csl, null);
        }

        var engine = context.RequestServices.GetRequiredService<QueryEngine>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(request.ServerTimeout);
        QueryResult? result = null;
        KustoError? failure = null;
        var cancelled = false;
        try
        {
            // One row past the limit tells a result that fits exactly from one that was cut.
            var limit = request.MaxRecords == int.MaxValue ? int.MaxValue : request.MaxRecords + 1;
            result = engine.Execute(request.Csl, new QueryOptions { Now = request.Now, MaxRows = limit, Cancellation = timeout.Token });
        }
        catch (QueryException e) when (e.Kind != QueryErrorKind.Runtime)
        {
            await WriteErrorAsync(context, ids, StatusCodes.Status400BadRequest, KustoError.FromQuery(e)).ConfigureAwait(false);
            return (request.Csl, null);
        }
        catch (QueryException e)
        {
            failure = KustoError.FromQuery(e);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            failure = KustoError.Timeout(request.ServerTimeout);
            cancelled = true;
        }

        var truncated = result is not null && result.RowCount > request.MaxRecords;
        if (truncated)
        {
            failure = KustoError.Truncated(request.MaxRecords);
        }

        var tables = new List<KustoTable>();
        if (protocol == Protocol.V1)
        {
            if (result is null)
            {
                await WriteErrorAsync(context, ids, cancelled ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status500InternalServerError, failure!)
                    .ConfigureAwait(false);
                return (request.Csl, null);
            }

            tables.Add(KustoTable.FromResult("PrimaryResult", "PrimaryResult", result, request.MaxRecords));
            tables.Add(KustoServiceTables.ExtendedPropertiesV1(result.Visualization));
            tables.Add(KustoServiceTables.QueryStatus(ids, failure));
            tables.Add(KustoServiceTables.TableOfContents(tables));
            await WriteJsonAsync(context, ids, StatusCodes.Status200OK, w => KustoV1Writer.Write(w, tables)).ConfigureAwait(false);
            return (request.Csl, Math.Min(result.RowCount, request.MaxRecords));
        }

        if (result is not null)
        {
            tables.Add(KustoServiceTables.ExtendedPropertiesV2(1, result.Visualization));
            tables.Add(KustoTable.FromResult("PrimaryResult", "PrimaryResult", result, request.MaxRecords));
        }

        tables.Add(KustoServiceTables.CompletionInformation(ids, result?.Statistics, Math.Min(result?.RowCount ?? 0, request.MaxRecords), failure));
        await WriteJsonAsync(context, ids, StatusCodes.Status200OK,
            w => KustoV2Writer.Write(w, tables, failure, truncated ? "PrimaryResult" : null, ids, cancelled)).ConfigureAwait(false);
        return (request.Csl, result is null ? null : Math.Min(result.RowCount, request.MaxRecords));
    }

    private static async Task ManagementAsync(HttpContext context)
    {
        var ids = Ids(context);
        var request = await ReadRequestAsync(context, ids).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (!request.Csl.TrimStart().StartsWith('.'))
        {
            await WriteErrorAsync(context, ids, StatusCodes.Status400BadRequest,
                KustoError.BadRequest("A management command starts with '.'; queries go to /v1/rest/query or /v2/rest/query.")).ConfigureAwait(false);
            return;
        }

        var served = context.RequestServices.GetRequiredService<ServedWorkspace>();
        if (!ManagementCommands.TryRun(request.Csl, served, out var table, out var error))
        {
            await WriteErrorAsync(context, ids, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, ids, StatusCodes.Status200OK, w => KustoV1Writer.Write(w, [table])).ConfigureAwait(false);
    }

    /// <summary>Reads and checks the body; on failure the error response is written and null returned.</summary>
    private static async Task<KustoRequest?> ReadRequestAsync(HttpContext context, KustoRequestIds ids)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await WriteErrorAsync(context, ids, StatusCodes.Status413PayloadTooLarge,
                KustoError.BadRequest($"The request body is larger than {MaxBodyBytes} bytes.")).ConfigureAwait(false);
            return null;
        }

        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (limited.Length + read > MaxBodyBytes)
                {
                    await WriteErrorAsync(context, ids, StatusCodes.Status413PayloadTooLarge,
                        KustoError.BadRequest($"The request body is larger than {MaxBodyBytes} bytes.")).ConfigureAwait(false);
                    return null;
                }

                limited.Write(buffer, 0, read);
            }

            using var body = JsonDocument.Parse(limited.GetBuffer().AsMemory(0, (int)limited.Length));
            if (KustoRequest.TryParse(body.RootElement, out var request, out var error))
            {
                return request;
            }

            await WriteErrorAsync(context, ids, StatusCodes.Status400BadRequest, KustoError.BadRequest(error)).ConfigureAwait(false);
            return null;
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, ids, StatusCodes.Status400BadRequest, KustoError.BadRequest("The request body is not valid JSON: " + e.Message))
                .ConfigureAwait(false);
            return null;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, KustoRequestIds ids, int status, KustoError error) =>
        WriteJsonAsync(context, ids, status, w => error.Write(w, ids.ClientRequestId, ids.Activity.ToString()));

    private static async Task WriteJsonAsync(HttpContext context, KustoRequestIds ids, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers["x-ms-client-request-id"] = ids.ClientRequestId;
        context.Response.Headers["x-ms-activity-id"] = ids.Activity.ToString();
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonOptions))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The client's <c>x-ms-client-request-id</c> (any text, as Kusto clients prefix it) or a new one.</summary>
    private static KustoRequestIds Ids(HttpContext context)
    {
        var given = context.Request.Headers["x-ms-client-request-id"].ToString();
        var activity = Guid.NewGuid();
        return new KustoRequestIds(string.IsNullOrWhiteSpace(given) ? "Vigil;" + activity : given, activity, Guid.NewGuid());
    }
}
