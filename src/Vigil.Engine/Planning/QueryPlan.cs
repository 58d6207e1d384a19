namespace Vigil.Engine.Planning;

/// <summary>
/// A planned query: the logical plan's root, what <c>render</c> asked for, its result limits, and, when the query
/// returns several tables (<c>fork</c>, <c>facet</c>), every result table by name (the root is then the first one's plan).
/// </summary>
internal sealed class QueryPlan(
    LogicalOperator root, Visualization? visualization, ResultLimits? limits = null, IReadOnlyList<NamedPlan>? tables = null)
{
    public LogicalOperator Root { get; } = root;

    public Visualization? Visualization { get; } = visualization;

    /// <summary>The query's own <c>set notruncation</c> / <c>truncationmaxrecords</c> / <c>truncationmaxsize</c>.</summary>
    public ResultLimits Limits { get; } = limits ?? new ResultLimits();

    /// <summary>The result tables in order when there are several; null for the usual single result.</summary>
    public IReadOnlyList<NamedPlan>? Tables { get; } = tables;

    public QueryPlan WithRoot(LogicalOperator root) => new(root, Visualization, Limits, Tables);

    public QueryPlan WithTables(IReadOnlyList<NamedPlan> tables) => new(tables[0].Plan, Visualization, Limits, tables);
}

/// <summary>
/// Result truncation the query asked for with <c>set</c> statements (Kusto's query limits): null values keep the
/// caller's limits.
/// </summary>
internal sealed record ResultLimits(bool NoTruncation = false, long? MaxRecords = null, long? MaxSize = null);

/// <summary>One result table of a multi-table query and the name it travels under.</summary>
internal sealed record NamedPlan(string Name, LogicalOperator Plan);
