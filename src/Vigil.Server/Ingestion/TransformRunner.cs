using System.Text;
using System.Text.Json;
using Vigil.Engine;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Runs a data flow's <c>transformKql</c> with Vigil's engine over the request's rows as the virtual table
/// <c>source</c>. The rows reach the engine as one JSON literal expanded into a table whose columns are the stream's
/// declared columns, each converted to its declared type (<c>todatetime</c>, <c>tolong</c>...) as the service does;
/// properties the stream does not declare are dropped. The transform then reads <c>source</c> like any table.
/// </summary>
internal static class TransformRunner
{
    /// <summary>A transform is bounded like a query; an ingestion call is at most 1 MB, so this is generous.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static QueryResult Run(QueryEngine engine, StreamDeclaration stream, JsonElement rows, string? transformKql, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        return engine.Execute(BuildQuery(stream, rows, transformKql), new QueryOptions { MaxRows = int.MaxValue, Cancellation = timeout.Token });
    }

    /// <summary>Checks that <paramref name="transformKql"/> compiles over the stream (run over no rows).</summary>
    public static void Validate(QueryEngine engine, StreamDeclaration stream, string? transformKql)
    {
        using var empty = JsonDocument.Parse("[]");
        _ = Run(engine, stream, empty.RootElement, transformKql, CancellationToken.None);
    }

    internal static string BuildQuery(StreamDeclaration stream, JsonElement rows, string? transformKql)
    {
        var text = new StringBuilder();
        text.Append("let source = print __vigil_rows = parse_json(@\"");
        AppendVerbatim(text, Compact(rows));
        text.Append("\") | mv-expand __vigil_row = __vigil_rows | project ");
        for (var i = 0; i < stream.Columns.Count; i++)
        {
            var column = stream.Columns[i];
            if (i > 0)
            {
                text.Append(", ");
            }

            var name = Quote(column.Name);
            var value = "__vigil_row[" + StringLiteral(column.Name) + "]";
            text.Append(name).Append(" = ").Append(column.Type switch
            {
                "string" => $"tostring({value})",
                "int" => $"toint({value})",
                "long" => $"tolong({value})",
                "real" => $"toreal({value})",
                "boolean" => $"tobool({value})",
                "datetime" => $"todatetime({value})",
                _ => value,
            });
        }

        text.Append(";\n");
        text.Append(string.IsNullOrWhiteSpace(transformKql) ? "source" : transformKql);
        return text.ToString();
    }

    /// <summary>The service truncates field values beyond 64 KB; so does Vigil (counted in characters).</summary>
    internal const int MaxFieldChars = 64 * 1024;

    /// <summary>The rows as compact JSON (no line breaks, so they fit a one-line verbatim literal), long strings truncated.</summary>
    private static string Compact(JsonElement rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTruncated(writer, rows);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteTruncated(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteTruncated(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteTruncated(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when value.GetString() is { Length: > MaxFieldChars } text:
                writer.WriteStringValue(text.AsSpan(0, MaxFieldChars));
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>A verbatim string literal's body: quotes doubled, nothing else escaped.</summary>
    private static void AppendVerbatim(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            text.Append(c);
            if (c == '"')
            {
                text.Append('"');
            }
        }
    }

    /// <summary>A column name as a bracketed identifier: <c>['name']</c>.</summary>
    private static string Quote(string name) => "[" + StringLiteral(name) + "]";

    /// <summary>A single-quoted string literal.</summary>
    private static string StringLiteral(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
