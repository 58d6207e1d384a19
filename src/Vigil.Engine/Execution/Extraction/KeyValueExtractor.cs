using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Engine.Execution.Extraction;

/// <summary>
/// parse-kv: the values of the listed keys (first occurrence wins; keys and values trimmed; quoted keys and values
/// unquoted with their escapes resolved). Three modes: pairs split by <c>pair_delimiter</c> and <c>kv_delimiter</c>
/// (with <c>greedy=true</c>, text up to the next key belongs to the value); no delimiters given (a key followed by any
/// punctuation, its value running to the next space, comma or semicolon); or a regex whose two groups are key and value.
/// </summary>
internal sealed class KeyValueExtractor : TextExtractor
{
    private readonly Dictionary<string, int> _keys;
    private readonly string? _pairDelimiter;
    private readonly string? _kvDelimiter;
    private readonly bool _greedy;
    private readonly Regex? _regex;
    private readonly (char Open, char Close)[] _quotes;
    private readonly char[] _escapes;

    public KeyValueExtractor(
        IReadOnlyList<string> keys, string? pairDelimiter, string? kvDelimiter, bool greedy, Regex? regex,
        IReadOnlyList<(char Open, char Close)> quotes, IReadOnlyList<char> escapes)
    {
        _keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            _keys.TryAdd(keys[i], i);
        }

        _pairDelimiter = pairDelimiter;
        _kvDelimiter = kvDelimiter;
        _greedy = greedy;
        _regex = regex;
        _quotes = [.. quotes];
        _escapes = [.. escapes];
    }

    public override bool TryExtract(string text, Span<string?> values)
    {
        if (_regex is not null)
        {
            ExtractByRegex(text, values);
        }
        else if (_pairDelimiter is not null && _kvDelimiter is not null)
        {
            ExtractPairs(text, values);
        }
        else
        {
            ExtractLoose(text, values);
        }

        return true;
    }

    public override string Describe() =>
        _regex is not null ? $"kv /{_regex}/"
        : _pairDelimiter is not null ? $"kv pairs '{_pairDelimiter}' '{_kvDelimiter}'{(_greedy ? " greedy" : string.Empty)}"
        : "kv";

    private void ExtractByRegex(string text, Span<string?> values)
    {
        try
        {
            for (var match = _regex!.Match(text); match.Success; match = match.NextMatch())
            {
                if (match.Groups.Count >= 3)
                {
                    Set(values, match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim());
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Keep what was found before the timeout.
        }
    }

    private void ExtractPairs(string text, Span<string?> values)
    {
        string? lastKey = null;
        StringBuilder? greedyValue = null;
        var position = 0;
        while (position <= text.Length)
        {
            var end = IndexOutsideQuotes(text, _pairDelimiter!, position);
            var segment = text.AsSpan(position, (end < 0 ? text.Length : end) - position);
            var kv = IndexOutsideQuotes(segment, _kvDelimiter!);
            if (kv >= 0)
            {
                Flush(values, lastKey, greedyValue);
                lastKey = Unquote(segment[..kv]);
                greedyValue = new StringBuilder().Append(segment[(kv + _kvDelimiter!.Length)..]);
            }
            else if (_greedy && greedyValue is not null && !segment.IsWhiteSpace())
            {
                greedyValue.Append(_pairDelimiter).Append(segment);
            }

            if (end < 0)
            {
                break;
            }

            position = end + _pairDelimiter!.Length;
        }

        Flush(values, lastKey, greedyValue);
    }

    private void Flush(Span<string?> values, string? key, StringBuilder? value)
    {
        if (key is not null && value is not null)
        {
            Set(values, key, Unquote(value.ToString()));
        }
    }

    private void ExtractLoose(string text, Span<string?> values)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            foreach (var (key, index) in _keys)
            {
                if (values[index] is not null || !text.AsSpan(i).StartsWith(key, StringComparison.Ordinal))
                {
                    continue;
                }

                var p = SkipSpaces(text, i + key.Length);
                if (p >= text.Length || char.IsLetterOrDigit(text[p]) || char.IsWhiteSpace(text[p]))
                {
                    continue;
                }

                p = SkipSpaces(text, p + 1);
                var start = p;
                if (p < text.Length && QuoteClose(text[p]) is { } close)
                {
                    p = SkipQuoted(text, p + 1, close);
                }
                else
                {
                    while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] is not (',' or ';'))
                    {
                        p++;
                    }
                }

                values[index] = Unquote(text.AsSpan(start, Math.Min(p, text.Length) - start));
            }
        }
    }

    private void Set(Span<string?> values, string key, string value)
    {
        if (_keys.TryGetValue(key, out var index) && values[index] is null)
        {
            values[index] = value;
        }
    }

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private char? QuoteClose(char open)
    {
        foreach (var (o, c) in _quotes)
        {
            if (o == open)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The position just past the closing quote (or the end of the text) from inside a quoted run.</summary>
    private int SkipQuoted(ReadOnlySpan<char> text, int position, char close)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (Array.IndexOf(_escapes, c) >= 0 && position + 1 < text.Length)
            {
                position += 2;
                continue;
            }

            position++;
            if (c == close)
            {
                break;
            }
        }

        return position;
    }

    private int IndexOutsideQuotes(ReadOnlySpan<char> text, string delimiter, int start = 0)
    {
        var position = start;
        while (position < text.Length)
        {
            if (QuoteClose(text[position]) is { } close)
            {
                position = SkipQuoted(text, position + 1, close);
                continue;
            }

            if (text[position..].StartsWith(delimiter, StringComparison.Ordinal))
            {
                return position;
            }

            position++;
        }

        return -1;
    }

    /// <summary>Trims, and strips one pair of quotes resolving escapes inside.</summary>
    private string Unquote(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length >= 2 && QuoteClose(text[0]) is { } close && text[^1] == close)
        {
            var inner = text[1..^1];
            var builder = new StringBuilder(inner.Length);
            for (var i = 0; i < inner.Length; i++)
            {
                if (Array.IndexOf(_escapes, inner[i]) >= 0 && i + 1 < inner.Length)
                {
                    i++;
                }

                builder.Append(inner[i]);
            }

            return builder.ToString();
        }

        return text.ToString();
    }
}
