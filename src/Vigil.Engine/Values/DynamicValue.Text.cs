namespace Vigil.Engine.Values;

/// <summary>
/// How a dynamic value prints. As JSON (<see cref="ToJsonString"/>): compact, keys in insertion order, strings
/// escaped as Kusto's serializer does (only <c>"</c>, <c>\</c>, control characters and U+0085, U+2028, U+2029;
/// other characters as they are), reals with a <c>.0</c> when integral, datetimes, timespans and guids as JSON
/// strings in their KQL text form, decimals as numbers. As text (<see cref="ToString"/>, i.e. <c>tostring()</c> and
/// a result cell): null is empty, a string is its raw content, datetime/timespan/guid/bool are their KQL text, and
/// numbers, arrays and bags are their JSON.
/// </summary>
public sealed partial class DynamicValue
{
    /// <summary>The compact JSON text.</summary>
    public string ToJsonString()
    {
        if (Kind == DynamicKind.Null)
        {
            return "null";
        }

        var buffer = new PooledCharBuffer(64);
        try
        {
            WriteJson(ref buffer);
            return buffer.ToString();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Appends the compact JSON text to <paramref name="destination"/>.</summary>
    public void WriteJson(System.Text.StringBuilder destination)
    {
        var buffer = new PooledCharBuffer(64);
        try
        {
            WriteJson(ref buffer);
            destination.Append(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary><c>tostring()</c> of the value (see the type's remarks).</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case DynamicKind.Null:
                return "";
            case DynamicKind.String:
                return StringValue;
            case DynamicKind.Bool:
                return BoolText.Format(BoolValue);
            case DynamicKind.DateTime:
                return DateTimeText.Format(DateTimeTicks);
            case DynamicKind.TimeSpan:
                return TimeSpanText.Format(TimeSpanTicks);
            case DynamicKind.Guid:
                return GuidText.Format(GuidValue);
            case DynamicKind.Real when !double.IsFinite(RealValue):
                return RealText.Format(RealValue);
            default:
                return ToJsonString();
        }
    }

    internal void WriteJson(ref PooledCharBuffer buffer)
    {
        switch (Kind)
        {
            case DynamicKind.Null:
                buffer.Append("null");
                break;
            case DynamicKind.Bool:
                buffer.Append(BoolValue ? "true" : "false");
                break;
            case DynamicKind.Long:
                IntegerText.TryFormat(_bits, buffer.GetSpan(IntegerText.MaxLength), out var longLength);
                buffer.Advance(longLength);
                break;
            case DynamicKind.Real:
                var real = RealValue;
                if (double.IsFinite(real))
                {
                    RealText.TryFormatJsonNumber(real, buffer.GetSpan(RealText.MaxLength), out var realLength);
                    buffer.Advance(realLength);
                }
                else
                {
                    buffer.Append('"');
                    buffer.Append(RealText.Format(real));
                    buffer.Append('"');
                }

                break;
            case DynamicKind.Decimal:
                var span = buffer.GetSpan(DecimalText.MaxLength);
                DecimalText.TryFormat(DecimalValue, span, out var decimalLength);
                buffer.Advance(decimalLength);
                break;
            case DynamicKind.DateTime:
                buffer.Append('"');
                DateTimeText.TryFormat(_bits, buffer.GetSpan(DateTimeText.MaxLength), out var dateLength);
                buffer.Advance(dateLength);
                buffer.Append('"');
                break;
            case DynamicKind.TimeSpan:
                buffer.Append('"');
                TimeSpanText.TryFormat(_bits, buffer.GetSpan(TimeSpanText.MaxLength), out var timeLength);
                buffer.Advance(timeLength);
                buffer.Append('"');
                break;
            case DynamicKind.Guid:
                buffer.Append('"');
                GuidText.TryFormat(GuidValue, buffer.GetSpan(GuidText.MaxLength), out var guidLength);
                buffer.Advance(guidLength);
                buffer.Append('"');
                break;
            case DynamicKind.String:
                WriteJsonString(ref buffer, StringValue);
                break;
            case DynamicKind.Array:
                buffer.Append('[');
                var items = ArrayItems;
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0)
                    {
                        buffer.Append(',');
                    }

                    items[i].WriteJson(ref buffer);
                }

                buffer.Append(']');
                break;
            case DynamicKind.Bag:
                buffer.Append('{');
                var bag = Bag;
                for (var i = 0; i < bag.Count; i++)
                {
                    if (i > 0)
                    {
                        buffer.Append(',');
                    }

                    WriteJsonString(ref buffer, bag.Keys[i]);
                    buffer.Append(':');
                    bag.Values[i].WriteJson(ref buffer);
                }

                buffer.Append('}');
                break;
        }
    }

    /// <summary>A JSON string literal with Kusto's (Json.NET's default) escaping.</summary>
    internal static void WriteJsonString(ref PooledCharBuffer buffer, ReadOnlySpan<char> value)
    {
        buffer.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (ch >= ' ' && ch != '"' && ch != '\\' && ch != '\u0085' && ch != '\u2028' && ch != '\u2029')
            {
                continue;
            }

            buffer.Append(value[start..i]);
            start = i + 1;
            switch (ch)
            {
                case '"':
                    buffer.Append("\\\"");
                    break;
                case '\\':
                    buffer.Append("\\\\");
                    break;
                case '\n':
                    buffer.Append("\\n");
                    break;
                case '\r':
                    buffer.Append("\\r");
                    break;
                case '\t':
                    buffer.Append("\\t");
                    break;
                case '\b':
                    buffer.Append("\\b");
                    break;
                case '\f':
                    buffer.Append("\\f");
                    break;
                default:
                    buffer.Append("\\u");
                    var hex = buffer.GetSpan(4);
                    ((int)ch).TryFormat(hex, out _, "x4", System.Globalization.CultureInfo.InvariantCulture);
                    buffer.Advance(4);
                    break;
            }
        }

        buffer.Append(value[start..]);
        buffer.Append('"');
    }
}
