namespace Vigil.Engine.Values;

/// <summary>
/// The <c>to*()</c> conversions applied to a dynamic value (<c>toint(d.x)</c>, <c>todatetime(d.ts)</c>, ...): a value
/// of the target kind is taken as is, a string is parsed as the string overloads do, numbers convert between
/// themselves (reals and decimals truncate toward zero for integers), bools are 1/0 and non-zero numbers true;
/// datetimes and timespans give their ticks to <c>tolong</c>. Anything else, or a value that does not fit, is null
/// (false). <c>tostring()</c> is <see cref="DynamicValue.ToString"/>.
/// </summary>
internal static class DynamicConversions
{
    public static bool TryToLong(DynamicValue value, out long result)
    {
        result = 0;
        switch (value.Kind)
        {
            case DynamicKind.Long:
                result = value.LongValue;
                return true;
            case DynamicKind.Real:
                return KqlArithmetic.TryTruncateToLong(value.RealValue, out result);
            case DynamicKind.Decimal:
                var truncated = decimal.Truncate(value.DecimalValue);
                if (truncated < long.MinValue || truncated > long.MaxValue)
                {
                    return false;
                }

                result = (long)truncated;
                return true;
            case DynamicKind.Bool:
                result = value.BoolValue ? 1 : 0;
                return true;
            case DynamicKind.DateTime:
                result = value.DateTimeTicks;
                return true;
            case DynamicKind.TimeSpan:
                result = value.TimeSpanTicks;
                return true;
            case DynamicKind.String:
                return IntegerText.TryParseLong(value.StringValue, out result);
            default:
                return false;
        }
    }

    public static bool TryToInt(DynamicValue value, out int result)
    {
        if (TryToLong(value, out var wide) && wide is >= int.MinValue and <= int.MaxValue)
        {
            result = (int)wide;
            return true;
        }

        result = 0;
        return false;
    }

    public static bool TryToReal(DynamicValue value, out double result)
    {
        result = 0;
        switch (value.Kind)
        {
            case DynamicKind.Real:
                result = value.RealValue;
                return true;
            case DynamicKind.Long:
                result = value.LongValue;
                return true;
            case DynamicKind.Decimal:
                result = (double)value.DecimalValue;
                return true;
            case DynamicKind.Bool:
                result = value.BoolValue ? 1 : 0;
                return true;
            case DynamicKind.String:
                return RealText.TryParse(value.StringValue, out result);
            default:
                return false;
        }
    }

    public static bool TryToDecimal(DynamicValue value, out decimal result)
    {
        result = 0;
        switch (value.Kind)
        {
            case DynamicKind.Decimal:
                result = value.DecimalValue;
                return true;
            case DynamicKind.Long:
                result = value.LongValue;
                return true;
            case DynamicKind.Real:
                var real = value.RealValue;
                // Beyond ±7.9e28 (or NaN, infinities) a System.Decimal cannot hold it: the documented gap.
                if (!(Math.Abs(real) < 7.9e28))
                {
                    return false;
                }

                result = (decimal)real;
                return true;
            case DynamicKind.Bool:
                result = value.BoolValue ? 1 : 0;
                return true;
            case DynamicKind.String:
                return DecimalText.TryParse(value.StringValue, out result);
            default:
                return false;
        }
    }

    public static bool TryToBool(DynamicValue value, out bool result)
    {
        result = false;
        switch (value.Kind)
        {
            case DynamicKind.Bool:
                result = value.BoolValue;
                return true;
            case DynamicKind.Long:
                result = value.LongValue != 0;
                return true;
            case DynamicKind.Real when !double.IsNaN(value.RealValue):
                result = value.RealValue != 0;
                return true;
            case DynamicKind.Decimal:
                result = value.DecimalValue != 0;
                return true;
            case DynamicKind.String:
                return BoolText.TryParse(value.StringValue, out result);
            default:
                return false;
        }
    }

    public static bool TryToDateTime(DynamicValue value, out long ticks)
    {
        ticks = 0;
        switch (value.Kind)
        {
            case DynamicKind.DateTime:
                ticks = value.DateTimeTicks;
                return true;
            case DynamicKind.String:
                return DateTimeText.TryParse(value.StringValue, out ticks);
            default:
                return false;
        }
    }

    public static bool TryToTimeSpan(DynamicValue value, out long ticks)
    {
        ticks = 0;
        switch (value.Kind)
        {
            case DynamicKind.TimeSpan:
                ticks = value.TimeSpanTicks;
                return true;
            case DynamicKind.String:
                return TimeSpanText.TryParse(value.StringValue, out ticks);
            default:
                return false;
        }
    }

    public static bool TryToGuid(DynamicValue value, out Guid result)
    {
        result = Guid.Empty;
        switch (value.Kind)
        {
            case DynamicKind.Guid:
                result = value.GuidValue;
                return true;
            case DynamicKind.String:
                return GuidText.TryParse(value.StringValue, out result);
            default:
                return false;
        }
    }
}
