using Vigil.Engine.Execution.Operators;

namespace Vigil.Engine.Planning.Operators;

/// <summary>
/// Rows computed once while planning (<c>materialize()</c>, <c>as hint.materialized=true</c>, subqueries that
/// <c>toscalar</c>, <c>in</c> and tabular function calls need as values): every read replays the same rows.
/// </summary>
internal sealed class LogicalMaterialized(RowBuffer rows, string kind) : LeafLogicalOperator(rows.Schema)
{
    public RowBuffer Rows { get; } = rows;

    /// <summary>What asked for it (for EXPLAIN).</summary>
    public string Kind { get; } = kind;

    public override string Describe() => $"Materialized({Kind}) {Schema} x{Rows.Count}";
}
