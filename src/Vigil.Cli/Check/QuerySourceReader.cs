using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Cli.Check;

/// <summary>
/// Reads the queries in the files <c>vigil check</c> accepts: <c>.kql</c>/<c>.csl</c> (one query a file), Sentinel
/// analytic rule and hunting query YAML (<c>.yaml</c>/<c>.yml</c>, the <c>query</c> field), and JSON lines
/// (<c>.jsonl</c>, the <c>query</c> field of each line, with <c>name</c> where present).
/// </summary>
internal static class QuerySourceReader
{
    public static IEnumerable<QuerySource> Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CommandException($"'{path}' is a directory; name the query files to check");
        }

        if (!File.Exists(path))
        {
            throw new CommandException($"'{path}' does not exist");
        }

        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".kql" or ".csl" or ".kusto" => [new QuerySource(path, 0, null, File.ReadAllText(path), 1, 0)],
            ".yaml" or ".yml" => ReadYaml(path),
            ".jsonl" or ".ndjson" => ReadJsonLines(path),
            _ => throw new CommandException(
                $"'{path}': unknown file type '{extension}'; expected .kql, .csl, .yaml, .yml or .jsonl"),
        };
    }

    private static List<QuerySource> ReadYaml(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new CommandException($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var result = new List<QuerySource>();
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            if (stream.Documents[i].RootNode is not YamlMappingNode map)
            {
                continue;
            }

            var query = Scalar(map, "query");
            if (query is null)
            {
                throw new CommandException($"{path}: document {i + 1} has no 'query' field");
            }

            var (fileLine, indent) = Position(query, lines);
            result.Add(new QuerySource(path, i, Scalar(map, "name")?.Value, query.Value ?? "", fileLine, indent));
        }

        return result;
    }

    // A block scalar (| or >) starts on the line after its indicator, indented; a plain or quoted scalar starts at
    // its own mark. Folded and quoted scalars change the text, so only literal blocks and plain one-liners map.
    private static (int? Line, int Indent) Position(YamlScalarNode node, string[] lines)
    {
        if (node.Style == ScalarStyle.Literal)
        {
            var first = (int)node.Start.Line; // 1-based line of the '|' indicator; the text starts on the next line
            for (var l = first; l < lines.Length; l++)
            {
                if (lines[l].Trim().Length > 0)
                {
                    return (l + 1, lines[l].Length - lines[l].TrimStart().Length);
                }
            }
        }

        if (node.Style == ScalarStyle.Plain)
        {
            return ((int)node.Start.Line, (int)node.Start.Column - 1);
        }

        return (null, 0);
    }

    private static YamlScalarNode? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlScalarNode : null;

    private static IEnumerable<QuerySource> ReadJsonLines(string path)
    {
        var lineNumber = 0;
        var index = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(line);
                root = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new CommandException($"{path}:{lineNumber}: not valid JSON: {e.Message}");
            }

            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                throw new CommandException($"{path}:{lineNumber}: the line has no string 'query' field");
            }

            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            yield return new QuerySource(path, index++, name, query.GetString()!, null, 0, lineNumber);
        }
    }
}
