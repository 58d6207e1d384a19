using Vigil.Engine.Execution.Operators;

namespace Vigil.Engine.Planning;

/// <summary>
/// Runs a logical plan to completion while the outer query is being planned (optimized, then executed over the
/// query's snapshot): how <c>toscalar</c>, <c>in (subquery)</c>, <c>materialize</c> and scalar query statements get
/// their values as constants before the outer plan runs.
/// </summary>
internal delegate RowBuffer SubqueryRunner(LogicalOperator plan);
