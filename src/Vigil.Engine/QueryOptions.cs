namespace Vigil.Engine;

/// <summary>How one query runs.</summary>
public sealed record QueryOptions
{
    // Declared before Default: static initializers run in text order.
    /// <summary>
    /// Kusto's default per-query memory limit (5 GB, <c>max_memory_consumption_per_query_per_node</c>), or half the
    /// memory available to the process when that is less.
    /// </summary>
    public static long DefaultMemoryBudget { get; } = Math.Min(5L << 30, Math.Max(256L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2));

    public static readonly QueryOptions Default = new();

    /// <summary>Kusto's default result truncation limit: 500,000 rows.</summary>
    public const int DefaultMaxRows = 500_000;

    /// <summary>
    /// Rows returned at most; more set <see cref="QueryResult.IsTruncated"/>. A query's <c>set truncationmaxrecords</c>
    /// / <c>notruncation</c> overrides it.
    /// </summary>
    public int MaxRows { get; init; } = DefaultMaxRows;

    /// <summary>Kusto's default result truncation size: 64 MB.</summary>
    public const long DefaultMaxResultBytes = 64L << 20;

    /// <summary>
    /// Result bytes returned at most (estimated as stored: 8 a value plus 2 a character); more set
    /// <see cref="QueryResult.IsTruncated"/>. A query's <c>set truncationmaxsize</c> / <c>notruncation</c> overrides it.
    /// </summary>
    public long MaxResultBytes { get; init; } = DefaultMaxResultBytes;

    /// <summary>The query's "now" (<c>now()</c>, <c>ago()</c>); default: the clock when the query starts.</summary>
    public DateTime? Now { get; init; }

    /// <summary>
    /// Optimizer passes to skip, by name (<c>constant-folding</c>, <c>predicate-pushdown</c>, <c>top-n</c>,
    /// <c>projection-pruning</c>); results must not change, so tests run queries both ways.
    /// </summary>
    public IReadOnlySet<string> DisabledOptimizerPasses { get; init; } = new HashSet<string>();

    /// <summary>Check plan invariants after every optimizer pass (tests turn it on).</summary>
    public bool VerifyPlans { get; init; }

    /// <summary>Restricts every table the query reads to this time range (the Log Analytics API's <c>timespan</c>).</summary>
    public TimeWindow? TimeWindow { get; init; }

    /// <summary>
    /// Threads a query's scans, filters and aggregations may use at once (extents are split among them); 1 runs
    /// everything on the calling thread. Results do not depend on it.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Bytes the query's stateful operators (summarize and join hash tables, sort buffers, materialize, make_set
    /// lists, the result) may hold at once; beyond it the query fails with a clear error instead of exhausting the
    /// process. Default: <see cref="DefaultMemoryBudget"/>.
    /// </summary>
    public long MemoryBudget { get; init; } = DefaultMemoryBudget;

    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// How long the query may run (Kusto's server timeout); past it the query fails with a
    /// <see cref="QueryException"/>. Null: no limit beyond <see cref="Cancellation"/>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }
}
