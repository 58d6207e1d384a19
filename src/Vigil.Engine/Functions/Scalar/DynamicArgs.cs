using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>Conversions between row arguments (<see cref="ScalarValue"/>) and dynamic values for the dynamic and series functions.</summary>
internal static class DynamicArgs
{
    /// <summary>Whether a function may build an array of this many elements (Kusto's ceiling for range() and repeat()).</summary>
    public const int MaxElements = 1 << 20;

    /// <summary>The argument as a dynamic value (a scalar becomes the dynamic scalar of its kind; null stays null).</summary>
    public static DynamicValue ToDynamic(in ScalarValue value) => value.ToDynamic();

    /// <summary>A dynamic result; a C# null is the null dynamic.</summary>
    public static ScalarValue Dynamic(DynamicValue? value) => ScalarValue.FromDynamic(value ?? DynamicValue.Null);

    public static ScalarValue NullDynamic => ScalarValue.Null(ScalarType.Dynamic);

    /// <summary>An array result that takes ownership of <paramref name="items"/>.</summary>
    public static ScalarValue Array(DynamicValue[] items) => ScalarValue.FromDynamic(DynamicValue.WrapArray(items));

    /// <summary>The argument as an array, or false when it is not one.</summary>
    public static bool TryArray(in ScalarValue value, out ReadOnlySpan<DynamicValue> items)
    {
        var d = value.Type == ScalarType.Dynamic ? value.Dynamic : DynamicValue.Null;
        items = d.ArrayItems;
        return d.Kind == DynamicKind.Array;
    }

    /// <summary>The argument as a property bag, or false when it is not one.</summary>
    public static bool TryBag(in ScalarValue value, out DynamicPropertyBag bag)
    {
        var d = value.Type == ScalarType.Dynamic ? value.Dynamic : DynamicValue.Null;
        bag = d.Bag;
        return d.Kind == DynamicKind.Bag;
    }

    /// <summary>An integer argument (int, long, a whole real, or a dynamic number); false when null or not a number.</summary>
    public static bool TryLong(in ScalarValue value, out long result)
    {
        result = 0;
        if (value.IsNull)
        {
            return false;
        }

        switch (value.Type)
        {
            case ScalarType.Int or ScalarType.Long:
                result = value.Int64;
                return true;
            case ScalarType.Real:
                return KqlArithmetic.TryTruncateToLong(value.Real, out result);
            case ScalarType.Decimal:
                return DynamicConversions.TryToLong(DynamicValue.FromDecimal(value.Decimal), out result);
            case ScalarType.Dynamic:
                return value.Dynamic.Kind is DynamicKind.Long or DynamicKind.Real or DynamicKind.Decimal
                    && DynamicConversions.TryToLong(value.Dynamic, out result);
            default:
                return false;
        }
    }

    /// <summary>A numeric argument as a real; false when null or not a number.</summary>
    public static bool TryReal(in ScalarValue value, out double result)
    {
        result = 0;
        if (value.IsNull)
        {
            return false;
        }

        switch (value.Type)
        {
            case ScalarType.Int or ScalarType.Long:
                result = value.Int64;
                return true;
            case ScalarType.Real:
                result = value.Real;
                return true;
            case ScalarType.Decimal:
                result = (double)value.Decimal;
                return true;
            case ScalarType.Dynamic:
                return TryNumber(value.Dynamic, out result);
            default:
                return false;
        }
    }

    /// <summary>A boolean argument (a bool, or a dynamic bool); false when null or not a bool.</summary>
    public static bool TryBool(in ScalarValue value, out bool result)
    {
        result = false;
        if (value.IsNull)
        {
            return false;
        }

        if (value.Type == ScalarType.Bool)
        {
            result = value.Bool;
            return true;
        }

        return value.Type == ScalarType.Dynamic && DynamicConversions.TryToBool(value.Dynamic, out result)
            && value.Dynamic.Kind != DynamicKind.String;
    }

    /// <summary>A dynamic number (long, real or decimal) as a real; false for anything else.</summary>
    public static bool TryNumber(DynamicValue value, out double result)
    {
        switch (value.Kind)
        {
            case DynamicKind.Long:
                result = value.LongValue;
                return true;
            case DynamicKind.Real:
                result = value.RealValue;
                return true;
            case DynamicKind.Decimal:
                result = (double)value.DecimalValue;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
