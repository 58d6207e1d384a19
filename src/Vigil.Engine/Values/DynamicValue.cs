using System.Diagnostics.CodeAnalysis;

namespace Vigil.Engine.Values;

/// <summary>
/// A KQL <c>dynamic</c> value: null, a scalar (bool, long, real, decimal, datetime, timespan, guid, string), an
/// array of dynamic values, or a property bag. Immutable and shareable across threads. A missing value is always
/// <see cref="Null"/>, never a C# null. Partial files: access (<c>x.a</c>, <c>x[0]</c>), equality, JSON reading and
/// writing, text.
/// </summary>
public sealed partial class DynamicValue
{
    private const int SmallLongMin = -16;
    private const int SmallLongMax = 255;

    private static readonly DynamicValue[] SmallLongs = CreateSmallLongs(fromJsonInt: false);
    private static readonly DynamicValue[] SmallJsonInts = CreateSmallLongs(fromJsonInt: true);

    // bool (0/1), long, real (bits), datetime and timespan ticks.
    private readonly long _bits;

    // string, DynamicValue[] (array), DynamicPropertyBag, boxed Guid or decimal.
    private readonly object? _reference;

    // A JSON integer that fits 32 bits: gettype() calls it "int" (gettype-function.md: gettype(parse_json('1'))).
    private readonly bool _isJsonInt;

    private DynamicValue(DynamicKind kind, long bits, object? reference, bool isJsonInt = false)
    {
        Kind = kind;
        _bits = bits;
        _reference = reference;
        _isJsonInt = isJsonInt;
    }

    public DynamicKind Kind { get; }

    public bool IsNull => Kind == DynamicKind.Null;

    public static DynamicValue Null { get; } = new(DynamicKind.Null, 0, null);

    public static DynamicValue True { get; } = new(DynamicKind.Bool, 1, null);

    public static DynamicValue False { get; } = new(DynamicKind.Bool, 0, null);

    public static DynamicValue EmptyArray { get; } = new(DynamicKind.Array, 0, Array.Empty<DynamicValue>());

    public static DynamicValue EmptyBag { get; } = new(DynamicKind.Bag, 0, DynamicPropertyBag.Empty);

    public static DynamicValue FromBool(bool value) => value ? True : False;

    public static DynamicValue FromLong(long value) =>
        value is >= SmallLongMin and <= SmallLongMax ? SmallLongs[value - SmallLongMin] : new(DynamicKind.Long, value, null);

    /// <summary>An integer read from JSON text: a long whose <see cref="TypeName"/> is "int" when it fits 32 bits.</summary>
    internal static DynamicValue FromJsonInteger(long value)
    {
        if (value is < int.MinValue or > int.MaxValue)
        {
            return FromLong(value);
        }

        return value is >= SmallLongMin and <= SmallLongMax
            ? SmallJsonInts[value - SmallLongMin]
            : new(DynamicKind.Long, value, null, isJsonInt: true);
    }

    public static DynamicValue FromReal(double value) => new(DynamicKind.Real, BitConverter.DoubleToInt64Bits(value), null);

    public static DynamicValue FromDecimal(decimal value) => new(DynamicKind.Decimal, 0, value);

    /// <summary>A datetime (ticks); an out-of-range value becomes <see cref="Null"/>.</summary>
    public static DynamicValue FromDateTime(long ticks) =>
        KqlTime.IsValidDateTime(ticks) ? new(DynamicKind.DateTime, ticks, null) : Null;

    public static DynamicValue FromTimeSpan(long ticks) => new(DynamicKind.TimeSpan, ticks, null);

    public static DynamicValue FromGuid(Guid value) => new(DynamicKind.Guid, 0, value);

    /// <summary>A string; a C# null becomes <see cref="Null"/>.</summary>
    public static DynamicValue FromString(string? value) => value is null ? Null : new(DynamicKind.String, 0, value);

    /// <summary>An array holding a copy of <paramref name="items"/> (a C# null element becomes <see cref="Null"/>).</summary>
    public static DynamicValue FromArray(ReadOnlySpan<DynamicValue?> items)
    {
        if (items.IsEmpty)
        {
            return EmptyArray;
        }

        var copy = new DynamicValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            copy[i] = items[i] ?? Null;
        }

        return new(DynamicKind.Array, 0, copy);
    }

    /// <summary>An array that takes ownership of <paramref name="items"/> (the caller must not change it afterwards).</summary>
    internal static DynamicValue WrapArray(DynamicValue[] items) =>
        items.Length == 0 ? EmptyArray : new(DynamicKind.Array, 0, items);

    public static DynamicValue FromBag(DynamicPropertyBag bag) =>
        bag.Count == 0 ? EmptyBag : new(DynamicKind.Bag, 0, bag);

    public bool BoolValue => Kind == DynamicKind.Bool ? _bits != 0 : ThrowKind<bool>(DynamicKind.Bool);

    public long LongValue => Kind == DynamicKind.Long ? _bits : ThrowKind<long>(DynamicKind.Long);

    public double RealValue =>
        Kind == DynamicKind.Real ? BitConverter.Int64BitsToDouble(_bits) : ThrowKind<double>(DynamicKind.Real);

    public decimal DecimalValue => Kind == DynamicKind.Decimal ? (decimal)_reference! : ThrowKind<decimal>(DynamicKind.Decimal);

    public long DateTimeTicks => Kind == DynamicKind.DateTime ? _bits : ThrowKind<long>(DynamicKind.DateTime);

    public long TimeSpanTicks => Kind == DynamicKind.TimeSpan ? _bits : ThrowKind<long>(DynamicKind.TimeSpan);

    public Guid GuidValue => Kind == DynamicKind.Guid ? (Guid)_reference! : ThrowKind<Guid>(DynamicKind.Guid);

    public string StringValue => Kind == DynamicKind.String ? (string)_reference! : ThrowKind<string>(DynamicKind.String);

    /// <summary>The elements of an array (empty for any other kind).</summary>
    public ReadOnlySpan<DynamicValue> ArrayItems => Kind == DynamicKind.Array ? (DynamicValue[])_reference! : default;

    /// <summary>The property bag (empty for any other kind).</summary>
    public DynamicPropertyBag Bag => Kind == DynamicKind.Bag ? (DynamicPropertyBag)_reference! : DynamicPropertyBag.Empty;

    /// <summary>The number of elements of an array or properties of a bag; 0 for anything else.</summary>
    public int Count => Kind switch
    {
        DynamicKind.Array => ((DynamicValue[])_reference!).Length,
        DynamicKind.Bag => ((DynamicPropertyBag)_reference!).Count,
        _ => 0,
    };

    /// <summary>
    /// What <c>gettype()</c> returns for the value: null, bool, int (a 32-bit JSON integer), long, real, decimal,
    /// datetime, timespan, guid, string, array or dictionary.
    /// </summary>
    public string TypeName => Kind switch
    {
        DynamicKind.Null => "null",
        DynamicKind.Bool => "bool",
        DynamicKind.Long => _isJsonInt ? "int" : "long",
        DynamicKind.Real => "real",
        DynamicKind.Decimal => "decimal",
        DynamicKind.DateTime => "datetime",
        DynamicKind.TimeSpan => "timespan",
        DynamicKind.Guid => "guid",
        DynamicKind.String => "string",
        DynamicKind.Array => "array",
        _ => "dictionary",
    };

    private static DynamicValue[] CreateSmallLongs(bool fromJsonInt)
    {
        var values = new DynamicValue[SmallLongMax - SmallLongMin + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new DynamicValue(DynamicKind.Long, i + SmallLongMin, null, fromJsonInt);
        }

        return values;
    }

    [DoesNotReturn]
    private T ThrowKind<T>(DynamicKind expected) =>
        throw new InvalidOperationException($"The dynamic value is {Kind}, not {expected}.");
}
