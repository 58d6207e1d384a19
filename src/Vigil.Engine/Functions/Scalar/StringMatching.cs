using Vigil.Storage;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Kusto's string matching rules. <c>has</c> looks for the needle as whole terms, with term characters and
/// boundaries exactly as storage's <see cref="KustoTermTokenizer"/> defines them (the per-block term filters are
/// built with those rules, so the two must agree for block skipping to be right).
/// </summary>
internal static class StringMatching
{
    /// <summary>
    /// Whether <paramref name="needle"/> occurs in <paramref name="text"/> starting and ending at term boundaries
    /// (a boundary is only required where the needle itself starts or ends with a term character).
    /// </summary>
    public static bool Has(ReadOnlySpan<char> text, ReadOnlySpan<char> needle, StringComparison comparison)
    {
        if (needle.IsEmpty)
        {
            return true;
        }

        var needStart = KustoTermTokenizer.IsTermChar(needle[0]);
        var needEnd = KustoTermTokenizer.IsTermChar(needle[^1]);
        var offset = 0;
        while (offset <= text.Length - needle.Length)
        {
            var found = text[offset..].IndexOf(needle, comparison);
            if (found < 0)
            {
                return false;
            }

            var start = offset + found;
            var end = start + needle.Length;
            var startOk = !needStart || start == 0 || !KustoTermTokenizer.IsTermChar(text[start - 1]);
            var endOk = !needEnd || end == text.Length || !KustoTermTokenizer.IsTermChar(text[end]);
            if (startOk && endOk)
            {
                return true;
            }

            offset = start + 1;
        }

        return false;
    }

    /// <summary>Whether some term of <paramref name="text"/> starts with <paramref name="prefix"/> (<c>hasprefix</c>).</summary>
    public static bool HasPrefix(ReadOnlySpan<char> text, ReadOnlySpan<char> prefix, StringComparison comparison)
    {
        var position = 0;
        while (KustoTermTokenizer.NextTerm(text, ref position, out var start, out var length))
        {
            if (text.Slice(start, length).StartsWith(prefix, comparison))
            {
                return true;
            }
        }

        return prefix.IsEmpty;
    }

    /// <summary>Whether some term of <paramref name="text"/> ends with <paramref name="suffix"/> (<c>hassuffix</c>).</summary>
    public static bool HasSuffix(ReadOnlySpan<char> text, ReadOnlySpan<char> suffix, StringComparison comparison)
    {
        var position = 0;
        while (KustoTermTokenizer.NextTerm(text, ref position, out var start, out var length))
        {
            if (text.Slice(start, length).EndsWith(suffix, comparison))
            {
                return true;
            }
        }

        return suffix.IsEmpty;
    }
}
