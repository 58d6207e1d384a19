namespace Vigil.Kql.Diagnostics;

/// <summary>
/// A message about a span of query text: a stable code (<c>KQL1xxx</c> syntax, <c>KQL2xxx</c> binding), a severity,
/// a message for people and the span (offset and length in the query text) it is about.
/// Immutable. Created only through the factory classes (<see cref="SyntaxDiagnostics"/>, the binder's
/// <c>BindingDiagnostics</c>), so every code is numbered in one place.
/// </summary>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    internal Diagnostic(string code, DiagnosticSeverity severity, string message, int start, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Code = code;
        Severity = severity;
        Message = message;
        Start = start;
        Length = length;
    }

    /// <summary>The stable code, e.g. <c>KQL1001</c>.</summary>
    public string Code { get; }

    public DiagnosticSeverity Severity { get; }

    public string Message { get; }

    /// <summary>Offset of the first character the diagnostic is about (0-based, in UTF-16 code units).</summary>
    public int Start { get; }

    /// <summary>Number of characters the diagnostic covers; 0 for a point (e.g. a missing token).</summary>
    public int Length { get; }

    /// <summary>Offset just after the covered span.</summary>
    public int End => Start + Length;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The same diagnostic with another severity (e.g. a rule set that downgrades a check).</summary>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(Code, severity, Message, Start, Length);

    /// <summary>The same diagnostic moved to another span (used when a fragment is placed inside larger text).</summary>
    public Diagnostic WithSpan(int start, int length) =>
        start == Start && length == Length ? this : new Diagnostic(Code, Severity, Message, start, length);

    /// <summary>
    /// Creates a diagnostic. Meant for the factory classes (<c>SyntaxDiagnostics</c>, <c>BindingDiagnostics</c>);
    /// do not create diagnostics with ad-hoc codes elsewhere.
    /// </summary>
    public static Diagnostic Create(string code, DiagnosticSeverity severity, string message, int start, int length) =>
        new(code, severity, message, start, length);

    public bool Equals(Diagnostic? other) =>
        other is not null && Code == other.Code && Severity == other.Severity && Message == other.Message &&
        Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    public override int GetHashCode() => HashCode.Combine(Code, Severity, Message, Start, Length);

    /// <summary><c>error KQL1001 (12..13): expected ')'</c>.</summary>
    public override string ToString() =>
        $"{SeverityText(Severity)} {Code} ({Start}..{End}): {Message}";

    internal static string SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
