namespace Vigil.Kql.Binding;

/// <summary>How strict the binder is.</summary>
public sealed record BindOptions
{
    public static readonly BindOptions Default = new();

    /// <summary>
    /// Report unknown tables, unknown functions, external functions and unknown plugins as warnings instead of
    /// errors (e.g. to check a query written for another workspace). Everything else stays an error.
    /// </summary>
    public bool UnknownNamesAsWarnings { get; init; }
}
