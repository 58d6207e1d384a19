namespace Vigil.Server.Configuration;

/// <summary>
/// Per-principal query throttling as Log Analytics documents it (5 concurrent queries with a queue of 200 that
/// waits at most 3 minutes; 200 queries per 30 seconds), and request size limits.
/// </summary>
internal sealed record ServerLimits
{
    public int ConcurrentQueriesPerPrincipal { get; init; } = 5;

    /// <summary>Queries waiting for one of a principal's concurrent slots; one more is refused with 429.</summary>
    public int QueuedQueriesPerPrincipal { get; init; } = 200;

    /// <summary>How long a queued query waits for a slot before it is refused with 429.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public int QueriesPerWindow { get; init; } = 200;

    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest query request body (a query is text; this bounds memory per request).</summary>
    public long MaxQueryBodyBytes { get; init; } = 1 << 20;

    /// <summary>Largest request body of any endpoint (Kestrel's limit; ingestion endpoints set their own below it).</summary>
    public long MaxRequestBodyBytes { get; init; } = 30L << 20;
}
