using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Vigil.Server.LogAnalytics;

namespace Vigil.Server;

/// <summary>
/// Writes an error in Log Analytics' shape (<see cref="ErrorResponse"/>) from anywhere in the pipeline (authentication,
/// authorization, throttling), with the request's correlation id.
/// </summary>
internal static class HttpErrors
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int status, string code, string message, string innerCode, string innerMessage)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, JsonOptions))
        {
            ErrorResponse.Write(writer, CorrelationId(context), code, message, [(innerCode, innerMessage)]);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The client's <c>x-ms-client-request-id</c> when given (so it can match its logs), else a new id; one per request.</summary>
    public static string CorrelationId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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
