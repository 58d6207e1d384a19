using System.Globalization;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning.Expressions;

/// <summary>
/// One KQL scalar value of a known type, used for constants in plans and for values crossing the row boundary
/// (datatable cells, folded constants). Never used per row on hot paths.
/// </summary>
internal readonly struct ScalarValue : IEquatable<ScalarValue>
{
    private readonly long _bits;
    private readonly double _real;
    private readonly object? _reference;

    private ScalarValue(ScalarType type, bool isNull, long bits, double real, object? reference)
    {
        Type = type;
        IsNull = isNull;
        _bits = bits;
        _real = real;
        _reference = reference;
    }

    public ScalarType Type { get; }

    public bool IsNull { get; }

    public long Int64 => _bits;

    public double Real => _real;

    public bool Bool => _bits != 0;

    public decimal Decimal => _reference is decimal d ? d : 0m;

    public Guid Guid => _reference is Guid g ? g : System.Guid.Empty;

    public string String => _reference as string ?? string.Empty;

    public DynamicValue Dynamic => _reference as DynamicValue ?? DynamicValue.Null;

    public static ScalarValue Null(ScalarType type) =>
        type == ScalarType.String ? FromString(string.Empty) : new(type, true, 0, 0, null);

    public static ScalarValue FromBool(bool value) => new(ScalarType.Bool, false, value ? 1 : 0, 0, null);

    public static ScalarValue FromInt(int value) => new(ScalarType.Int, false, value, 0, null);

    public static ScalarValue FromLong(long value) => new(ScalarType.Long, false, value, 0, null);

    public static ScalarValue FromInt64(ScalarType type, long value) => new(type, false, value, 0, null);

    public static ScalarValue FromReal(double value) => new(ScalarType.Real, false, 0, value, null);

    public static ScalarValue FromDecimal(decimal value) => new(ScalarType.Decimal, false, 0, 0, value);

    public static ScalarValue FromDateTime(long ticks) => new(ScalarType.DateTime, false, ticks, 0, null);

    public static ScalarValue FromTimeSpan(long ticks) => new(ScalarType.TimeSpan, false, ticks, 0, null);

    public static ScalarValue FromGuid(Guid value) => new(ScalarType.Guid, false, 0, 0, value);

    public static ScalarValue FromString(string value) => new(ScalarType.String, false, 0, 0, value ?? string.Empty);

    public static ScalarValue FromDynamic(DynamicValue value) =>
        new(ScalarType.Dynamic, value.IsNull, 0, 0, value);

    /// <summary>The value as dynamic: a scalar becomes the dynamic scalar of its kind; null stays null; a string is never null.</summary>
    public DynamicValue ToDynamic()
    {
        if (IsNull && Type != ScalarType.String)
        {
            return DynamicValue.Null;
        }

        return Type switch
        {
            ScalarType.String => DynamicValue.FromString(String),
            ScalarType.Bool => DynamicValue.FromBool(Bool),
            ScalarType.Int or ScalarType.Long => DynamicValue.FromLong(Int64),
            ScalarType.Real => DynamicValue.FromReal(Real),
            ScalarType.Decimal => DynamicValue.FromDecimal(Decimal),
            ScalarType.DateTime => DynamicValue.FromDateTime(Int64),
            ScalarType.TimeSpan => DynamicValue.FromTimeSpan(Int64),
            ScalarType.Guid => DynamicValue.FromGuid(Guid),
            _ => Dynamic,
        };
    }

    public bool Equals(ScalarValue other) =>
        Type == other.Type && IsNull == other.IsNull && _bits == other._bits && _real.Equals(other._real) && Equals(_reference, other._reference);

    public override bool Equals(object? obj) => obj is ScalarValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, IsNull, _bits, _real, _reference);

    /// <summary>The value as a KQL literal (for EXPLAIN and diagnostics).</summary>
    public override string ToString()
    {
        if (IsNull)
        {
            return TypeFacts.GetName(Type) + "(null)";
        }

        return Type switch
        {
            ScalarType.Bool => Bool ? "true" : "false",
            ScalarType.Int => "int(" + Int64.ToString(CultureInfo.InvariantCulture) + ")",
            ScalarType.Long => Int64.ToString(CultureInfo.InvariantCulture),
            ScalarType.Real => "real(" + RealText.Format(Real) + ")",
            ScalarType.Decimal => "decimal(" + DecimalText.Format(Decimal) + ")",
            ScalarType.DateTime => "datetime(" + DateTimeText.Format(Int64) + ")",
            ScalarType.TimeSpan => "timespan(" + TimeSpanText.Format(Int64) + ")",
            ScalarType.Guid => "guid(" + GuidText.Format(Guid) + ")",
            ScalarType.String => "\"" + String.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            _ => "dynamic(" + Dynamic.ToJsonString() + ")",
        };
    }
}
