using System.CommandLine;
using Vigil.Cli.Check;

namespace Vigil.Cli;

/// <summary>
/// Builds the <c>vigil</c> command tree and runs it. Every subcommand lives in its own <c>*Command</c> class
/// that adds itself here. User errors become one line on stderr and a non-zero exit code, never a stack trace.
/// </summary>
internal static class VigilCommandLine
{
    internal static RootCommand Build()
    {
        var root = new RootCommand(
            "Vigil: a self-hosted security operations platform, compatible with Microsoft Sentinel and Microsoft 365 Defender.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(Query.QueryCommand.Create());
        root.Subcommands.Add(Serve.ServeCommand.Create());
        root.Subcommands.Add(WorkspaceCommands.GenerateCommand.Create());
        root.Subcommands.Add(Serve.TokenCommand.Create());
        root.Subcommands.Add(WorkspaceCommands.IngestCommand.Create());
        root.Subcommands.Add(WorkspaceCommands.TablesCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var name = command == root ? "vigil" : "vigil " + command.Name;
            // An unknown token explains more than the "required command was not provided" it also causes.
            var message = parsed.UnmatchedTokens.Count > 0
                ? $"unrecognized command or argument '{parsed.UnmatchedTokens[0]}'"
                : parsed.Errors[0].Message.TrimEnd('.');
            stderr.WriteLine($"vigil: {message} (see '{name} --help')");
            return ExitCodes.UsageError;
        }

        var config = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parsed.Invoke(config);
        }
        catch (CommandException e)
        {
            stderr.WriteLine($"vigil: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"vigil: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("VIGIL_DEBUG") is null)
        {
            stderr.WriteLine($"vigil: internal error: {e.GetType().Name}: {e.Message} (set VIGIL_DEBUG=1 for details)");
            return ExitCodes.InternalError;
        }
    }
}
