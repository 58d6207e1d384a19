namespace Vigil.Engine.Planning;

/// <summary>
/// A planned query: the logical plan's root, what <c>render</c> asked for, and, when the query returns several
/// tables (<c>fork</c>, <c>facet</c>), every result table by name (the root is then the first one's plan).
/// </summary>
internal sealed class QueryPlan(LogicalOperator root, Visualization? visualization, IReadOnlyList<NamedPlan>? tables = null)
{
    public LogicalOperator Root { get; } = root;

    public Visualization? Visualization { get; } = visualization;

    /// <summary>The result tables in order when there are several; null for the usual single result.</summary>
    public IReadOnlyList<NamedPlan>? Tables { get; } = tables;

    public QueryPlan WithRoot(LogicalOperator root) => new(root, Visualization, Tables);

    public QueryPlan WithTables(IReadOnlyList<NamedPlan> tables) => new(tables[0].Plan, Visualization, tables);
}

/// <summary>One result table of a multi-table query and the name it travels under.</summary>
internal sealed record NamedPlan(string Name, LogicalOperator Plan);
