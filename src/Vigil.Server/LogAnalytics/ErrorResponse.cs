using System.Text.Json;
using Vigil.Engine;

namespace Vigil.Server.LogAnalytics;

/// <summary>
/// The API's error body: <c>{"error":{"message","code","correlationId","innererror":{"code","message","innererror":{...}}}}</c>,
/// the top level a generic code (<c>BadArgumentError</c>), the inner levels saying what was wrong and where.
/// </summary>
internal static class ErrorResponse
{
    public static void WriteBadArgument(Utf8JsonWriter writer, string correlationId, string message) =>
        Write(writer, correlationId, "BadArgumentError", "The request had some invalid properties", [("BadArgumentError", message)]);

    /// <summary>A query the engine refused or failed: syntax and semantic errors name the diagnostic code.</summary>
    public static void WriteQueryFailure(Utf8JsonWriter writer, string correlationId, QueryException failure)
    {
        var (code, generic) = failure.Kind switch
        {
            QueryErrorKind.Syntax => ("SyntaxError", "A syntax error occurred in the query."),
            QueryErrorKind.Semantic => ("SemanticError", "A semantic error occurred."),
            QueryErrorKind.NotSupported => ("NotSupportedError", "The query uses something Vigil does not run yet."),
            _ => ("QueryExecutionError", "The query failed while running."),
        };
        var top = failure.Kind == QueryErrorKind.Runtime
            ? ("InternalServerError", "The query could not be completed")
            : ("BadArgumentError", "The request had some invalid properties");
        var detail = !failure.Diagnostics.IsDefaultOrEmpty
            ? (failure.Diagnostics[0].Code, $"{failure.Diagnostics[0].Message} (at offset {failure.Diagnostics[0].Start})")
            : (code, failure.Message);
        Write(writer, correlationId, top.Item1, top.Item2, [(code, generic), detail]);
    }

    public static void Write(Utf8JsonWriter writer, string correlationId, string code, string message, IReadOnlyList<(string Code, string Message)> inner)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("code", code);
        writer.WriteString("correlationId", correlationId);
        foreach (var (innerCode, innerMessage) in inner)
        {
            writer.WriteStartObject("innererror");
            writer.WriteString("code", innerCode);
            writer.WriteString("message", innerMessage);
        }

        foreach (var _ in inner)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
