using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.Server;

/// <summary>
/// The outermost middleware: a bug in an endpoint becomes a logged 500 with a Log Analytics error body (when nothing
/// was sent yet), never a dropped connection or a stack trace to the client.
/// </summary>
internal static class UnhandledErrors
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel's refusals while reading a body (too large, malformed chunking) keep their status.
            context.Response.Clear();
            var (code, message) = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ("PayloadTooLarge", "The request body is too large")
                : ("BadRequest", "The request could not be read");
            await HttpErrors.WriteAsync(context, e.StatusCode, code, message, code, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested && e is not OutOfMemoryException)
        {
            if (context.RequestServices.GetService<ILoggerFactory>() is { } loggers)
            {
                ServerLog.UnhandledError(loggers.CreateLogger(typeof(UnhandledErrors)), e, context.Request.Method, context.Request.Path.Value);
            }
            if (context.Response.HasStarted)
            {
                throw;
            }

            context.Response.Clear();
            await HttpErrors.WriteAsync(
                context, StatusCodes.Status500InternalServerError, "InternalServerError", "The request could not be completed",
                "UnexpectedError", "The server failed while handling the request; the error is in the server's log (correlation id above).").ConfigureAwait(false);
        }
    }
}
