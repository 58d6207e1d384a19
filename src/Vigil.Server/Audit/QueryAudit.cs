using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vigil.Engine;
using Vigil.Server.Security;
using Vigil.Storage;

namespace Vigil.Server.Audit;

/// <summary>
/// Audits every query into the workspace's <c>LAQueryLogs</c> table through ordinary ingestion, so the audit is
/// queryable with KQL like any table. Recording only queues the row: a background writer ingests queued rows in
/// batches (one durable WAL write per batch, not per query) and <see cref="DisposeAsync"/> writes what is left.
/// Every query endpoint (Log Analytics, Kusto) calls <see cref="RecordAsync(HttpContext, string?, long?, long, DateTime, TimeWindow?)"/>
/// once it has answered. Without a workspace (no data directory) nothing is kept.
/// </summary>
internal sealed class QueryAudit : IAsyncDisposable
{
    public const string Table = "LAQueryLogs";

    private const int MaxBatch = 4096;

    private readonly Workspace? _workspace;
    private readonly Guid _workspaceId;
    private readonly ILogger _logger;
    private readonly Channel<(QueryAuditEntry? Entry, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateBounded<(QueryAuditEntry?, TaskCompletionSource?)>(new BoundedChannelOptions(100_000) { SingleReader = true });
    private readonly Task _writer;

    public QueryAudit(Workspace? workspace, Guid workspaceId, ILogger logger)
    {
        _workspace = workspace;
        _workspaceId = workspaceId;
        _logger = logger;
        _writer = workspace is null ? Task.CompletedTask : Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Records a query that has been answered: the status, caller and client come from <paramref name="context"/>,
    /// the duration from <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/> when it arrived).
    /// </summary>
    public ValueTask RecordAsync(
        HttpContext context, string? queryText, long? rowCount, long startTimestamp, DateTime submitted, TimeWindow? timeRange)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var clientApp = context.Request.Headers["x-ms-app"].ToString();
        return RecordAsync(new QueryAuditEntry
        {
            TimeGenerated = submitted,
            QueryText = queryText,
            ResponseCode = context.Response.StatusCode,
            ResponseRowCount = rowCount,
            ResponseDurationMs = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds,
            AadObjectId = Caller.ObjectId(user) ?? Caller.Id(user),
            AadEmail = Caller.Email(user),
            AadTenantId = Caller.TenantId(user),
            AadClientId = Caller.ClientId(user),
            RequestClientApp = clientApp.Length > 0 ? clientApp : context.Request.Headers.UserAgent.ToString(),
            RequestTarget = context.Request.Path.Value,
            CorrelationId = HttpErrors.CorrelationId(context),
            QueryTimeRangeStart = timeRange?.Start,
            QueryTimeRangeEnd = timeRange?.End,
        });
    }

    public ValueTask RecordAsync(QueryAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _workspace is null ? ValueTask.CompletedTask : WriteQueuedAsync(entry);
    }

    private async ValueTask WriteQueuedAsync(QueryAuditEntry entry)
    {
        try
        {
            await _queue.Writer.WriteAsync((entry, null)).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Shutting down: queries still finishing after the stop are not audited.
        }
    }

    /// <summary>Completes once every row recorded before the call is ingested (durable and queryable).</summary>
    public async Task FlushAsync()
    {
        if (_workspace is null)
        {
            return;
        }

        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((null, flushed)).ConfigureAwait(false);
        await flushed.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<QueryAuditEntry>();
        var waiting = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item.Entry is not null)
                {
                    batch.Add(item.Entry);
                }
                else
                {
                    waiting.Add(item.Flushed!);
                    break; // Rows queued after the flush marker need not hold it up.
                }
            }

            if (batch.Count > 0)
            {
                Write(batch);
                batch.Clear();
            }

            foreach (var flushed in waiting)
            {
                flushed.TrySetResult();
            }

            waiting.Clear();
        }
    }

    private void Write(List<QueryAuditEntry> batch)
    {
        try
        {
            using var lines = new MemoryStream();
            foreach (var entry in batch)
            {
                WriteLine(lines, entry);
            }

            lines.Position = 0;
            var result = _workspace!.Ingest(Table, lines, IngestFormat.JsonLines);
            if (result.FailedRows > 0)
            {
                ServerLog.AuditRowsRefused(_logger, result.FailedRows, Table, result.Failures.Count > 0 ? result.Failures[0].Reason : null);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or UnauthorizedAccessException or StorageCorruptionException)
        {
            // The audit must never take the server down; the failure is logged for the operator.
            ServerLog.AuditWriteFailed(_logger, e, batch.Count, Table);
        }
    }

    private void WriteLine(MemoryStream lines, QueryAuditEntry entry)
    {
        using (var writer = new Utf8JsonWriter(lines))
        {
            writer.WriteStartObject();
            writer.WriteString("TimeGenerated", entry.TimeGenerated);
            writer.WriteString("TenantId", _workspaceId.ToString());
            writer.WriteString("Type", Table);
            writer.WriteString("SourceSystem", "Vigil");
            WriteOptional(writer, "AADObjectId", entry.AadObjectId);
            WriteOptional(writer, "AADEmail", entry.AadEmail);
            WriteOptional(writer, "AADTenantId", entry.AadTenantId);
            WriteOptional(writer, "AADClientId", entry.AadClientId);
            WriteOptional(writer, "QueryText", entry.QueryText);
            writer.WriteNumber("ResponseCode", entry.ResponseCode);
            if (entry.ResponseRowCount is { } rows)
            {
                writer.WriteNumber("ResponseRowCount", rows);
            }

            writer.WriteNumber("ResponseDurationMs", Math.Round(entry.ResponseDurationMs, 3));
            WriteOptional(writer, "RequestClientApp", entry.RequestClientApp);
            WriteOptional(writer, "RequestTarget", entry.RequestTarget);
            WriteOptional(writer, "CorrelationId", entry.CorrelationId);
            // As the service writes it: the workspaces the query ran over.
            writer.WriteStartObject("RequestContext");
            writer.WriteStartArray("workspaces");
            writer.WriteStringValue(_workspaceId.ToString());
            writer.WriteEndArray();
            writer.WriteEndObject();
            if (entry.QueryTimeRangeStart is { } start && entry.QueryTimeRangeEnd is { } end)
            {
                writer.WriteString("QueryTimeRangeStart", start.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteString("QueryTimeRangeEnd", end.ToString("O", CultureInfo.InvariantCulture));
            }

            writer.WriteBoolean("IsBillableQuery", false);
            writer.WriteNumber("StatsWorkspaceCount", 1);
            writer.WriteNumber("StatsRegionCount", 1);
            writer.WriteEndObject();
        }

        lines.WriteByte((byte)'\n');
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
