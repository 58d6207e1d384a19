namespace Vigil.Engine.Execution.Extraction;

/// <summary>
/// Pulls the text of a fixed list of fields out of a string (parse's pattern, parse-kv's keys). Immutable and shared
/// by the plan; safe to call from several operators.
/// </summary>
internal abstract class TextExtractor
{
    /// <summary>
    /// Fills <paramref name="values"/> (one slot per field; null = not found) from <paramref name="text"/>; false when
    /// the text does not match at all.
    /// </summary>
    public abstract bool TryExtract(string text, Span<string?> values);

    /// <summary>The extraction for EXPLAIN.</summary>
    public abstract string Describe();
}
