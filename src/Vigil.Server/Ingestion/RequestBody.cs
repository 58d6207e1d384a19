using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Reads a request body up to a size limit, measured after decompression when the client sent
/// <c>Content-Encoding: gzip</c> (where the API allows it): a body over the limit is refused without being
/// buffered whole, so a large or "zip bomb" body cannot exhaust memory.
/// </summary>
internal static class RequestBody
{
    public enum Outcome
    {
        Read,
        TooLarge,
        BadEncoding,
    }

    public static async Task<(Outcome Outcome, byte[] Bytes, string Error)> ReadAsync(HttpContext context, long limit, bool allowGzip)
    {
        var encoding = context.Request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (encoding.Length > 0 && !(gzip && allowGzip) && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (Outcome.BadEncoding, [], $"Content-Encoding '{encoding}' is not supported{(allowGzip ? "; send gzip or no encoding" : "")}.");
        }

        // Kestrel's own cap (about 28.6 MB) would cut a legitimate body short of this API's limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = Math.Max(size.MaxRequestBodySize ?? 0, gzip ? limit : DrainLimit(limit));
        }

        if (!gzip && context.Request.ContentLength > limit)
        {
            await DrainAsync(context.Request.Body, DrainLimit(limit), context.RequestAborted).ConfigureAwait(false);
            return (Outcome.TooLarge, [], TooLargeMessage(limit));
        }

        try
        {
            var source = gzip ? new GZipStream(context.Request.Body, CompressionMode.Decompress, leaveOpen: true) : context.Request.Body;
            await using (source.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        if (!gzip)
                        {
                            await DrainAsync(context.Request.Body, DrainLimit(limit) - buffer.Length - read, context.RequestAborted).ConfigureAwait(false);
                        }

                        return (Outcome.TooLarge, [], TooLargeMessage(limit));
                    }

                    buffer.Write(chunk, 0, read);
                }

                return (Outcome.Read, buffer.ToArray(), string.Empty);
            }
        }
        catch (InvalidDataException e)
        {
            return (Outcome.BadEncoding, [], "The gzip body could not be decompressed: " + e.Message);
        }
    }

    /// <summary>How much of an oversized body is read and dropped so the client sees the 413 instead of a reset connection.</summary>
    private static long DrainLimit(long limit) => (2 * limit) + (1 << 20);

    private static async Task DrainAsync(Stream body, long budget, CancellationToken cancellation)
    {
        var chunk = new byte[81920];
        try
        {
            int read;
            while (budget > 0 && (read = await body.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                budget -= read;
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            // The client gave up or went past Kestrel's cap: the 413 is still written if the connection allows.
        }
    }

    private static string TooLargeMessage(long limit) =>
        $"The request body is larger than the limit of {limit} bytes{(limit >= 1 << 20 ? $" ({limit / (1 << 20)} MB)" : "")} per call, measured after decompression; split the data into smaller calls.";
}
