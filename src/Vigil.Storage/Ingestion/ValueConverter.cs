using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Ingestion;

/// <summary>
/// Converts input values to a column's type by Kusto's ingestion rules and appends them. Numbers and bools may
/// come as strings; an empty value is null (an empty string for string columns, which Kusto never leaves null);
/// objects and arrays go to dynamic as compact JSON. A value that cannot be converted returns an error and
/// appends nothing.
/// </summary>
internal sealed class ValueConverter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _writer;

    public ValueConverter()
    {
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Appends text (a CSV field, or a JSON string's contents) converted to the column's type.</summary>
    public static bool TryAppendText(ColumnBuffer column, ReadOnlySpan<char> text, out string? error)
    {
        error = null;
        var type = column.Type;
        if (type == ColumnType.String)
        {
            column.AppendString(text.ToString());
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            column.AppendNull();
            return true;
        }

        switch (type)
        {
            case ColumnType.Bool:
                if (TryParseBool(trimmed, out var b))
                {
                    column.AppendLong(b ? 1 : 0);
                    return true;
                }

                break;
            case ColumnType.Int or ColumnType.Long:
                if (TryParseInteger(trimmed, type, out var l))
                {
                    column.AppendLong(l);
                    return true;
                }

                break;
            case ColumnType.Real:
                if (TryParseReal(trimmed, out var d))
                {
                    column.AppendDouble(d);
                    return true;
                }

                break;
            case ColumnType.Decimal:
                if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
                {
                    column.AppendDecimal(m);
                    return true;
                }

                break;
            case ColumnType.DateTime:
                if (KustoDateTime.TryParse(trimmed, out var ticks))
                {
                    column.AppendLong(ticks);
                    return true;
                }

                break;
            case ColumnType.TimeSpan:
                if (TryParseTimeSpan(trimmed, out var span))
                {
                    column.AppendLong(span);
                    return true;
                }

                break;
            case ColumnType.Guid:
                if (Guid.TryParse(trimmed, out var g))
                {
                    column.AppendGuid(g);
                    return true;
                }

                break;
            case ColumnType.Dynamic:
                AppendDynamicText(column, text);
                return true;
        }

        error = $"cannot convert '{Shorten(text)}' to {ColumnTypeFacts.Name(type)}";
        return false;
    }

    /// <summary>Appends the JSON value the reader is positioned on (and consumes it, nested values included).</summary>
    public bool TryAppendJson(ColumnBuffer column, ref Utf8JsonReader reader, out string? error)
    {
        error = null;
        var type = column.Type;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                if (type == ColumnType.String)
                {
                    column.AppendUtf8([]);
                }
                else
                {
                    column.AppendNull();
                }

                return true;

            case JsonTokenType.String:
                if (type == ColumnType.String)
                {
                    var max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                    var written = reader.CopyString(column.ReserveUtf8(max));
                    column.CommitUtf8(written);
                    return true;
                }

                if (type == ColumnType.Dynamic)
                {
                    // A JSON string stays a string inside dynamic: store it with its quotes.
                    _json.ResetWrittenCount();
                    _writer.Reset(_json);
                    _writer.WriteStringValue(reader.GetString());
                    _writer.Flush();
                    column.AppendUtf8(_json.WrittenSpan);
                    return true;
                }

                if (type == ColumnType.DateTime && !reader.ValueIsEscaped && !reader.HasValueSequence
                    && KustoDateTime.TryParseIsoUtf8(reader.ValueSpan, out var isoTicks))
                {
                    // The usual timestamp shape, parsed from its bytes without decoding the string first.
                    column.AppendLong(isoTicks);
                    return true;
                }

                return TryAppendJsonString(column, ref reader, out error);

            case JsonTokenType.Number:
                return TryAppendNumber(column, ref reader, out error);

            case JsonTokenType.True or JsonTokenType.False:
                var value = reader.TokenType == JsonTokenType.True;
                switch (type)
                {
                    case ColumnType.Bool or ColumnType.Int or ColumnType.Long:
                        column.AppendLong(value ? 1 : 0);
                        return true;
                    case ColumnType.Real:
                        column.AppendDouble(value ? 1 : 0);
                        return true;
                    case ColumnType.String or ColumnType.Dynamic:
                        column.AppendUtf8(value ? "true"u8 : "false"u8);
                        return true;
                }

                error = $"cannot convert {(value ? "true" : "false")} to {ColumnTypeFacts.Name(type)}";
                return false;

            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                if (ColumnTypeFacts.IsText(type))
                {
                    AppendCompactJson(column, ref reader);
                    return true;
                }

                reader.Skip();
                error = $"cannot convert a JSON {(reader.TokenType == JsonTokenType.EndObject ? "object" : "array")} to {ColumnTypeFacts.Name(type)}";
                return false;

            default:
                error = $"unexpected JSON token {reader.TokenType}";
                return false;
        }
    }

    private static bool TryAppendJsonString(ColumnBuffer column, ref Utf8JsonReader reader, out string? error)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        char[]? rented = null;
        var chars = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var n = reader.CopyString(chars);
            return TryAppendText(column, chars[..n], out error);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool TryAppendNumber(ColumnBuffer column, ref Utf8JsonReader reader, out string? error)
    {
        error = null;
        switch (column.Type)
        {
            case ColumnType.Int or ColumnType.Long:
                if (reader.TryGetInt64(out var l))
                {
                    if (column.Type == ColumnType.Int && l is < int.MinValue or > int.MaxValue)
                    {
                        break;
                    }

                    column.AppendLong(l);
                    return true;
                }

                if (reader.TryGetDouble(out var whole) && double.IsFinite(whole) && Math.Floor(whole) == whole
                    && whole >= (column.Type == ColumnType.Int ? int.MinValue : long.MinValue)
                    && whole <= (column.Type == ColumnType.Int ? int.MaxValue : long.MaxValue))
                {
                    column.AppendLong((long)whole);
                    return true;
                }

                break;
            case ColumnType.Real:
                if (reader.TryGetDouble(out var d))
                {
                    column.AppendDouble(d);
                    return true;
                }

                break;
            case ColumnType.Decimal:
                if (reader.TryGetDecimal(out var m))
                {
                    column.AppendDecimal(m);
                    return true;
                }

                break;
            case ColumnType.Bool:
                if (reader.TryGetInt64(out var b) && b is 0 or 1)
                {
                    column.AppendLong(b);
                    return true;
                }

                break;
            case ColumnType.String or ColumnType.Dynamic:
                column.AppendUtf8(reader.ValueSpan);
                return true;
        }

        error = $"cannot convert number {Encoding.UTF8.GetString(reader.ValueSpan)} to {ColumnTypeFacts.Name(column.Type)}";
        return false;
    }

    private void AppendCompactJson(ColumnBuffer column, ref Utf8JsonReader reader)
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        using (var document = JsonDocument.ParseValue(ref reader))
        {
            document.RootElement.WriteTo(_writer);
        }

        _writer.Flush();
        column.AppendUtf8(_json.WrittenSpan);
    }

    /// <summary>CSV text into dynamic: JSON text is kept as compact JSON; anything else becomes a JSON string.</summary>
    private static void AppendDynamicText(ColumnBuffer column, ReadOnlySpan<char> text)
    {
        var s = text.ToString();
        var buffer = new ArrayBufferWriter<byte>(s.Length + 2);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            try
            {
                using var document = JsonDocument.Parse(s);
                document.RootElement.WriteTo(writer);
            }
            catch (JsonException)
            {
                writer.Reset();
                buffer.ResetWrittenCount();
                writer.WriteStringValue(s);
            }
        }

        column.AppendUtf8(buffer.WrittenSpan);
    }

    internal static bool TryParseBool(ReadOnlySpan<char> s, out bool value)
    {
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("1"))
        {
            value = true;
            return true;
        }

        if (s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("0"))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    internal static bool TryParseInteger(ReadOnlySpan<char> s, ColumnType type, out long value)
    {
        if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            // "5.0" or "1e3" into an integer column: accept when the number is whole.
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d)
                || Math.Floor(d) != d || d < long.MinValue || d >= 9.2233720368547758E18)
            {
                return false;
            }

            value = (long)d;
        }

        return type != ColumnType.Int || value is >= int.MinValue and <= int.MaxValue;
    }

    internal static bool TryParseReal(ReadOnlySpan<char> s, out double value)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("+inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (s.Equals("-inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NegativeInfinity;
            return true;
        }

        return false;
    }

    /// <summary>[-][d.]hh:mm:ss[.fffffff], or a Kusto literal such as 2d, 1.5h, 30m, 10s, 100ms, 5tick.</summary>
    internal static bool TryParseTimeSpan(ReadOnlySpan<char> s, out long ticks)
    {
        if (s.Contains(':') && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span))
        {
            ticks = span.Ticks;
            return true;
        }

        ticks = 0;
        ReadOnlySpan<(string Unit, long Ticks)> units =
        [
            ("ms", TimeSpan.TicksPerMillisecond), ("microsecond", 10), ("tick", 1), ("d", TimeSpan.TicksPerDay),
            ("h", TimeSpan.TicksPerHour), ("m", TimeSpan.TicksPerMinute), ("s", TimeSpan.TicksPerSecond),
        ];
        foreach (var (unit, perUnit) in units)
        {
            if (s.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(s[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && double.IsFinite(amount))
            {
                ticks = (long)Math.Round(amount * perUnit);
                return true;
            }
        }

        return false;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 64 ? text.ToString() : string.Concat(text[..64], "...");
}
