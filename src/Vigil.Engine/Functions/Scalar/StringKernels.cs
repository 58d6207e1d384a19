using System.Globalization;
using System.Text;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Per-row rules of the text-editing functions (registered in <c>FunctionRegistry.Strings.cs</c>; arguments arrive
/// already converted to the registered types, so "forcibly cast to string" arguments are strings here).
/// </summary>
internal static class StringKernels
{
    /// <summary>The most times <c>strrep</c> repeats its input.</summary>
    private const int MaxRepetitions = 1024;

    /// <summary>The longest text <c>strrep</c> builds (a large value repeated 1,024 times must not exhaust memory).</summary>
    private const long MaxRepeatedChars = 64L * 1024 * 1024;

    public static ScalarValue Text(string value) => ScalarValue.FromString(value);

    public static ScalarValue Trim(ReadOnlySpan<ScalarValue> a) => Text(TrimEnd(a[0].String, TrimStart(a[0].String, a[1].String)));

    public static ScalarValue TrimStart(ReadOnlySpan<ScalarValue> a) => Text(TrimStart(a[0].String, a[1].String));

    public static ScalarValue TrimEnd(ReadOnlySpan<ScalarValue> a) => Text(TrimEnd(a[0].String, a[1].String));

    private static string TrimStart(string pattern, string text)
    {
        if (pattern.Length == 0 || text.Length == 0)
        {
            return text;
        }

        var match = RegexCache.Get("^(?:" + pattern + ")+").Match(text);
        return match.Success ? text[match.Length..] : text;
    }

    private static string TrimEnd(string pattern, string text)
    {
        if (pattern.Length == 0 || text.Length == 0)
        {
            return text;
        }

        var match = RegexCache.Get("(?:" + pattern + ")+$").Match(text);
        return match.Success ? text[..match.Index] : text;
    }

    public static ScalarValue Reverse(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        var builder = new StringBuilder(text.Length);
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
            {
                builder.Append(text[i - 1]).Append(text[i]);
                i--;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return Text(builder.ToString());
    }

    /// <summary><c>countof(text, search [, kind])</c>: "normal" counts overlapping occurrences; "regex" counts matches.</summary>
    public static ScalarValue CountOf(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        var search = a[1].String;
        var kind = a.Length > 2 ? a[2].String : "normal";
        if (search.Length == 0)
        {
            return ScalarValue.FromLong(0);
        }

        if (kind == "regex")
        {
            return ScalarValue.FromLong(RegexCache.Get(search).Count(text));
        }

        if (kind != "normal")
        {
            throw new QueryException(QueryErrorKind.Semantic, $"countof(): unknown kind '{kind}' (expected 'normal' or 'regex').");
        }

        var count = 0L;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return ScalarValue.FromLong(count);
    }

    public static ScalarValue StrcatDelim(ReadOnlySpan<ScalarValue> a)
    {
        var builder = new StringBuilder();
        for (var i = 1; i < a.Length; i++)
        {
            if (i > 1)
            {
                builder.Append(a[0].String);
            }

            builder.Append(a[i].String);
        }

        return Text(builder.ToString());
    }

    public static ScalarValue Strcmp(ReadOnlySpan<ScalarValue> a) =>
        ScalarValue.FromLong(Math.Sign(string.CompareOrdinal(a[0].String, a[1].String)));

    /// <summary><c>strrep(value, multiplier [, delimiter])</c>: repeats up to 1,024 times; a multiplier below 1 gives empty.</summary>
    public static ScalarValue Strrep(ReadOnlySpan<ScalarValue> a)
    {
        if (a[1].IsNull)
        {
            return Text(string.Empty);
        }

        var times = (int)Math.Min(a[1].Int64, MaxRepetitions);
        var delimiter = a.Length > 2 ? a[2].String : string.Empty;
        if (times <= 0)
        {
            return Text(string.Empty);
        }

        var length = (long)(a[0].String.Length + delimiter.Length) * times;
        if (length > MaxRepeatedChars)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"strrep(): the result would be {length:N0} characters, more than the {MaxRepeatedChars:N0} allowed.");
        }

        var builder = new StringBuilder((int)length);
        for (var i = 0; i < times; i++)
        {
            if (i > 0)
            {
                builder.Append(delimiter);
            }

            builder.Append(a[0].String);
        }

        return Text(builder.ToString());
    }

    public static ScalarValue StringSize(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromLong(Encoding.UTF8.GetByteCount(a[0].String));

    /// <summary><c>translate(searchList, replacementList, source)</c>: per-character mapping; a short replacement list repeats its last character, an empty one deletes.</summary>
    public static ScalarValue Translate(ReadOnlySpan<ScalarValue> a)
    {
        var search = a[0].String;
        var replacement = a[1].String;
        var source = a[2].String;
        var builder = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            var index = search.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                builder.Append(c);
            }
            else if (replacement.Length > 0)
            {
                builder.Append(replacement[Math.Min(index, replacement.Length - 1)]);
            }
        }

        return Text(builder.ToString());
    }

    /// <summary>
    /// <c>indexof(text, lookup [, start [, length [, occurrence]]])</c>: a negative start counts from the end; the
    /// examined range reaches <c>length</c> positions past the start (the reference's examples include the end
    /// position); null for a length below -1 or a negative occurrence.
    /// </summary>
    public static ScalarValue IndexOf(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        var lookup = a[1].String;
        if (!TryRange(a, text.Length, allowNegativeStart: true, out var start, out var end, out var occurrence))
        {
            return ScalarValue.Null(ScalarType.Long);
        }

        var at = start - 1;
        for (var n = 0; n < occurrence; n++)
        {
            at = text.IndexOf(lookup, at + 1, StringComparison.Ordinal);
            if (at < 0 || at + lookup.Length > end)
            {
                return ScalarValue.FromLong(-1);
            }
        }

        return ScalarValue.FromLong(at);
    }

    /// <summary><c>indexof_regex</c>: like <see cref="IndexOf"/> over non-overlapping regex matches; a negative start is null.</summary>
    public static ScalarValue IndexOfRegex(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        if (!TryRange(a, text.Length, allowNegativeStart: false, out var start, out var end, out var occurrence))
        {
            return ScalarValue.Null(ScalarType.Long);
        }

        var regex = RegexCache.Get(a[1].String);
        var match = regex.Match(text[..end], start);
        for (var n = 1; n < occurrence && match.Success; n++)
        {
            match = match.NextMatch();
        }

        return ScalarValue.FromLong(match.Success ? match.Index : -1);
    }

    private static bool TryRange(ReadOnlySpan<ScalarValue> a, int length, bool allowNegativeStart, out int start, out int end, out int occurrence)
    {
        start = 0;
        end = length;
        occurrence = 1;
        if (a.Length > 2)
        {
            if (a[2].IsNull || (!allowNegativeStart && a[2].Int64 < 0))
            {
                return false;
            }

            var s = a[2].Int64;
            start = (int)(s < 0 ? Math.Max(0, length + s) : Math.Min(s, length));
        }

        if (a.Length > 3)
        {
            if (a[3].IsNull || a[3].Int64 < -1)
            {
                return false;
            }

            end = a[3].Int64 == -1 ? length : (int)Math.Min(length, start + a[3].Int64 + 1);
        }

        if (a.Length > 4)
        {
            if (a[4].IsNull || a[4].Int64 < 0)
            {
                return false;
            }

            occurrence = (int)Math.Min(a[4].Int64, int.MaxValue);
            if (occurrence == 0)
            {
                end = -1;
            }
        }

        return true;
    }

    public static ScalarValue CodepointsFromString(ReadOnlySpan<ScalarValue> a)
    {
        var items = new List<DynamicValue?>();
        foreach (var rune in a[0].String.EnumerateRunes())
        {
            items.Add(DynamicValue.FromLong(rune.Value));
        }

        return ScalarValue.FromDynamic(DynamicValue.FromArray(items.ToArray()));
    }

    /// <summary><c>unicode_codepoints_to_string(value, ...)</c>: each argument a code point or an array of them; an invalid code point is null.</summary>
    public static ScalarValue CodepointsToString(ReadOnlySpan<ScalarValue> a)
    {
        var builder = new StringBuilder();
        foreach (var value in a)
        {
            if (value.IsNull)
            {
                continue;
            }

            if (value.Type == ScalarType.Dynamic)
            {
                var dynamic = value.Dynamic;
                if (dynamic.Kind == DynamicKind.Array)
                {
                    foreach (var item in dynamic.ArrayItems)
                    {
                        if (!DynamicConversions.TryToLong(item, out var code) || !AppendCodepoint(builder, code))
                        {
                            return ScalarValue.Null(ScalarType.String);
                        }
                    }
                }
                else if (!DynamicConversions.TryToLong(dynamic, out var code) || !AppendCodepoint(builder, code))
                {
                    return ScalarValue.Null(ScalarType.String);
                }
            }
            else if (!AppendCodepoint(builder, value.Int64))
            {
                return ScalarValue.Null(ScalarType.String);
            }
        }

        return Text(builder.ToString());
    }

    private static bool AppendCodepoint(StringBuilder builder, long code)
    {
        if (code is < 0 or > 0x10FFFF || !Rune.IsValid((int)code))
        {
            return false;
        }

        builder.Append(new Rune((int)code).ToString());
        return true;
    }

    /// <summary>
    /// <c>format_bytes(size [, precision [, units [, base]]])</c>: "564 Bytes", "10.1 KB", "19.08 MB"; units are
    /// chosen from the size when not given; base 1024 (default) or 1000.
    /// </summary>
    public static ScalarValue FormatBytes(ReadOnlySpan<ScalarValue> a)
    {
        if (a[0].IsNull)
        {
            return Text(string.Empty);
        }

        var size = a[0].Real;
        var precision = a.Length > 1 && !a[1].IsNull ? (int)Math.Clamp(a[1].Int64, 0, 15) : 0;
        var units = a.Length > 2 ? a[2].String : string.Empty;
        var unitBase = a.Length > 3 && !a[3].IsNull ? a[3].Int64 : 1024;
        if (unitBase is not (1024 or 1000))
        {
            return Text(string.Empty);
        }

        string[] names = ["Bytes", "KB", "MB", "GB", "TB", "PB", "EB"];
        int unit;
        if (units.Length > 0)
        {
            unit = Array.FindIndex(names, n => string.Equals(n, units, StringComparison.OrdinalIgnoreCase));
            if (unit < 0)
            {
                return Text(string.Empty);
            }
        }
        else
        {
            unit = 0;
            var magnitude = Math.Abs(size);
            while (unit < names.Length - 1 && magnitude >= unitBase)
            {
                magnitude /= unitBase;
                unit++;
            }
        }

        var value = Math.Round(size / Math.Pow(unitBase, unit), precision, MidpointRounding.AwayFromZero);
        return Text(value.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + names[unit]);
    }

    /// <summary><c>has_any_index(source, values)</c>: the index of the first value that <c>source has</c>, -1 when none.</summary>
    public static ScalarValue HasAnyIndex(ReadOnlySpan<ScalarValue> a)
    {
        var source = a[0].String;
        var values = a[1].Dynamic;
        if (values.Kind != DynamicKind.Array)
        {
            return ScalarValue.FromLong(-1);
        }

        var items = values.ArrayItems;
        for (var i = 0; i < items.Length; i++)
        {
            var term = items[i].Kind == DynamicKind.String ? items[i].StringValue : items[i].ToString();
            if (term.Length > 0 && StringMatching.Has(source, term, StringComparison.OrdinalIgnoreCase))
            {
                return ScalarValue.FromLong(i);
            }
        }

        return ScalarValue.FromLong(-1);
    }

    /// <summary>
    /// <c>substring(text, start [, length])</c>: a negative start counts from the end; start and length clamp to
    /// the text; a negative length gives empty.
    /// </summary>
    public static ScalarValue Substring(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        if (a[1].IsNull || (a.Length > 2 && a[2].IsNull))
        {
            return Text(string.Empty);
        }

        var start = a[1].Int64 < 0 ? Math.Max(0, text.Length + a[1].Int64) : Math.Min(a[1].Int64, text.Length);
        var length = a.Length > 2 ? Math.Clamp(a[2].Int64, 0, text.Length - start) : text.Length - start;
        return Text(text.Substring((int)start, (int)length));
    }

    /// <summary>
    /// <c>replace_strings(text, lookups, rewrites)</c>: earlier lookups take precedence; a later lookup only
    /// replaces occurrences that do not overlap text an earlier one claimed. Non-string entries are ignored.
    /// </summary>
    public static ScalarValue ReplaceStrings(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        var lookups = a[1].Dynamic;
        var rewrites = a[2].Dynamic;
        if (lookups.Kind != DynamicKind.Array || rewrites.Kind != DynamicKind.Array || text.Length == 0)
        {
            return Text(text);
        }

        var claims = new List<(int Start, int Length, string Rewrite)>();
        var claimed = new bool[text.Length];
        var count = Math.Min(lookups.Count, rewrites.Count);
        for (var i = 0; i < count; i++)
        {
            var lookup = lookups.ArrayItems[i];
            var rewrite = rewrites.ArrayItems[i];
            if (lookup.Kind != DynamicKind.String || rewrite.Kind != DynamicKind.String || lookup.StringValue.Length == 0)
            {
                continue;
            }

            var needle = lookup.StringValue;
            for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at, StringComparison.Ordinal))
            {
                if (Array.IndexOf(claimed, true, at, needle.Length) >= 0)
                {
                    at++;
                    continue;
                }

                Array.Fill(claimed, true, at, needle.Length);
                claims.Add((at, needle.Length, rewrite.StringValue));
                at += needle.Length;
                if (at >= text.Length)
                {
                    break;
                }
            }
        }

        claims.Sort((x, y) => x.Start.CompareTo(y.Start));
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, length, replacement) in claims)
        {
            builder.Append(text, position, start - position).Append(replacement);
            position = start + length;
        }

        builder.Append(text, position, text.Length - position);
        return Text(builder.ToString());
    }

    /// <summary><c>strcat_array(array, delimiter)</c>: the elements' text forms joined; not an array gives empty.</summary>
    public static ScalarValue StrcatArray(ReadOnlySpan<ScalarValue> a)
    {
        var array = a[0].Dynamic;
        if (array.Kind != DynamicKind.Array)
        {
            return Text(string.Empty);
        }

        var builder = new StringBuilder();
        var items = array.ArrayItems;
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(a[1].String);
            }

            builder.Append(items[i].Kind == DynamicKind.String ? items[i].StringValue : items[i].ToString());
        }

        return Text(builder.ToString());
    }

    public static ScalarValue NewGuid(ReadOnlySpan<ScalarValue> a) => ScalarValue.FromGuid(Guid.NewGuid());
}
