using Vigil.Engine.Execution;
using Vigil.Engine.Planning.Expressions;

namespace Vigil.Engine.Functions.Geo;

/// <summary>Computes one geo_* result from the row's argument values (already converted to the declared types).</summary>
internal delegate ScalarValue GeoCompute(ReadOnlySpan<ScalarValue> arguments);

/// <summary>
/// A geo_* function computed per row by a <see cref="GeoCompute"/>; any null argument gives null, as the reference
/// documents for every geo function (invalid coordinates and shapes give null too, inside the compute).
/// </summary>
internal sealed class GeoRowFunction(string name, GeoCompute compute) : RowFunction(name)
{
    protected override ScalarValue Compute(ReadOnlySpan<ScalarValue> arguments, QueryContext context) => compute(arguments);
}
