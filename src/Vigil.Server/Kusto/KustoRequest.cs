using System.Globalization;
using System.Text.Json;
using Vigil.Engine;

namespace Vigil.Server.Kusto;

/// <summary>
/// A Kusto REST request body: <c>{"db": "...", "csl": "...", "properties": {"Options": {...}, "Parameters": {...}}}</c>.
/// <c>properties</c> comes as an object (the Node client) or as a JSON-encoded string (the .NET client); both are read.
/// The options Vigil honours: <c>servertimeout</c>, <c>truncationmaxrecords</c>, <c>notruncation</c> and <c>query_now</c>.
/// </summary>
internal sealed record KustoRequest(string Database, string Csl, TimeSpan ServerTimeout, int MaxRecords, DateTime? Now)
{
    /// <summary>Kusto's default server timeout for queries and commands: 4 minutes; at most 1 hour.</summary>
    public static readonly TimeSpan DefaultServerTimeout = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan MaxServerTimeout = TimeSpan.FromHours(1);

    public static bool TryParse(JsonElement body, out KustoRequest request, out string error)
    {
        request = null!;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "The request body must be a JSON object with 'db' and 'csl' properties.";
            return false;
        }

        string? database = null, csl = null;
        JsonElement? properties = null;
        foreach (var property in body.EnumerateObject())
        {
            if (property.NameEquals("db") && property.Value.ValueKind == JsonValueKind.String)
            {
                database = property.Value.GetString();
            }
            else if (property.NameEquals("csl") && property.Value.ValueKind == JsonValueKind.String)
            {
                csl = property.Value.GetString();
            }
            else if (property.NameEquals("properties"))
            {
                properties = property.Value;
            }
        }

        if (string.IsNullOrWhiteSpace(csl))
        {
            error = "The request has no 'csl' (the query or command text).";
            return false;
        }

        var timeout = DefaultServerTimeout;
        var maxRecords = QueryOptions.DefaultMaxRows;
        DateTime? now = null;
        if (properties is { } given && !TryReadOptions(given, ref timeout, ref maxRecords, ref now, out error))
        {
            return false;
        }

        request = new KustoRequest(database ?? string.Empty, csl, timeout, maxRecords, now);
        error = string.Empty;
        return true;
    }

    private static bool TryReadOptions(JsonElement properties, ref TimeSpan timeout, ref int maxRecords, ref DateTime? now, out string error)
    {
        error = string.Empty;
        if (properties.ValueKind == JsonValueKind.String)
        {
            var text = properties.GetString();
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            try
            {
                using var parsed = JsonDocument.Parse(text);
                return TryReadOptions(parsed.RootElement.Clone(), ref timeout, ref maxRecords, ref now, out error);
            }
            catch (JsonException e)
            {
                error = "The 'properties' string is not valid JSON: " + e.Message;
                return false;
            }
        }

        if (properties.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            error = "'properties' must be an object with 'Options' and 'Parameters'.";
            return false;
        }

        var options = properties.EnumerateObject().FirstOrDefault(p => p.Name.Equals("Options", StringComparison.OrdinalIgnoreCase)).Value;
        if (options.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        foreach (var option in options.EnumerateObject())
        {
            var name = option.Name;
            var value = option.Value;
            if (name.Equals("servertimeout", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryTimeSpan(value, out var parsed) || parsed <= TimeSpan.Zero)
                {
                    error = $"The option 'servertimeout' must be a positive timespan (like '00:04:00'), not {value.GetRawText()}.";
                    return false;
                }

                timeout = parsed > MaxServerTimeout ? MaxServerTimeout : parsed;
            }
            else if (name.Equals("truncationmaxrecords", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryLong(value, out var records) || records < 0)
                {
                    error = $"The option 'truncationmaxrecords' must be a non-negative integer, not {value.GetRawText()}.";
                    return false;
                }

                maxRecords = (int)Math.Min(records, int.MaxValue);
            }
            else if (name.Equals("notruncation", StringComparison.OrdinalIgnoreCase))
            {
                if (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() is "true" or "True"))
                {
                    maxRecords = int.MaxValue;
                }
            }
            else if (name.Equals("query_now", StringComparison.OrdinalIgnoreCase))
            {
                if (value.ValueKind != JsonValueKind.String
                    || !DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
                {
                    error = $"The option 'query_now' must be a datetime, not {value.GetRawText()}.";
                    return false;
                }

                now = instant;
            }
        }

        return true;
    }

    /// <summary>A timespan as Kusto clients send it: <c>[d.]hh:mm:ss[.fffffff]</c> text, or milliseconds as a number.</summary>
    private static bool TryTimeSpan(JsonElement value, out TimeSpan timespan)
    {
        timespan = default;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var milliseconds) && double.IsFinite(milliseconds))
        {
            if (milliseconds > TimeSpan.MaxValue.TotalMilliseconds)
            {
                return false;
            }

            timespan = TimeSpan.FromMilliseconds(milliseconds);
            return true;
        }

        return value.ValueKind == JsonValueKind.String
               && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out timespan);
    }

    private static bool TryLong(JsonElement value, out long number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
