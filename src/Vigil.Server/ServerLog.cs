using Microsoft.Extensions.Logging;

namespace Vigil.Server;

/// <summary>The server's log messages (source-generated, so a disabled level costs nothing).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Failed} audit rows were refused by {Table}: {Reason}")]
    public static partial void AuditRowsRefused(ILogger logger, long failed, string table, string? reason);

    [LoggerMessage(2, LogLevel.Error, "Could not write {Count} rows to {Table}")]
    public static partial void AuditWriteFailed(ILogger logger, Exception error, int count, string table);

    [LoggerMessage(3, LogLevel.Error, "Unhandled error serving {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception error, string method, string? path);
}
