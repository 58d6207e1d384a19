using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;

namespace Vigil.Engine.Functions;

/// <summary>
/// A scalar function implementation, already specialised for its argument types when the planner resolved it
/// (see <see cref="FunctionRegistry"/>). <see cref="Evaluate"/> fills <c>result</c> for all physical rows of the
/// argument vectors in one typed loop, never per-row virtual calls.
/// </summary>
internal abstract class ScalarFunction(string name)
{
    /// <summary>The KQL name (<c>strlen</c>) or operator text (<c>==</c>, <c>has</c>).</summary>
    public string Name { get; } = name;

    /// <summary>Written between its two arguments in EXPLAIN output.</summary>
    public virtual bool IsOperator => false;

    /// <summary>False for functions whose value changes between calls (<c>rand</c>); <c>now()</c> is fixed per query.</summary>
    public virtual bool IsDeterministic => true;

    /// <summary>Computes <paramref name="rowCount"/> rows into <paramref name="result"/> (already reset to that count).</summary>
    public abstract void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context);
}

/// <summary>A <see cref="ScalarFunction"/> written between two operands (<c>a == b</c>, <c>a has b</c>).</summary>
internal abstract class OperatorFunction(string name) : ScalarFunction(name)
{
    public override bool IsOperator => true;
}
