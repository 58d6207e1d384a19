using Vigil.Kql.Symbols;

namespace Vigil.Engine.Execution.Vectors;

/// <summary>How a column's values are held in memory. Several KQL types share one representation.</summary>
internal enum PhysicalKind : byte
{
    /// <summary><c>bool[]</c>.</summary>
    Bool,

    /// <summary><c>long[]</c>: int (widened), long, datetime ticks, timespan ticks.</summary>
    Int64,

    /// <summary><c>double[]</c>.</summary>
    Real,

    /// <summary><c>decimal[]</c>.</summary>
    Decimal,

    /// <summary><c>Guid[]</c>.</summary>
    Guid,

    /// <summary><c>string[]</c>, or dictionary codes plus a dictionary.</summary>
    String,

    /// <summary><c>DynamicValue[]</c>.</summary>
    Dynamic,
}

internal static class PhysicalKinds
{
    public static PhysicalKind Of(ScalarType type) => type switch
    {
        ScalarType.Bool => PhysicalKind.Bool,
        ScalarType.Int or ScalarType.Long or ScalarType.DateTime or ScalarType.TimeSpan => PhysicalKind.Int64,
        ScalarType.Real => PhysicalKind.Real,
        ScalarType.Decimal => PhysicalKind.Decimal,
        ScalarType.Guid => PhysicalKind.Guid,
        ScalarType.String => PhysicalKind.String,
        _ => PhysicalKind.Dynamic,
    };

    /// <summary>The type a column of <paramref name="type"/> really has at run time (Unknown is dynamic).</summary>
    public static ScalarType Normalize(ScalarType type) => type == ScalarType.Unknown ? ScalarType.Dynamic : type;
}
