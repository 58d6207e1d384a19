using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// Converts a value to <c>result</c>'s type by KQL's <c>to*()</c> rules (text forms and parsing from
/// <see cref="Vigil.Engine.Values"/>): <c>tostring</c>, <c>tolong</c>/<c>toint</c>, <c>toreal</c>/<c>todouble</c>,
/// <c>todecimal</c>, <c>tobool</c>, <c>todatetime</c>, <c>totimespan</c>, <c>toguid</c>, <c>todynamic</c>, and the
/// implicit widenings the planner inserts (int to long, long to real...). What cannot be converted is null.
/// </summary>
internal sealed class ConvertFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        var input = arguments[0];
        if (input.Type == result.Type && input.Kind != PhysicalKind.String)
        {
            for (var i = 0; i < rowCount; i++)
            {
                result.CopyRow(i, input, i);
            }

            return;
        }

        if (input.Kind == PhysicalKind.Int64 && result.Kind == PhysicalKind.Int64 && result.Type != ScalarType.Int
            && !(input.Type == ScalarType.DateTime && result.Type == ScalarType.TimeSpan))
        {
            input.Int64.AsSpan(0, rowCount).CopyTo(result.Int64);
            VectorKernels.PropagateNulls(arguments, result, rowCount);
            return;
        }

        for (var i = 0; i < rowCount; i++)
        {
            if (input.IsNull(i) && input.Kind != PhysicalKind.String)
            {
                if (result.Kind == PhysicalKind.String)
                {
                    result.Strings[i] = string.Empty;
                }
                else
                {
                    result.SetNull(i);
                }

                continue;
            }

            if (!TryConvert(input, i, result, i))
            {
                result.SetNull(i);
            }
        }
    }

    private static bool TryConvert(ColumnVector input, int row, ColumnVector result, int target)
    {
        switch (result.Type)
        {
            case ScalarType.String:
                result.Strings[target] = ToText(input, row);
                return true;
            case ScalarType.Long or ScalarType.Int:
            {
                if (!TryToLong(input, row, out var value))
                {
                    return false;
                }

                result.Int64[target] = result.Type == ScalarType.Int ? KqlArithmetic.TruncateToInt(value) : value;
                return true;
            }

            case ScalarType.Real:
            {
                if (!TryToReal(input, row, out var value))
                {
                    return false;
                }

                result.Real[target] = value;
                return true;
            }

            case ScalarType.Decimal:
            {
                decimal value;
                switch (input.Kind)
                {
                    case PhysicalKind.Int64: value = input.Int64[row]; break;
                    case PhysicalKind.Real:
                        if (!double.IsFinite(input.Real[row]))
                        {
                            return false;
                        }

                        value = (decimal)input.Real[row];
                        break;
                    case PhysicalKind.String:
                        if (!DecimalText.TryParse(input.GetString(row).AsSpan().Trim(), out value))
                        {
                            return false;
                        }

                        break;
                    case PhysicalKind.Dynamic:
                        if (!DynamicConversions.TryToDecimal(input.Dynamic[row], out value))
                        {
                            return false;
                        }

                        break;
                    case PhysicalKind.Bool: value = input.Bool[row] ? 1 : 0; break;
                    default: return false;
                }

                result.Decimal[target] = value;
                return true;
            }

            case ScalarType.Bool:
            {
                bool value;
                switch (input.Kind)
                {
                    case PhysicalKind.Int64: value = input.Int64[row] != 0; break;
                    case PhysicalKind.Real: value = input.Real[row] != 0; break;
                    case PhysicalKind.Decimal: value = input.Decimal[row] != 0; break;
                    case PhysicalKind.String:
                        if (!BoolText.TryParse(input.GetString(row).AsSpan().Trim(), out value))
                        {
                            return false;
                        }

                        break;
                    case PhysicalKind.Dynamic:
                        if (!DynamicConversions.TryToBool(input.Dynamic[row], out value))
                        {
                            return false;
                        }

                        break;
                    default: return false;
                }

                result.Bool[target] = value;
                return true;
            }

            case ScalarType.DateTime or ScalarType.TimeSpan:
            {
                long ticks;
                var isDate = result.Type == ScalarType.DateTime;
                switch (input.Kind)
                {
                    case PhysicalKind.Int64:
                        ticks = input.Int64[row];
                        if (input.Type is ScalarType.Int or ScalarType.Long && isDate)
                        {
                            return false;
                        }

                        break;
                    case PhysicalKind.String:
                    {
                        var text = input.GetString(row).AsSpan().Trim();
                        if (!(isDate ? DateTimeText.TryParse(text, out ticks) : TimeSpanText.TryParse(text, out ticks)))
                        {
                            return false;
                        }

                        break;
                    }

                    case PhysicalKind.Dynamic:
                        if (!(isDate ? DynamicConversions.TryToDateTime(input.Dynamic[row], out ticks)
                                : DynamicConversions.TryToTimeSpan(input.Dynamic[row], out ticks)))
                        {
                            return false;
                        }

                        break;
                    default: return false;
                }

                result.Int64[target] = ticks;
                return true;
            }

            case ScalarType.Guid:
            {
                Guid value;
                switch (input.Kind)
                {
                    case PhysicalKind.String:
                        if (!GuidText.TryParse(input.GetString(row).AsSpan().Trim(), out value))
                        {
                            return false;
                        }

                        break;
                    case PhysicalKind.Dynamic:
                        if (!DynamicConversions.TryToGuid(input.Dynamic[row], out value))
                        {
                            return false;
                        }

                        break;
                    default: return false;
                }

                result.Guid[target] = value;
                return true;
            }

            default:
                result.Dynamic[target] = ToDynamic(input, row);
                return true;
        }
    }

    public static bool TryToLong(ColumnVector input, int row, out long value)
    {
        value = 0;
        switch (input.Kind)
        {
            case PhysicalKind.Int64: value = input.Int64[row]; return true;
            case PhysicalKind.Real: return KqlArithmetic.TryTruncateToLong(input.Real[row], out value);
            case PhysicalKind.Decimal:
                var d = decimal.Truncate(input.Decimal[row]);
                if (d < long.MinValue || d > long.MaxValue)
                {
                    return false;
                }

                value = (long)d;
                return true;
            case PhysicalKind.Bool: value = input.Bool[row] ? 1 : 0; return true;
            case PhysicalKind.String:
            {
                var text = input.GetString(row).AsSpan().Trim();
                if (IntegerText.TryParseLong(text, out value))
                {
                    return true;
                }

                return RealText.TryParse(text, out var real) && KqlArithmetic.TryTruncateToLong(real, out value);
            }

            case PhysicalKind.Dynamic: return DynamicConversions.TryToLong(input.Dynamic[row], out value);
            default: return false;
        }
    }

    public static bool TryToReal(ColumnVector input, int row, out double value)
    {
        value = 0;
        switch (input.Kind)
        {
            case PhysicalKind.Int64: value = input.Int64[row]; return true;
            case PhysicalKind.Real: value = input.Real[row]; return true;
            case PhysicalKind.Decimal: value = (double)input.Decimal[row]; return true;
            case PhysicalKind.Bool: value = input.Bool[row] ? 1 : 0; return true;
            case PhysicalKind.String: return RealText.TryParse(input.GetString(row).AsSpan().Trim(), out value);
            case PhysicalKind.Dynamic: return DynamicConversions.TryToReal(input.Dynamic[row], out value);
            default: return false;
        }
    }

    /// <summary>The KQL text form of a row (tostring; also result cells): empty for null.</summary>
    public static string ToText(ColumnVector input, int row)
    {
        if (input.IsNull(row) && input.Kind != PhysicalKind.String)
        {
            return string.Empty;
        }

        return input.Type switch
        {
            ScalarType.String => input.GetString(row),
            ScalarType.Bool => BoolText.Format(input.Bool[row]),
            ScalarType.Int or ScalarType.Long => IntegerText.Format(input.Int64[row]),
            ScalarType.Real => RealText.Format(input.Real[row]),
            ScalarType.Decimal => DecimalText.Format(input.Decimal[row]),
            ScalarType.DateTime => DateTimeText.Format(input.Int64[row]),
            ScalarType.TimeSpan => TimeSpanText.Format(input.Int64[row]),
            ScalarType.Guid => GuidText.Format(input.Guid[row]),
            _ => (input.Dynamic[row] ?? DynamicValue.Null).ToString(),
        };
    }

    public static DynamicValue ToDynamic(ColumnVector input, int row)
    {
        if (input.IsNull(row))
        {
            return DynamicValue.Null;
        }

        return input.Type switch
        {
            ScalarType.String => DynamicValue.FromString(input.GetString(row)),
            ScalarType.Bool => DynamicValue.FromBool(input.Bool[row]),
            ScalarType.Int or ScalarType.Long => DynamicValue.FromLong(input.Int64[row]),
            ScalarType.Real => DynamicValue.FromReal(input.Real[row]),
            ScalarType.Decimal => DynamicValue.FromDecimal(input.Decimal[row]),
            ScalarType.DateTime => DynamicValue.FromDateTime(input.Int64[row]),
            ScalarType.TimeSpan => DynamicValue.FromTimeSpan(input.Int64[row]),
            ScalarType.Guid => DynamicValue.FromGuid(input.Guid[row]),
            _ => input.Dynamic[row] ?? DynamicValue.Null,
        };
    }
}
