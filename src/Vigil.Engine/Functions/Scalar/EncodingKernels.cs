using System.IO.Compression;
using System.Text;
using System.Web;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>Per-row rules of base64, URL, compression and punycode encodings. Text is UTF-8; bad input gives null or empty, never an error.</summary>
internal static class EncodingKernels
{
    /// <summary>Decompressed output larger than this is refused (a small base64 bomb must not exhaust memory).</summary>
    private const int MaxDecompressedBytes = 64 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static ScalarValue Base64EncodeToString(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromString(Convert.ToBase64String(Encoding.UTF8.GetBytes(a[0].String)));

    /// <summary><c>base64_decode_tostring</c>: null (empty) when the text is not base64 or the bytes are not UTF-8.</summary>
    public static ScalarValue Base64DecodeToString(ReadOnlySpan<ScalarValue> a)
    {
        if (!TryDecodeBase64(a[0].String, out var bytes))
        {
            return ScalarValue.FromString(string.Empty);
        }

        try
        {
            return ScalarValue.FromString(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return ScalarValue.FromString(string.Empty);
        }
    }

    public static ScalarValue Base64DecodeToArray(ReadOnlySpan<ScalarValue> a)
    {
        if (!TryDecodeBase64(a[0].String, out var bytes))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var items = new DynamicValue?[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            items[i] = DynamicValue.FromLong(bytes[i]);
        }

        return ScalarValue.FromDynamic(DynamicValue.FromArray(items));
    }

    /// <summary><c>base64_encode_fromarray(bytes)</c>: an array of byte values; anything else gives empty.</summary>
    public static ScalarValue Base64EncodeFromArray(ReadOnlySpan<ScalarValue> a)
    {
        var array = a[0].Dynamic;
        if (array.Kind != DynamicKind.Array)
        {
            return ScalarValue.FromString(string.Empty);
        }

        var items = array.ArrayItems;
        var bytes = new byte[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!DynamicConversions.TryToLong(items[i], out var value) || value is < 0 or > 255)
            {
                return ScalarValue.FromString(string.Empty);
            }

            bytes[i] = (byte)value;
        }

        return ScalarValue.FromString(Convert.ToBase64String(bytes));
    }

    public static ScalarValue Base64EncodeFromGuid(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromString(Convert.ToBase64String(a[0].Guid.ToByteArray()));

    public static ScalarValue Base64DecodeToGuid(ReadOnlySpan<ScalarValue> a) =>
        TryDecodeBase64(a[0].String, out var bytes) && bytes.Length == 16 ? ScalarValue.FromGuid(new Guid(bytes)) : ScalarValue.Null(ScalarType.Guid);

    private static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    /// <summary><c>url_encode</c>: form encoding (space as <c>+</c>, lower-case hex escapes).</summary>
    public static ScalarValue UrlEncode(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromString(HttpUtility.UrlEncode(a[0].String) ?? string.Empty);

    /// <summary><c>url_encode_component</c>: as <c>url_encode</c> but a space is <c>%20</c>.</summary>
    public static ScalarValue UrlEncodeComponent(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromString((HttpUtility.UrlEncode(a[0].String) ?? string.Empty).Replace("+", "%20", StringComparison.Ordinal));

    public static ScalarValue UrlDecode(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromString(HttpUtility.UrlDecode(a[0].String) ?? string.Empty);

    public static ScalarValue ZlibCompress(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromString(Compress(a[0].String, gzip: false));

    public static ScalarValue GzipCompress(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromString(Compress(a[0].String, gzip: true));

    public static ScalarValue ZlibDecompress(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromString(Decompress(a[0].String, gzip: false));

    public static ScalarValue GzipDecompress(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromString(Decompress(a[0].String, gzip: true));

    /// <summary>
    /// Kusto's compressors store the data in uncompressed deflate blocks (the reference's outputs are stored blocks,
    /// with gzip's header marking no extra flags and an unknown OS), so the same input gives the same text here.
    /// </summary>
    private static string Compress(string text, bool gzip)
    {
        using var output = new MemoryStream();
        using (Stream compressor = gzip ? new GZipStream(output, CompressionLevel.NoCompression, true) : new ZLibStream(output, CompressionLevel.NoCompression, true))
        {
            compressor.Write(Encoding.UTF8.GetBytes(text));
        }

        var bytes = output.GetBuffer();
        if (gzip && output.Length >= 10)
        {
            bytes[8] = 0x00;
            bytes[9] = 0xFF;
        }

        return Convert.ToBase64String(bytes, 0, (int)output.Length);
    }

    /// <summary>The UTF-8 text of compressed base64; empty when the input is not base64, not compressed, too large or not UTF-8.</summary>
    private static string Decompress(string base64, bool gzip)
    {
        if (!TryDecodeBase64(base64, out var bytes))
        {
            return string.Empty;
        }

        try
        {
            using var input = new MemoryStream(bytes);
            using Stream decompressor = gzip ? new GZipStream(input, CompressionMode.Decompress) : new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = decompressor.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxDecompressedBytes)
                {
                    return string.Empty;
                }

                output.Write(buffer, 0, read);
            }

            return StrictUtf8.GetString(output.GetBuffer(), 0, (int)output.Length);
        }
        catch (InvalidDataException)
        {
            return string.Empty;
        }
        catch (DecoderFallbackException)
        {
            return string.Empty;
        }
    }

    public static ScalarValue PunycodeFromString(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromString(Punycode.TryEncode(a[0].String, out var encoded) ? encoded : string.Empty);

    public static ScalarValue PunycodeToString(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromString(Punycode.TryDecode(a[0].String, out var decoded) ? decoded : string.Empty);

    /// <summary><c>punycode_domain_from_string</c>: each <c>xn--</c> label of an encoded domain decoded.</summary>
    public static ScalarValue PunycodeDomainFromString(ReadOnlySpan<ScalarValue> a)
    {
        var labels = a[0].String.Split(Punycode.LabelSeparators);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i].StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                if (!Punycode.TryDecode(labels[i][4..], out var decoded))
                {
                    return ScalarValue.FromString(string.Empty);
                }

                labels[i] = decoded;
            }
        }

        return ScalarValue.FromString(string.Join('.', labels));
    }

    /// <summary><c>punycode_domain_to_string</c>: each label with non-ASCII characters encoded as <c>xn--</c>.</summary>
    public static ScalarValue PunycodeDomainToString(ReadOnlySpan<ScalarValue> a)
    {
        var labels = a[0].String.Split(Punycode.LabelSeparators);
        for (var i = 0; i < labels.Length; i++)
        {
            if (!Ascii.IsValid(labels[i]))
            {
                if (!Punycode.TryEncode(labels[i], out var encoded))
                {
                    return ScalarValue.FromString(string.Empty);
                }

                labels[i] = "xn--" + encoded;
            }
        }

        return ScalarValue.FromString(string.Join('.', labels));
    }
}
