using System.Globalization;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Ingestion;

/// <summary>
/// How the HTTP Data Collector API names and types a record's fields: the column is the property name plus a suffix
/// for the JSON value's type, <c>_s</c> string, <c>_d</c> double, <c>_b</c> boolean, <c>_t</c> datetime (an ISO 8601
/// string), <c>_g</c> GUID (a GUID string). So a field that later arrives with another type lands in another column
/// (<c>code_s</c>, then <c>code_d</c>). Nested objects and arrays are stored as their JSON text in <c>_s</c>; nulls are left out.
/// </summary>
internal static class TypedFields
{
    public static (string Column, ColumnType Type)? Classify(string property, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True or JsonValueKind.False => (property + "_b", ColumnType.Bool),
        JsonValueKind.Number => (property + "_d", ColumnType.Real),
        JsonValueKind.String when value.GetString() is { } text && Guid.TryParseExact(text, "D", out _) => (property + "_g", ColumnType.Guid),
        JsonValueKind.String when value.GetString() is { } text && TryDateTime(text, out _) => (property + "_t", ColumnType.DateTime),
        _ => (property + "_s", ColumnType.String),
    };

    /// <summary>An ISO 8601 date and time (<c>YYYY-MM-DDThh:mm:ss[.f...][Z|±hh:mm]</c>), as the API recognizes them.</summary>
    public static bool TryDateTime(string text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] is not ('T' or 't') || text[13] != ':')
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed.UtcDateTime;
        return true;
    }
}
