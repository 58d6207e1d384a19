
namespace Vigil.Engine.Planning;

/// <summary>A planned query: the logical plan's root, what <c>render</c> asked for, and its result limits.</summary>
internal sealed class QueryPlan(LogicalOperator root, Visualization? visualization, ResultLimits? limits = null)
{
    public LogicalOperator Root { get; } = root;

    public Visualization? Visualization { get; } = visualization;

    /// <summary>The query's own <c>set notruncation</c> / <c>truncationmaxrecords</c> / <c>truncationmaxsize</c>.</summary>
    public ResultLimits Limits { get; } = limits ?? new ResultLimits();

    public QueryPlan WithRoot(LogicalOperator root) => new(root, Visualization, Limits);
}

/// <summary>
/// Result truncation the query asked for with <c>set</c> statements (Kusto's query limits): null values keep the
/// caller's limits.
/// </summary>
internal sealed record ResultLimits(bool NoTruncation = false, long? MaxRecords = null, long? MaxSize = null);
