namespace Vigil.Engine;

/// <summary>How one query runs.</summary>
public sealed record QueryOptions
{
    public static readonly QueryOptions Default = new();

    /// <summary>Kusto's default result truncation limit: 500,000 rows.</summary>
    public const int DefaultMaxRows = 500_000;

    /// <summary>Rows returned at most; more set <see cref="QueryResult.IsTruncated"/>.</summary>
    public int MaxRows { get; init; } = DefaultMaxRows;

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

    public CancellationToken Cancellation { get; init; }
}
