using System.CommandLine;
using System.Text.Json;
using Vigil.Kql.Binding;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Syntax;

namespace Vigil.Cli.Check;

/// <summary>
/// <c>vigil check [--format text|json] [--unknown-as-warnings] PATH...</c>: parses and binds every query in the given
/// files against the built-in tables and reports diagnostics. Exit code 1 when any error is found.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files to check: .kql/.csl (one query), .yaml/.yml Sentinel rules and hunting queries (the " +
                          "'query' field), .jsonl (the 'query' field of each line).",
        };
        var format = new Option<string>("--format")
        {
            Description = "text: compiler-style lines (path:line:col: error KQLnnnn: message); json: one object per query.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var lenient = new Option<bool>("--unknown-as-warnings")
        {
            Description = "Report unknown tables and functions as warnings (for queries written for another workspace).",
        };

        var command = new Command("check", "Check KQL queries for syntax and semantic errors without running them.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(lenient);
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var options = new BindOptions { UnknownNamesAsWarnings = parsed.GetValue(lenient) };
            return Run(parsed.GetValue(paths)!, parsed.GetValue(format) == "json", options, output);
        });
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, bool json, BindOptions options, TextWriter output)
    {
        // Read every file first, so that an unreadable file is reported before any output.
        var sources = new List<QuerySource>();
        foreach (var path in paths)
        {
            sources.AddRange(QuerySourceReader.Read(path));
        }

        var errors = 0;
        var warnings = 0;
        var failedQueries = 0;
        foreach (var source in sources)
        {
            var diagnostics = Check(source.Text, options);
            var queryErrors = diagnostics.Count(static d => d.IsError);
            errors += queryErrors;
            warnings += diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Warning);
            failedQueries += queryErrors > 0 ? 1 : 0;
            if (json)
            {
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    CheckReport.WriteJson(writer, source, diagnostics);
                }

                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                CheckReport.WriteText(output, source, diagnostics);
            }
        }

        if (!json)
        {
            output.WriteLine(
                $"checked {sources.Count} {Plural(sources.Count, "query", "queries")} in {paths.Count} " +
                $"{Plural(paths.Count, "file", "files")}: {errors} {Plural(errors, "error", "errors")}, " +
                $"{warnings} {Plural(warnings, "warning", "warnings")}" +
                (failedQueries > 0 ? $" ({failedQueries} {Plural(failedQueries, "query", "queries")} with errors)" : ""));
        }

        return errors > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// Syntax diagnostics, then binding diagnostics when the syntax is sound (binding a broken tree would mostly
    /// repeat the syntax error in other words).
    /// </summary>
    internal static IReadOnlyList<Diagnostic> Check(string text, BindOptions options)
    {
        var tree = SyntaxTree.Parse(text);
        if (tree.HasErrors)
        {
            return tree.Diagnostics;
        }

        var bound = KqlBinder.Bind(tree, options: options);
        return [.. tree.Diagnostics, .. bound.Diagnostics];
    }

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;
}
