using System.Text;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>Per-row rules of the regular-expression functions; patterns compile once through <see cref="RegexCache"/>.</summary>
internal static class RegexKernels
{
    /// <summary><c>extract(regex, group, text)</c>: the group's text of the first match, empty when none (the typed form converts this text).</summary>
    public static ScalarValue Extract(ReadOnlySpan<ScalarValue> a)
    {
        var regex = RegexCache.Get(a[0].String);
        if (a[1].IsNull || a[1].Int64 < 0)
        {
            return ScalarValue.FromString(string.Empty);
        }

        var group = a[1].Int64;
        var match = regex.Match(a[2].String);
        return ScalarValue.FromString(match.Success && group < match.Groups.Count && match.Groups[(int)group].Success ? match.Groups[(int)group].Value : string.Empty);
    }

    /// <summary>
    /// <c>extract_all(regex, [groups,] text)</c>: every match; one value per match when one group (or none) is
    /// selected, else an array of the selected groups per match; null when nothing matches.
    /// </summary>
    public static ScalarValue ExtractAll(ReadOnlySpan<ScalarValue> a)
    {
        var regex = RegexCache.Get(a[0].String);
        var text = a[^1].String;
        var groupNumbers = regex.GetGroupNumbers();
        int[] selected;
        if (a.Length == 3)
        {
            var requested = a[1].Dynamic;
            if (requested.Kind != DynamicKind.Array || requested.Count == 0)
            {
                throw new QueryException(QueryErrorKind.Semantic, "extract_all(): the capture groups must be a non-empty array of group numbers or names.");
            }

            selected = new int[requested.Count];
            var items = requested.ArrayItems;
            for (var i = 0; i < items.Length; i++)
            {
                var number = items[i].Kind == DynamicKind.String ? regex.GroupNumberFromName(items[i].StringValue)
                    : DynamicConversions.TryToLong(items[i], out var n) ? (int)Math.Clamp(n, -1, int.MaxValue) : -1;
                if (number <= 0 || Array.IndexOf(groupNumbers, number) < 0)
                {
                    throw new QueryException(QueryErrorKind.Semantic, $"extract_all(): capture group {items[i]} is not in the regular expression '{a[0].String}'.");
                }

                selected[i] = number;
            }
        }
        else
        {
            selected = groupNumbers.Length > 1 ? groupNumbers[1..] : [0];
        }

        var matches = new List<DynamicValue?>();
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
        {
            if (selected.Length == 1)
            {
                matches.Add(DynamicValue.FromString(match.Groups[selected[0]].Value));
                continue;
            }

            var row = new DynamicValue?[selected.Length];
            for (var i = 0; i < selected.Length; i++)
            {
                row[i] = DynamicValue.FromString(match.Groups[selected[i]].Value);
            }

            matches.Add(DynamicValue.FromArray(row));
        }

        return matches.Count == 0 ? ScalarValue.Null(ScalarType.Dynamic) : ScalarValue.FromDynamic(DynamicValue.FromArray(matches.ToArray()));
    }

    /// <summary><c>replace_regex(text, regex, rewrite)</c>: every match replaced; <c>\0</c>..<c>\9</c> in the rewrite are groups.</summary>
    public static ScalarValue ReplaceRegex(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromString(RegexCache.Get(a[1].String).Replace(a[0].String, Substitution(a[2].String)));

    /// <summary>The deprecated <c>replace(regex, rewrite, text)</c>.</summary>
    public static ScalarValue Replace(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromString(RegexCache.Get(a[0].String).Replace(a[2].String, Substitution(a[1].String)));

    private static string Substitution(string rewrite)
    {
        var builder = new StringBuilder(rewrite.Length + 4);
        for (var i = 0; i < rewrite.Length; i++)
        {
            var c = rewrite[i];
            if (c == '\\' && i + 1 < rewrite.Length && char.IsAsciiDigit(rewrite[i + 1]))
            {
                builder.Append("${").Append(rewrite[i + 1]).Append('}');
                i++;
            }
            else if (c == '\\' && i + 1 < rewrite.Length && rewrite[i + 1] == '\\')
            {
                builder.Append('\\');
                i++;
            }
            else
            {
                builder.Append(c == '$' ? "$$" : c.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary><c>regex_quote(text)</c>: every regular-expression metacharacter escaped with a backslash.</summary>
    public static ScalarValue RegexQuote(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '.' or '^' or '$' or '|' or '?' or '*' or '+' or '(' or ')' or '[' or ']' or '{' or '}')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return ScalarValue.FromString(builder.ToString());
    }

    /// <summary>
    /// <c>extract_json(path, json)</c>: the element at a JSONPath (<c>$</c>, <c>.name</c>, <c>['name']</c>,
    /// <c>[index]</c>) as text (a string element unquoted, others as JSON); empty when absent or not JSON.
    /// </summary>
    public static ScalarValue ExtractJson(ReadOnlySpan<ScalarValue> a)
    {
        if (!DynamicValue.TryParseJson(a[1].String, out var current) || !TryWalk(a[0].String, ref current) || current.IsNull)
        {
            return ScalarValue.FromString(string.Empty);
        }

        return ScalarValue.FromString(current.Kind == DynamicKind.String ? current.StringValue : current.ToString());
    }

    private static bool TryWalk(string path, ref DynamicValue current)
    {
        path = path.Trim();
        if (!path.StartsWith('$'))
        {
            throw new QueryException(QueryErrorKind.Semantic, $"extract_json(): the path '{path}' must start with '$'.");
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                if (!TryMember(path[(i + 1)..end], ref current))
                {
                    return false;
                }

                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    throw new QueryException(QueryErrorKind.Semantic, $"extract_json(): the path '{path}' has an unclosed '['.");
                }

                var inside = path[(i + 1)..close].Trim();
                if (inside.Length >= 2 && inside[0] is '\'' or '"' && inside[^1] == inside[0])
                {
                    if (!TryMember(inside[1..^1], ref current))
                    {
                        return false;
                    }
                }
                else if (int.TryParse(inside, out var index) && current.Kind == DynamicKind.Array)
                {
                    var items = current.ArrayItems;
                    index = index < 0 ? items.Length + index : index;
                    if ((uint)index >= (uint)items.Length)
                    {
                        return false;
                    }

                    current = items[index];
                }
                else
                {
                    return false;
                }

                i = close + 1;
            }
            else
            {
                throw new QueryException(QueryErrorKind.Semantic, $"extract_json(): unexpected '{path[i]}' in the path '{path}'.");
            }
        }

        return true;
    }

    private static bool TryMember(string name, ref DynamicValue current)
    {
        if (current.Kind != DynamicKind.Bag || !current.Bag.TryGetValue(name, out var value))
        {
            return false;
        }

        current = value;
        return true;
    }
}
