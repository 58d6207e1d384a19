using System.CommandLine;
using System.Diagnostics;
using Vigil.Engine;
using Vigil.Storage;

namespace Vigil.Cli.WorkspaceCommands;

/// <summary>
/// <c>vigil ingest --data DIR --table NAME [--format F] FILE...</c>: streams JSON lines, JSON or CSV files into a table
/// of the workspace (a built-in table, or a custom <c>*_CL</c> table that already exists) and prints what was
/// accepted and rejected. Exit code 1 when any row was rejected; every accepted row is durable either way.
/// </summary>
internal static class IngestCommand
{
    private const int ShownFailures = 20;

    public static Command Create()
    {
        var data = WorkspaceArguments.DataOption(required: true);
        var table = new Option<string>("--table") { Description = "The table to ingest into.", Required = true };
        var format = new Option<string?>("--format")
        {
            Description = "jsonl, json, csv (columns by position) or csvheader; default: from each file's extension.",
        };
        format.AcceptOnlyFromAmong("jsonl", "json", "csv", "csvheader");
        var files = new Argument<string[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Files to ingest." };

        var command = new Command("ingest", "Ingest JSON lines, JSON or CSV files into a workspace table.");
        command.Options.Add(data);
        command.Options.Add(table);
        command.Options.Add(format);
        command.Arguments.Add(files);
        command.SetAction(parsed => Run(
            parsed.GetValue(data)!, parsed.GetValue(table)!, parsed.GetValue(format), parsed.GetValue(files)!,
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string dataDirectory, string table, string? format, IReadOnlyList<string> files, TextWriter output, TextWriter error)
    {
        // Check every file before ingesting any, so a typo does not leave half the input ingested.
        var inputs = new List<(string Path, IngestFormat Format)>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new CommandException($"'{file}' does not exist");
            }

            inputs.Add((file, format is null ? FormatOf(file) : Parse(format)));
        }

        using var workspace = WorkspaceArguments.Open(dataDirectory);
        if (workspace.GetTable(table) is null && !SchemaMapping.BuiltInStorageTables().Any(t => t.Name == table))
        {
            throw new CommandException(table.EndsWith("_CL", StringComparison.Ordinal)
                ? $"table '{table}' does not exist in '{dataDirectory}'; custom tables are created with their columns first"
                : $"'{table}' is neither a built-in table nor a custom table (custom table names end in _CL)");
        }

        long accepted = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (path, inputFormat) in inputs)
        {
            using var stream = new ProgressStream(File.OpenRead(path), path, error);
            var result = workspace.Ingest(table, stream, inputFormat);
            stream.Finish();
            accepted += result.AcceptedRows;
            failed += result.FailedRows;
            for (var i = 0; i < Math.Min(ShownFailures, result.Failures.Count); i++)
            {
                var f = result.Failures[i];
                error.WriteLine($"{path}: row {f.RowNumber}: {f.Reason}");
            }

            if (result.FailedRows > ShownFailures)
            {
                error.WriteLine($"{path}: ... and {result.FailedRows - ShownFailures} more rejected rows");
            }
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
        output.WriteLine(
            $"{table}: {accepted:N0} rows accepted, {failed:N0} rejected, from {inputs.Count} file(s) in {seconds:0.0} s " +
            $"({accepted / seconds:N0} rows/s)");
        return failed > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static IngestFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => IngestFormat.JsonLines,
        ".json" => IngestFormat.Json,
        ".csv" => IngestFormat.CsvWithHeader,
        var other => throw new CommandException(
            $"'{path}': cannot tell the format from '{other}'; use --format jsonl|json|csv|csvheader"),
    };

    private static IngestFormat Parse(string format) => format switch
    {
        "jsonl" => IngestFormat.JsonLines,
        "json" => IngestFormat.Json,
        "csv" => IngestFormat.Csv,
        _ => IngestFormat.CsvWithHeader,
    };
}
