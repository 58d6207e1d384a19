namespace Vigil.Engine.Execution;

/// <summary>
/// What a running query shares with its operators and functions: the fixed "now", cancellation, the memory budget
/// and how many threads its scans may use.
/// </summary>
internal sealed class QueryContext(long nowTicks, CancellationToken cancellation, MemoryBudget? memory = null, int parallelism = 1)
{
    /// <summary><c>now()</c> and <c>ago()</c> use this one instant for the whole query, as Kusto does.</summary>
    public long NowTicks { get; } = nowTicks;

    public CancellationToken Cancellation { get; } = cancellation;

    public MemoryBudget Memory { get; } = memory ?? new MemoryBudget(QueryOptions.DefaultMemoryBudget);

    /// <summary>Threads the query's scans may use at once (1: serial).</summary>
    public int Parallelism { get; } = Math.Max(1, parallelism);

    /// <summary>A new account against the budget for one operator instance.</summary>
    public MemoryAccount Account(string operatorName) => new(Memory, operatorName);
}
