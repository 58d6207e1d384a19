using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Vigil.Storage;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The HTTP Data Collector API, <c>POST /api/logs?api-version=2016-04-01</c>: a JSON array of flat records signed with a
/// workspace shared key (<see cref="SharedKeySignature"/>), stored in <c>{Log-Type}_CL</c> (created on first use) with
/// the API's typed column suffixes (<see cref="TypedFields"/>). <c>time-generated-field</c> names the field that becomes
/// <c>TimeGenerated</c>. Limits as documented: 30 MB per post (413), field values truncated at 32 KB, at most 500
/// columns per table (400). Every check runs before anything is stored; 200 only after the rows are durable.
/// </summary>
internal static class DataCollectorEndpoints
{
    public const int MaxPostBytes = 30 * 1024 * 1024;

    public const int MaxFieldChars = 32 * 1024;

    public const int MaxColumns = 500;

    private const int MaxLogTypeLength = 100;

    private const int MaxColumnNameLength = 45;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Property names the service reserves; records' own values for them are ignored.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "tenant", "TimeGenerated", "RawData" };

    public static void Map(WebApplication app) =>
        app.MapPost("/api/logs", PostAsync).AllowAnonymous(); // Signed with the workspace's shared key instead of a token.

    private static async Task PostAsync(HttpContext context)
    {
        var request = context.Request;
        var apiVersion = request.Query["api-version"].ToString();
        if (apiVersion.Length == 0)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "MissingApiVersion", "The api-version query parameter is required (2016-04-01).");
            return;
        }

        if (apiVersion != "2016-04-01")
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidApiVersion", $"api-version '{apiVersion}' is not supported; use 2016-04-01.");
            return;
        }

        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "MissingContentType", "The Content-Type header is required (application/json).");
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "UnsupportedContentType", $"Content-Type '{contentType}' is not supported; send application/json.");
            return;
        }

        var logType = request.Headers["Log-Type"].ToString();
        if (logType.Length == 0)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "MissingLogType", "The Log-Type header is required: it names the table (<Log-Type>_CL).");
            return;
        }

        if (logType.Length > MaxLogTypeLength || !logType.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidLogType",
                $"Log-Type '{logType}' may hold only letters, digits and '_', at most {MaxLogTypeLength} characters.");
            return;
        }

        var options = context.RequestServices.GetRequiredService<VigilServerOptions>();
        if (!SharedKeySignature.TryParseHeader(request.Headers.Authorization.ToString(), out var workspaceId, out var signature))
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidAuthorization",
                "An 'Authorization: SharedKey <WorkspaceID>:<Signature>' header is required.");
            return;
        }

        if (options.WorkspaceId is { } expected && !(Guid.TryParse(workspaceId, out var named) && named == expected))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidCustomerId", $"The workspace ID '{workspaceId}' is not this workspace.");
            return;
        }

        var date = request.Headers["x-ms-date"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var signedAt)
            || (DateTimeOffset.UtcNow - signedAt).Duration() > SharedKeySignature.MaxClockSkew)
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidAuthorization",
                $"The x-ms-date header must be an RFC 1123 date (like 'Mon, 04 Apr 2016 08:00:00 GMT') within {SharedKeySignature.MaxClockSkew.TotalMinutes} minutes of the server's clock.");
            return;
        }

        var (outcome, body, readError) = await RequestBody.ReadAsync(context, MaxPostBytes, allowGzip: false);
        if (outcome != RequestBody.Outcome.Read)
        {
            await ErrorAsync(context, outcome == RequestBody.Outcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                outcome == RequestBody.Outcome.TooLarge ? "RequestTooLarge" : "InvalidDataFormat", readError);
            return;
        }

        if (options.SharedKeys.Count == 0
            || !SharedKeySignature.Verify(SharedKeySignature.StringToSign(body.Length, contentType, date), signature, options.SharedKeys))
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidAuthorization",
                "The signature does not match: sign 'POST\\n<Content-Length>\\n<Content-Type>\\nx-ms-date:<x-ms-date>\\n/api/logs' with HMAC-SHA256 under the workspace's shared key.");
            return;
        }

        var workspace = context.RequestServices.GetRequiredService<ServedWorkspace>().Workspace;
        if (workspace is null)
        {
            await ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                "This server runs without a data directory (--data), so it cannot store ingested data.");
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidDataFormat", "The body is not valid JSON: " + e.Message);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement[] records = root.ValueKind switch
            {
                JsonValueKind.Array => [.. root.EnumerateArray()],
                JsonValueKind.Object => [root],
                _ => [],
            };
            if (records.Length == 0 && root.ValueKind != JsonValueKind.Array || records.Any(r => r.ValueKind != JsonValueKind.Object))
            {
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidDataFormat", "The body must be a JSON array of objects (records).");
                return;
            }

            var table = logType + "_CL";
            var timeField = request.Headers["time-generated-field"].ToString();
            if (!TryShape(records, timeField, DateTime.UtcNow, out var columns, out var lines, out var shapeError))
            {
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidDataFormat", shapeError);
                return;
            }

            using (lines)
            {
                var existing = workspace.GetTable(table);
                var total = (existing?.Columns.Count ?? 1) + columns.Count(c => existing is null || existing.IndexOf(c.Name) < 0);
                if (total > MaxColumns)
                {
                    await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidDataFormat",
                        $"Table '{table}' would have {total} columns; a table has at most {MaxColumns}.");
                    return;
                }

                if (records.Length > 0)
                {
                    TableIngestion.EnsureCustomTable(workspace, table, columns);
                    var result = TableIngestion.IngestLines(workspace, table, lines);
                    if (result.FailedRows > 0)
                    {
                        await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidDataFormat",
                            $"{result.FailedRows} records could not be stored ({result.AcceptedRows} were): "
                            + string.Join("; ", result.Failures.Take(5).Select(f => $"record {f.RowNumber}: {f.Reason}")));
                        return;
                    }
                }
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// The records as JSON lines with suffixed columns, and the columns in order of first appearance (after
    /// <c>TimeGenerated</c>). <c>TimeGenerated</c> is the <paramref name="timeField"/> value when it is an ISO 8601
    /// time no older than 2 days, else the ingestion time.
    /// </summary>
    internal static bool TryShape(
        IReadOnlyList<JsonElement> records, string timeField, DateTime now, out List<ColumnDefinition> columns, out MemoryStream lines, out string error)
    {
        columns = [new ColumnDefinition(TableSchema.TimeGeneratedColumn, ColumnType.DateTime)];
        var known = new Dictionary<string, ColumnType>(StringComparer.Ordinal) { [TableSchema.TimeGeneratedColumn] = ColumnType.DateTime };
        lines = new MemoryStream();
        error = string.Empty;
        var oldest = now.AddDays(-2);
        foreach (var record in records)
        {
            var timeGenerated = now;
            using (var writer = new Utf8JsonWriter(lines, JsonOptions))
            {
                writer.WriteStartObject();
                foreach (var property in record.EnumerateObject())
                {
                    if (Reserved.Contains(property.Name))
                    {
                        continue;
                    }

                    if (property.Name.Length == 0 || property.Name.Length > MaxColumnNameLength)
                    {
                        error = $"Field name '{property.Name}' must have 1 to {MaxColumnNameLength} characters.";
                        lines.Dispose();
                        return false;
                    }

                    if (TypedFields.Classify(property.Name, property.Value) is not { } typed)
                    {
                        continue;
                    }

                    if (!known.ContainsKey(typed.Column))
                    {
                        known[typed.Column] = typed.Type;
                        columns.Add(new ColumnDefinition(typed.Column, typed.Type));
                    }

                    writer.WritePropertyName(typed.Column);
                    WriteValue(writer, property.Value);
                    if (property.NameEquals(timeField) && property.Value.ValueKind == JsonValueKind.String
                        && TypedFields.TryDateTime(property.Value.GetString()!, out var stated) && stated >= oldest)
                    {
                        timeGenerated = stated;
                    }
                }

                writer.WriteString(TableSchema.TimeGeneratedColumn, timeGenerated.ToString("o", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            lines.WriteByte((byte)'\n');
        }

        return true;
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                writer.WriteStringValue(text.Length > MaxFieldChars ? text.AsSpan(0, MaxFieldChars) : text);
                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                var json = value.GetRawText();
                writer.WriteStringValue(json.Length > MaxFieldChars ? json.AsSpan(0, MaxFieldChars) : json);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>The API's error body: <c>{"Error":"code","Message":"..."}</c>.</summary>
    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("Error", code);
            writer.WriteString("Message", message);
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
