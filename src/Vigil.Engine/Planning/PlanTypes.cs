using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning;

/// <summary>Type facts the planner and functions share.</summary>
internal static class PlanTypes
{
    /// <summary>The run-time type of a bound type: Unknown (only the data decides) is held as dynamic.</summary>
    public static ScalarType Normalize(ScalarType type) => type == ScalarType.Unknown ? ScalarType.Dynamic : type;

    public static bool IsNumeric(ScalarType type) => type is ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal;
}
