using System.Text;
using System.Text.Json;
using Vigil.Engine;

namespace Vigil.Cli.Query;

/// <summary>
/// <c>vigil query --batch IN.jsonl</c>: one JSON line out per line in, in the shape the conformance
/// <c>compare.py</c> reads: <c>{page, line, ok, error, columns, rows}</c> with cells as strings.
/// </summary>
internal static class BatchRunner
{
    public static int Run(QueryEngine engine, IEnumerable<string> lines, TextWriter output)
    {
        var failures = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var input = JsonDocument.Parse(line);
            var root = input.RootElement;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var name in (string[])["page", "line"])
                {
                    if (root.TryGetProperty(name, out var value))
                    {
                        writer.WritePropertyName(name);
                        value.WriteTo(writer);
                    }
                }

                try
                {
                    var query = root.GetProperty("query").GetString() ?? string.Empty;
                    var result = engine.Execute(query);
                    writer.WriteBoolean("ok", true);
                    writer.WriteNull("error");
                    writer.WriteStartArray("columns");
                    foreach (var column in result.Columns)
                    {
                        writer.WriteStringValue(column.Name);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("rows");
                    for (var r = 0; r < result.RowCount; r++)
                    {
                        writer.WriteStartArray();
                        foreach (var column in result.Columns)
                        {
                            writer.WriteStringValue(ResultWriters.Text(column, r));
                        }

                        writer.WriteEndArray();
                    }

                    writer.WriteEndArray();
                }
                catch (QueryException e)
                {
                    failures++;
                    writer.WriteBoolean("ok", false);
                    writer.WriteString("error", e.Message);
                    writer.WriteStartArray("columns");
                    writer.WriteEndArray();
                    writer.WriteStartArray("rows");
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return failures > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }
}
