using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Engine.Values;

public sealed partial class DynamicValue
{
    private const int MaxJsonDepth = 512;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxJsonDepth,
    };

    /// <summary>
    /// <c>parse_json(string)</c> / <c>todynamic(string)</c>: the JSON value when <paramref name="text"/> is JSON,
    /// otherwise the text itself as a dynamic string; an empty or blank string gives <see cref="Null"/>. Beyond strict
    /// JSON this accepts what lenient JSON readers such as Kusto's do: single-quoted strings, unquoted keys, raw
    /// control characters inside strings, comments, trailing commas, <c>NaN</c> and <c>Infinity</c>.
    /// </summary>
    public static DynamicValue ParseJsonOrString(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Null;
        }

        if (TryParseJson(text, out var value))
        {
            return value;
        }

        var lenient = new LiteralParser(text, jsonOnly: true);
        return LooksLikeJson(text) && lenient.TryParseDocument(out value) ? value : FromString(text);
    }

    /// <summary>
    /// Parses JSON text: integers that fit a long are longs, other numbers reals; strings stay strings (no
    /// datetime sniffing); objects keep their key order (a repeated key keeps its first position and last value);
    /// comments and trailing commas are tolerated. False for anything that is not a single JSON value.
    /// </summary>
    public static bool TryParseJson(ReadOnlySpan<char> text, out DynamicValue value)
    {
        value = Null;
        if (!LooksLikeJson(text))
        {
            return false;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var bytes = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            return TryParseJson(bytes[..length], out value);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>As <see cref="TryParseJson(ReadOnlySpan{char}, out DynamicValue)"/>, from UTF-8.</summary>
    public static bool TryParseJson(ReadOnlySpan<byte> utf8, out DynamicValue value)
    {
        value = Null;
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            if (!reader.Read())
            {
                return false;
            }

            value = ReadValue(ref reader);
            // Anything but trailing white space (or comments) after the value makes the text invalid.
            if (reader.Read())
            {
                value = Null;
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            value = Null;
            return false;
        }
    }

    // A cheap test that avoids the reader's exception for plain strings: "10.0.0.1", "2023-01-01", "trueish" and
    // "{unbalanced" are not JSON. Texts with comments are left to the reader.
    private static bool LooksLikeJson(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        if (text.Contains('/'))
        {
            return text[0] is '{' or '[' or '"' or '\'' or '-' or '/' || char.IsAsciiDigit(text[0]);
        }

        return text[0] switch
        {
            '{' => text[^1] == '}',
            '[' => text[^1] == ']',
            '"' or '\'' => text.Length >= 2 && text[^1] == text[0],
            '-' or (>= '0' and <= '9') => IsJsonNumber(text),
            _ => text is "true" or "false" or "null" or "NaN" or "Infinity",
        };
    }

    private static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var pos = 0;
        if (text[pos] == '-')
        {
            pos++;
            if (text[pos..] is "Infinity")
            {
                return true;
            }
        }

        var digits = SkipDigits(text, ref pos);
        if (digits == 0)
        {
            return false;
        }

        if (pos < text.Length && text[pos] == '.')
        {
            pos++;
            if (SkipDigits(text, ref pos) == 0)
            {
                return false;
            }
        }

        if (pos < text.Length && text[pos] is 'e' or 'E')
        {
            pos++;
            if (pos < text.Length && text[pos] is '+' or '-')
            {
                pos++;
            }

            if (SkipDigits(text, ref pos) == 0)
            {
                return false;
            }
        }

        return pos == text.Length;
    }

    private static int SkipDigits(ReadOnlySpan<char> text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        return pos - start;
    }

    private static DynamicValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader);
            case JsonTokenType.String:
                return FromString(JsonStringCache.Get(ref reader));
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.True:
                return True;
            case JsonTokenType.False:
                return False;
            case JsonTokenType.Null:
                return Null;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private static DynamicValue ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out var whole))
        {
            return FromJsonInteger(whole);
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        // Integers beyond the long range, and anything with a fraction or exponent, are reals (1e400 is +inf).
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? FromReal(real)
            : throw new JsonException("Unreadable JSON number.");
    }

    // Elements and properties collect on per-thread scratch stacks (nested containers push above their parent's
    // items and pop back), so a parse allocates only the final arrays.
    [ThreadStatic]
    private static List<DynamicValue>? t_valueStack;

    [ThreadStatic]
    private static List<string>? t_keyStack;

    private static DynamicValue ReadArray(ref Utf8JsonReader reader)
    {
        var stack = t_valueStack ??= new List<DynamicValue>(64);
        var start = stack.Count;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                stack.Add(ReadValue(ref reader));
            }

            return WrapArray(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack)[start..].ToArray());
        }
        finally
        {
            stack.RemoveRange(start, stack.Count - start);
        }
    }

    private static DynamicValue ReadObject(ref Utf8JsonReader reader)
    {
        var values = t_valueStack ??= new List<DynamicValue>(64);
        var keys = t_keyStack ??= new List<string>(64);
        var valueStart = values.Count;
        var keyStart = keys.Count;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                keys.Add(JsonStringCache.Get(ref reader));
                reader.Read();
                values.Add(ReadValue(ref reader));
            }

            var bag = DynamicPropertyBag.FromPairs(
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys)[keyStart..],
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values)[valueStart..]);
            return FromBag(bag);
        }
        finally
        {
            keys.RemoveRange(keyStart, keys.Count - keyStart);
            values.RemoveRange(valueStart, values.Count - valueStart);
        }
    }
}
