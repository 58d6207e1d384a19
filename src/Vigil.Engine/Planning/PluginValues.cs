using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning;

/// <summary>Value helpers the evaluate plugins share: text forms, values out of dynamic, empty cells.</summary>
internal static class PluginValues
{
    /// <summary>The value as tostring() gives it ("" for null).</summary>
    public static string Text(ScalarValue value)
    {
        if (value.IsNull)
        {
            return string.Empty;
        }

        return value.Type switch
        {
            ScalarType.String => value.String,
            ScalarType.Bool => value.Bool ? "true" : "false",
            ScalarType.Int or ScalarType.Long => value.Int64.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ScalarType.Real => RealText.Format(value.Real),
            ScalarType.Decimal => DecimalText.Format(value.Decimal),
            ScalarType.DateTime => DateTimeText.Format(value.Int64),
            ScalarType.TimeSpan => TimeSpanText.Format(value.Int64),
            ScalarType.Guid => GuidText.Format(value.Guid),
            _ => value.Dynamic.ToString(),
        };
    }

    /// <summary>A cell with no value: null, or "" for strings.</summary>
    public static ScalarValue Empty(ScalarType type) => type == ScalarType.String ? ScalarValue.FromString(string.Empty) : ScalarValue.Null(type);

    /// <summary>A dynamic value converted to <paramref name="type"/> as to*() would (null when it does not convert).</summary>
    public static ScalarValue FromDynamic(DynamicValue value, ScalarType type)
    {
        if (type == ScalarType.Dynamic)
        {
            return ScalarValue.FromDynamic(value);
        }

        if (value.IsNull)
        {
            return Empty(type);
        }

        return type switch
        {
            ScalarType.String => ScalarValue.FromString(value.Kind == DynamicKind.String ? value.StringValue : value.ToString()),
            ScalarType.Bool => DynamicConversions.TryToBool(value, out var b) ? ScalarValue.FromBool(b) : ScalarValue.Null(type),
            ScalarType.Int => DynamicConversions.TryToInt(value, out var i) ? ScalarValue.FromInt(i) : ScalarValue.Null(type),
            ScalarType.Long => DynamicConversions.TryToLong(value, out var l) ? ScalarValue.FromLong(l) : ScalarValue.Null(type),
            ScalarType.Real => DynamicConversions.TryToReal(value, out var r) ? ScalarValue.FromReal(r) : ScalarValue.Null(type),
            ScalarType.Decimal => DynamicConversions.TryToDecimal(value, out var d) ? ScalarValue.FromDecimal(d) : ScalarValue.Null(type),
            ScalarType.DateTime => DynamicConversions.TryToDateTime(value, out var t) ? ScalarValue.FromDateTime(t) : ScalarValue.Null(type),
            ScalarType.TimeSpan => DynamicConversions.TryToTimeSpan(value, out var s) ? ScalarValue.FromTimeSpan(s) : ScalarValue.Null(type),
            ScalarType.Guid => DynamicConversions.TryToGuid(value, out var g) ? ScalarValue.FromGuid(g) : ScalarValue.Null(type),
            _ => ScalarValue.Null(type),
        };
    }

    /// <summary>A value as dynamic (null stays null).</summary>
    public static DynamicValue ToDynamic(ScalarValue value) => value.ToDynamic();

    /// <summary>A value made to fit a column of <paramref name="type"/> (through dynamic when the types differ).</summary>
    public static ScalarValue Fit(ScalarValue value, ScalarType type) =>
        value.Type == type ? value : FromDynamic(ToDynamic(value), type);
}
