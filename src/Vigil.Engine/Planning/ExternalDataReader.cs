using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Vigil.Engine.Planning;

/// <summary>
/// Reads the files of <c>externaldata</c> over HTTP(S): at most <see cref="MaxBytes"/> per file (the reference's
/// 100 MB), <c>.gz</c> files decompressed, records split by format into text cells per declared column (csv, tsv,
/// psv, scsv, sohsv: delimited with RFC 4180 quoting; txt: the line is the first column; raw: the whole file;
/// json: one object per line; multijson: objects or arrays of objects anywhere in the file, by column name).
/// A cell is null when the record has no value for the column.
/// </summary>
internal static class ExternalDataReader
{
    public const long MaxBytes = 100L * 1024 * 1024;

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The format a file's name implies, as the reference detects it; csv when the extension says nothing.</summary>
    public static string FormatOf(string uri)
    {
        var path = uri;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^3];
        }

        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        var extension = dot > slash ? path[(dot + 1)..].ToLowerInvariant() : string.Empty;
        return extension is "tsv" or "psv" or "scsv" or "sohsv" or "txt" or "json" or "multijson" or "raw" ? extension : "csv";
    }

    public static byte[] Fetch(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            throw QueryException.NotSupported($"externaldata from '{Shorten(uri)}' (only http:// and https:// URLs are read)");
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, parsed);
            using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                throw new QueryException(
                    QueryErrorKind.Runtime, $"externaldata could not read '{Shorten(uri)}': HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw TooLarge(uri);
            }

            using var body = response.Content.ReadAsStream();
            var stream = parsed.AbsolutePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(body, CompressionMode.Decompress) : body;
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw TooLarge(uri);
                }

                buffer.Write(chunk, 0, read);
            }

            stream.Dispose();
            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidDataException)
        {
            throw new QueryException(QueryErrorKind.Runtime, $"externaldata could not read '{Shorten(uri)}': {e.Message}");
        }
    }

    /// <summary>The file's records as cells of the declared columns (by position, or by name for JSON).</summary>
    public static void ReadRecords(byte[] data, string format, IReadOnlyList<string> columns, bool ignoreFirstRecord, List<string?[]> into)
    {
        var skip = ignoreFirstRecord;
        void Add(string?[] record)
        {
            if (skip)
            {
                skip = false;
                return;
            }

            into.Add(record);
        }

        switch (format)
        {
            case "json" or "multijson":
                ReadJson(data, columns, Add);
                break;
            case "raw":
                Add(FirstColumn(Encoding.UTF8.GetString(data), columns.Count));
                break;
            case "txt":
                foreach (var line in Lines(Encoding.UTF8.GetString(data)))
                {
                    Add(FirstColumn(line, columns.Count));
                }

                break;
            default:
                var separator = format switch
                {
                    "csv" => ',',
                    "tsv" or "tsve" => '\t',
                    "psv" => '|',
                    "scsv" => ';',
                    "sohsv" => '\u0001',
                    _ => throw QueryException.NotSupported($"externaldata format '{format}'"),
                };
                ReadDelimited(Encoding.UTF8.GetString(data), separator, columns.Count, Add);
                break;
        }
    }

    private static string?[] FirstColumn(string text, int width)
    {
        var record = new string?[width];
        if (width > 0)
        {
            record[0] = text;
        }

        return record;
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text[start..end].TrimEnd('\r');
            start = end + 1;
            yield return line;
        }
    }

    /// <summary>Delimited records with RFC 4180 quoting (a quoted field may hold separators, quotes and newlines).</summary>
    private static void ReadDelimited(string text, char separator, int width, Action<string?[]> add)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            fields.Clear();
            var endOfRecord = false;
            while (!endOfRecord)
            {
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        field.Append(text[i++]);
                    }
                }

                while (i < text.Length && text[i] != separator && text[i] != '\n' && text[i] != '\r')
                {
                    field.Append(text[i++]);
                }

                fields.Add(field.ToString());
                if (i < text.Length && text[i] == separator)
                {
                    i++;
                    continue;
                }

                if (i < text.Length && text[i] == '\r')
                {
                    i++;
                }

                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                endOfRecord = true;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line is no record
            }

            var record = new string?[width];
            for (var c = 0; c < width && c < fields.Count; c++)
            {
                record[c] = fields[c];
            }

            add(record);
        }
    }

    private static void ReadJson(byte[] data, IReadOnlyList<string> columns, Action<string?[]> add)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var element in document.RootElement.EnumerateArray())
                    {
                        add(JsonRecord(element, columns));
                    }
                }
                else
                {
                    add(JsonRecord(document.RootElement, columns));
                }
            }
        }
        catch (JsonException e)
        {
            throw new QueryException(QueryErrorKind.Runtime, $"externaldata could not read the JSON data: {e.Message}");
        }
    }

    private static string?[] JsonRecord(JsonElement element, IReadOnlyList<string> columns)
    {
        var record = new string?[columns.Count];
        if (element.ValueKind != JsonValueKind.Object)
        {
            return record;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (element.TryGetProperty(columns[c], out var value) && value.ValueKind != JsonValueKind.Null)
            {
                record[c] = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
        }

        return record;
    }

    private static QueryException TooLarge(string uri) =>
        new(QueryErrorKind.Runtime, $"externaldata could not read '{Shorten(uri)}': it is larger than {MaxBytes / (1024 * 1024)} MB.");

    /// <summary>The URL without its query (which may hold a SAS token), for messages.</summary>
    private static string Shorten(string uri)
    {
        var cut = uri.IndexOf('?', StringComparison.Ordinal);
        return cut >= 0 ? uri[..cut] + "?..." : uri;
    }
}
