namespace Vigil.Cli;

/// <summary>A user error: the CLI prints its message as one line and exits with <see cref="ExitCode"/>.</summary>
internal sealed class CommandException(string message, int exitCode = ExitCodes.UsageError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
