using System.IO.Compression;
using Microsoft.AspNetCore.Http;

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

        if (!gzip && context.Request.ContentLength > limit)
        {
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

    private static string TooLargeMessage(long limit) =>
        $"The request body is larger than the limit of {limit} bytes{(limit >= 1 << 20 ? $" ({limit / (1 << 20)} MB)" : "")} per call, measured after decompression; split the data into smaller calls.";
}
