using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>One row's rule of a long-tail function over <see cref="ScalarValue"/>s (see <see cref="RowFunction"/>).</summary>
internal delegate ScalarValue RowRule(ReadOnlySpan<ScalarValue> arguments);

/// <summary>
/// A <see cref="RowFunction"/> whose per-row rule is a static method of a family's semantics class
/// (<see cref="DynamicArrays"/>, <see cref="DynamicBags"/>, <see cref="SeriesMath"/>...), so that the many small
/// dynamic and series functions need no class each.
/// </summary>
internal sealed class DynamicRowFunction(string name, RowRule rule, bool propagatesNulls = true) : RowFunction(name)
{
    protected override bool PropagatesNulls => propagatesNulls;

    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context) => rule(arguments);
}
