namespace Vigil.Cli;

/// <summary>The process exit codes of <c>vigil</c>; scripts depend on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found problems (for example <c>vigil check</c> found errors).</summary>
    public const int Findings = 1;

    /// <summary>The command line or its inputs were wrong.</summary>
    public const int UsageError = 2;

    /// <summary>Vigil itself failed; a bug.</summary>
    public const int InternalError = 70;
}
