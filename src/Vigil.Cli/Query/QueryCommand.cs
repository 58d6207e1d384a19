using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Vigil.Engine;
using Vigil.Storage;

namespace Vigil.Cli.Query;

/// <summary>
/// <c>vigil query [--data DIR] [--format table|json|csv] ("KQL" | --file F | --batch IN.jsonl)</c>: runs KQL over a
/// workspace directory (or an empty workspace without --data) and prints the result. Query errors are one line on
/// stderr: exit 1 for an invalid or unsupported query, 70 for a failure while running.
/// </summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("query")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The KQL query text (or use --file / --batch).",
        };
        var data = new Option<string?>("--data")
        {
            Description = "The workspace directory; without it the workspace is empty (print, datatable and range still run).",
        };
        var format = new Option<string>("--format")
        {
            Description = "table: aligned text with row count and time; json: the Log Analytics query API body; csv.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var file = new Option<string?>("--file") { Description = "Read the query from this file." };
        var batch = new Option<string?>("--batch")
        {
            Description = "Run every line of a JSON lines file (its 'query' field) and print one JSON line per query: " +
                          "the line's page/line fields, ok, error, columns and rows (cells as strings).",
        };

        var command = new Command("query", "Run a KQL query over a workspace and print the result.");
        command.Arguments.Add(text);
        command.Options.Add(data);
        command.Options.Add(format);
        command.Options.Add(file);
        command.Options.Add(batch);
        command.SetAction(parsed => Run(
            parsed.GetValue(text), parsed.GetValue(file), parsed.GetValue(batch), parsed.GetValue(data),
            parsed.GetValue(format)!, parsed.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(string? text, string? file, string? batch, string? data, string format, TextWriter output)
    {
        var sources = (text is null ? 0 : 1) + (file is null ? 0 : 1) + (batch is null ? 0 : 1);
        if (sources != 1)
        {
            throw new CommandException("give exactly one of: a query, --file FILE, --batch FILE.jsonl");
        }

        if (data is not null && !Directory.Exists(data))
        {
            throw new CommandException($"the data directory '{data}' does not exist");
        }

        using var workspace = data is null ? null : SchemaMapping.OpenWorkspace(data, new WorkspaceOptions { BackgroundMaintenance = false });
        var engine = new QueryEngine(workspace);
        if (batch is not null)
        {
            return BatchRunner.Run(engine, File.ReadLines(batch), output);
        }

        var query = text ?? File.ReadAllText(file!);
        var started = Stopwatch.GetTimestamp();
        QueryResult result;
        try
        {
            result = engine.Execute(query);
        }
        catch (QueryException e)
        {
            throw new CommandException(
                "query failed: " + e.Message,
                e.Kind == QueryErrorKind.Runtime ? ExitCodes.InternalError : ExitCodes.Findings);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        switch (format)
        {
            case "json":
            {
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream))
                {
                    ResultWriters.WriteLogAnalyticsJson(writer, result);
                }

                output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                break;
            }

            case "csv":
                ResultWriters.WriteCsv(output, result);
                break;
            default:
                ResultWriters.WriteTable(output, result, elapsed);
                break;
        }

        return ExitCodes.Success;
    }
}
