using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Ingestion;

/// <summary>The Azure Monitor error body the Logs Ingestion API and ARM send: <c>{"error":{"code","message"}}</c>.</summary>
internal static class IngestionError
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
