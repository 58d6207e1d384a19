using System.Text.RegularExpressions;

namespace Vigil.Engine.Execution.Extraction;

/// <summary>parse's pattern as a regex whose groups <c>c0</c>, <c>c1</c>... capture the fields in order.</summary>
internal sealed class PatternExtractor(Regex regex, int fields) : TextExtractor
{
    private readonly string[] _groups =
        [.. Enumerable.Range(0, fields).Select(i => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public override bool TryExtract(string text, Span<string?> values)
    {
        Match match;
        try
        {
            match = regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern on a huge value: no match rather than a failed query.
            return false;
        }

        if (!match.Success)
        {
            return false;
        }

        for (var i = 0; i < _groups.Length; i++)
        {
            values[i] = match.Groups[_groups[i]].Value;
        }

        return true;
    }

    public override string Describe() => "/" + regex + "/";
}
