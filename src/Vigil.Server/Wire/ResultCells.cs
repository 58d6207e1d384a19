using System.Text.Json;
using Vigil.Engine;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Server.Wire;

/// <summary>How a wire format carries <c>dynamic</c> cells.</summary>
internal enum DynamicCells
{
    /// <summary>As a JSON-encoded string (the Log Analytics query API).</summary>
    JsonText,

    /// <summary>As the JSON value itself (the Kusto REST API, v1 and v2).</summary>
    JsonValue,
}

/// <summary>
/// One result cell as JSON, shared by every wire format: bool/int/long/real as JSON booleans and numbers
/// (non-finite reals as <c>"NaN"</c>/<c>"Infinity"</c>), datetimes as ISO 8601 with Z, dynamic values per
/// <see cref="DynamicCells"/>, everything else (guid, timespan, decimal, string) as KQL prints it, null as null.
/// </summary>
internal static class ResultCells
{
    public static void Write(Utf8JsonWriter writer, ResultColumn column, int row, DynamicCells dynamicCells)
    {
        if (column.IsNull(row))
        {
            writer.WriteNullValue();
            return;
        }

        switch (column.Type)
        {
            case ScalarType.Bool:
                writer.WriteBooleanValue(column.GetBool(row));
                break;
            case ScalarType.Int or ScalarType.Long:
                writer.WriteNumberValue(column.GetLong(row));
                break;
            case ScalarType.Real:
            {
                var value = column.GetReal(row);
                if (double.IsFinite(value))
                {
                    writer.WriteNumberValue(value);
                }
                else
                {
                    writer.WriteStringValue(RealText.Format(value));
                }

                break;
            }

            case ScalarType.DateTime:
                writer.WriteStringValue(DateTimeText.Format(column.GetLong(row), DateTimeTextStyle.Trimmed));
                break;
            case ScalarType.Dynamic when dynamicCells == DynamicCells.JsonValue:
                writer.WriteRawValue(column.GetDynamic(row).ToJsonString());
                break;
            case ScalarType.Dynamic:
                writer.WriteStringValue(column.GetDynamic(row).ToJsonString());
                break;
            default:
                writer.WriteStringValue(column.GetText(row));
                break;
        }
    }
}
