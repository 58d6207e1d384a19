using System.Text.Json;
using Vigil.Engine;

namespace Vigil.Server.Kusto;

/// <summary>
/// A Kusto error in the OneApiErrors shape the service sends, as the body of a failed request and inside v2 frames:
/// <c>{"error":{"code","message","@type","@message","@context":{...},"@permanent"}}</c>. <c>message</c> is the generic
/// sentence, <c>@message</c> the specific one clients show.
/// </summary>
internal sealed record KustoError(string Code, string Message, string Type, string DetailedMessage, bool Permanent)
{
    public static KustoError BadRequest(string detail) => new(
        "General_BadRequest", "Request is invalid and cannot be executed.", "Kusto.Data.Exceptions.KustoBadRequestException",
        "Request is invalid and cannot be processed: " + detail, true);

    /// <summary>A query the engine refused (syntax, semantics, unsupported) or failed while running.</summary>
    public static KustoError FromQuery(QueryException failure)
    {
        var detail = !failure.Diagnostics.IsDefaultOrEmpty
            ? $"{failure.Diagnostics[0].Code}: {failure.Diagnostics[0].Message} (at offset {failure.Diagnostics[0].Start})"
            : failure.Message;
        return failure.Kind switch
        {
            QueryErrorKind.Syntax => new KustoError(
                "BadRequest_SyntaxError", "Request is invalid and cannot be executed.", "Kusto.Data.Exceptions.SyntaxException",
                "Syntax error: " + detail, true),
            QueryErrorKind.Semantic => BadRequest("Semantic error: " + detail),
            QueryErrorKind.NotSupported => new KustoError(
                "BadRequest_NotSupported", "Request is invalid and cannot be executed.", "Kusto.Data.Exceptions.KustoBadRequestException",
                "Request is not supported: " + detail, true),
            _ => Internal(detail),
        };
    }

    public static KustoError Internal(string detail) => new(
        "Internal_Error", "Query execution failed.", "Kusto.Data.Exceptions.KustoServiceException", detail, false);

    public static KustoError Timeout(TimeSpan limit) => new(
        "LimitsExceeded", "Request is invalid and cannot be executed.", "Kusto.Data.Exceptions.KustoRequestThrottledException",
        $"Query execution has exceeded the allowed limits: the request was cancelled after the server timeout ({limit:c}; set the 'servertimeout' option).",
        false);

    public static KustoError Truncated(int limit) => new(
        "LimitsExceeded", "Request is invalid and cannot be executed.", "Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException",
        $"Query result set has exceeded the internal record count limit {limit} (E_QUERY_RESULT_SET_TOO_LARGE; set 'truncationmaxrecords' or 'notruncation').",
        false);

    /// <summary>Writes <c>{"error":{...}}</c>.</summary>
    public void Write(Utf8JsonWriter writer, string clientRequestId, string activityId)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", Code);
        writer.WriteString("message", Message);
        writer.WriteString("@type", Type);
        writer.WriteString("@message", DetailedMessage);
        writer.WriteStartObject("@context");
        writer.WriteString("timestamp", DateTime.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("serviceAlias", "VIGIL");
        writer.WriteString("clientRequestId", clientRequestId);
        writer.WriteString("activityId", activityId);
        writer.WriteEndObject();
        writer.WriteBoolean("@permanent", Permanent);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
