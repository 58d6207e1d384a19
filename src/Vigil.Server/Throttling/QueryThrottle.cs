using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Vigil.Server.Audit;
using Vigil.Server.Configuration;
using Vigil.Server.Security;

namespace Vigil.Server.Throttling;

/// <summary>
/// Log Analytics' per-user query throttling on the endpoints marked with <see cref="QueryThrottling.RequireQueryThrottling"/>:
/// a request rate (200 queries per 30 s) and a concurrency limit (5 running; up to 200 more wait in a queue for at
/// most 3 minutes). Past either: 429 with <c>Retry-After</c> and a Log Analytics error body, audited like any query.
/// Callers are told apart by their token's object id (else the client address); runs after authentication.
/// </summary>
internal sealed class QueryThrottle : IAsyncDisposable
{
    /// <summary>What a caller refused for concurrency is told to wait: a running query usually ends within seconds.</summary>
    private static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(5);

    private readonly PartitionedRateLimiter<string> _rate;
    private readonly PartitionedRateLimiter<string> _concurrency;
    private readonly TimeSpan _queueTimeout;
    private readonly ServerLimits _limits;

    public QueryThrottle(ServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        _queueTimeout = limits.QueueTimeout;
        _rate = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.QueriesPerWindow,
            Window = limits.RateWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _concurrency = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.ConcurrentQueriesPerPrincipal,
            QueueLimit = limits.QueuedQueriesPerPrincipal,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    /// <summary>The middleware: passes unmarked endpoints straight through.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetEndpoint()?.Metadata.GetMetadata<QueryThrottleMetadata>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var caller = Caller.Id(context.User) ?? "address:" + context.Connection.RemoteIpAddress;
        var arrived = Stopwatch.GetTimestamp();
        var submitted = DateTime.UtcNow;
        using (var rate = _rate.AttemptAcquire(caller))
        {
            if (!rate.IsAcquired)
            {
                var retry = rate.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _limits.RateWindow;
                await RefuseAsync(context, retry, "QueryRateLimitExceeded", string.Create(
                    CultureInfo.InvariantCulture,
                    $"The caller sent more than {_limits.QueriesPerWindow} queries in {_limits.RateWindow.TotalSeconds:0} seconds."), arrived, submitted).ConfigureAwait(false);
                return;
            }
        }

        using var waited = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        waited.CancelAfter(_queueTimeout);
        RateLimitLease slot;
        try
        {
            slot = await _concurrency.AcquireAsync(caller, 1, waited.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await RefuseAsync(context, ConcurrencyRetryAfter, "ConcurrentQueryQueueTimeout", string.Create(
                CultureInfo.InvariantCulture,
                $"The query waited {_queueTimeout.TotalSeconds:0} seconds for one of the caller's {_limits.ConcurrentQueriesPerPrincipal} concurrent query slots."), arrived, submitted).ConfigureAwait(false);
            return;
        }

        using (slot)
        {
            if (!slot.IsAcquired)
            {
                await RefuseAsync(context, ConcurrencyRetryAfter, "ConcurrentQueryLimitExceeded", string.Create(
                    CultureInfo.InvariantCulture,
                    $"The caller already has {_limits.ConcurrentQueriesPerPrincipal} queries running and {_limits.QueuedQueriesPerPrincipal} waiting."), arrived, submitted).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _rate.DisposeAsync().ConfigureAwait(false);
        await _concurrency.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task RefuseAsync(HttpContext context, TimeSpan retryAfter, string code, string detail, long arrived, DateTime submitted)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await HttpErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, "ThrottledError", "Too many requests: the query was throttled; retry after the time in Retry-After", code, detail)
            .ConfigureAwait(false);
        // Log Analytics audits throttled queries too (ResponseCode 429); the text is known for a GET.
        if (context.RequestServices.GetService(typeof(QueryAudit)) is QueryAudit audit)
        {
            var text = context.Request.Query["query"].ToString();
            await audit.RecordAsync(context, text.Length > 0 ? text : null, null, arrived, submitted, null).ConfigureAwait(false);
        }
    }
}
