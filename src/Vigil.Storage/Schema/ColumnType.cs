namespace Vigil.Storage;

/// <summary>
/// Storage's own column types. The numeric values are persisted in catalogs, WAL records and extents:
/// they are frozen (a test pins them) and must never be renumbered.
/// </summary>
public enum ColumnType : byte
{
    /// <summary>Boolean.</summary>
    Bool = 1,

    /// <summary>32-bit signed integer.</summary>
    Int = 2,

    /// <summary>64-bit signed integer.</summary>
    Long = 3,

    /// <summary>64-bit IEEE floating point.</summary>
    Real = 4,

    /// <summary>128-bit decimal.</summary>
    Decimal = 5,

    /// <summary>UTC instant as 100 ns ticks since 0001-01-01.</summary>
    DateTime = 6,

    /// <summary>Duration in 100 ns ticks.</summary>
    TimeSpan = 7,

    /// <summary>UTF-8 text.</summary>
    String = 8,

    /// <summary>A JSON value stored as canonical (compact) JSON text.</summary>
    Dynamic = 9,

    /// <summary>GUID.</summary>
    Guid = 10,
}

/// <summary>Facts about column types shared by the encoders, the decoders and ingestion.</summary>
internal static class ColumnTypeFacts
{
    public static bool IsDefined(ColumnType type) => type is >= ColumnType.Bool and <= ColumnType.Guid;

    /// <summary>Types whose values are held as <see cref="long"/> in memory (int is widened).</summary>
    public static bool IsInt64Like(ColumnType type) =>
        type is ColumnType.Long or ColumnType.DateTime or ColumnType.TimeSpan or ColumnType.Int;

    public static bool IsText(ColumnType type) => type is ColumnType.String or ColumnType.Dynamic;

    /// <summary>Types that carry min/max statistics.</summary>
    public static bool HasRange(ColumnType type) => IsInt64Like(type) || type is ColumnType.Real or ColumnType.Bool;

    public static string Name(ColumnType type) => type switch
    {
        ColumnType.Bool => "bool",
        ColumnType.Int => "int",
        ColumnType.Long => "long",
        ColumnType.Real => "real",
        ColumnType.Decimal => "decimal",
        ColumnType.DateTime => "datetime",
        ColumnType.TimeSpan => "timespan",
        ColumnType.String => "string",
        ColumnType.Dynamic => "dynamic",
        ColumnType.Guid => "guid",
        _ => "unknown",
    };
}
