using System.Text.Json;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Text;

namespace Vigil.Cli.Check;

/// <summary>
/// Writes what <c>vigil check</c> found: compiler-style lines (<c>path:line:col: error KQLnnnn: message</c>) or one JSON
/// object per query (<c>{"path","index","name","diagnostics":[{"severity","code","message","line","column","length"}]}</c>).
/// Lines and columns in JSON are positions inside the query; in text they are file positions where the file's layout
/// allows (KQL files, YAML literal blocks) and the record's line for JSON lines files.
/// </summary>
internal static class CheckReport
{
    public static void WriteText(TextWriter output, QuerySource source, IReadOnlyList<Diagnostic> diagnostics)
    {
        var map = new LineMap(source.Text);
        foreach (var d in diagnostics)
        {
            var p = map.GetPosition(d.Start);
            var severity = SeverityText(d.Severity);
            if (source.RecordLine is { } record)
            {
                var name = source.Name is null ? "" : $" '{source.Name}'";
                output.WriteLine($"{source.Path}:{record}:1: {severity} {d.Code}: {d.Message} (query{name}, line {p.Line}, column {p.Column})");
            }
            else if (source.FileLine is { } first)
            {
                output.WriteLine($"{source.Path}:{first + p.Line - 1}:{p.Column + source.Indent}: {severity} {d.Code}: {d.Message}");
            }
            else
            {
                output.WriteLine($"{source.Path}:{p.Line}:{p.Column}: {severity} {d.Code}: {d.Message} (line and column inside the query)");
            }
        }
    }

    public static void WriteJson(Utf8JsonWriter json, QuerySource source, IReadOnlyList<Diagnostic> diagnostics)
    {
        var map = new LineMap(source.Text);
        json.WriteStartObject();
        json.WriteString("path", source.Path);
        json.WriteNumber("index", source.Index);
        if (source.Name is null)
        {
            json.WriteNull("name");
        }
        else
        {
            json.WriteString("name", source.Name);
        }

        json.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            var p = map.GetPosition(d.Start);
            json.WriteStartObject();
            json.WriteString("severity", SeverityText(d.Severity));
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            json.WriteNumber("line", p.Line);
            json.WriteNumber("column", p.Column);
            json.WriteNumber("length", d.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
