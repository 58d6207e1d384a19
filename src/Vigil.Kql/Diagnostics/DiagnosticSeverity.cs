namespace Vigil.Kql.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is. Only errors stop a query from running.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Information,
}
