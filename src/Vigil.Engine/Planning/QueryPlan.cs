
namespace Vigil.Engine.Planning;

/// <summary>A planned query: the logical plan's root and what <c>render</c> asked for.</summary>
internal sealed class QueryPlan(LogicalOperator root, Visualization? visualization)
{
    public LogicalOperator Root { get; } = root;

    public Visualization? Visualization { get; } = visualization;

    public QueryPlan WithRoot(LogicalOperator root) => new(root, Visualization);
}
