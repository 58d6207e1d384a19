using Vigil.Kql.Symbols;

namespace Vigil.Server.Kusto;

/// <summary>
/// Kusto's names for a column type: the KQL name (<c>ColumnType</c>, <c>CslType</c>) and the .NET type name the v1
/// protocol and <c>.show table T schema as json</c> also carry (<c>DataType</c> <c>Int64</c>, <c>Type</c> <c>System.Int64</c>).
/// </summary>
internal static class KustoTypes
{
    public static string CslName(ScalarType type) => TypeFacts.GetName(type);

    /// <summary>The v1 <c>DataType</c>: the CLR type's short name (<c>SqlDecimal</c> for decimal, <c>Object</c> for dynamic).</summary>
    public static string DataType(ScalarType type) => type switch
    {
        ScalarType.Bool => "Boolean",
        ScalarType.Int => "Int32",
        ScalarType.Long => "Int64",
        ScalarType.Real => "Double",
        ScalarType.Decimal => "SqlDecimal",
        ScalarType.DateTime => "DateTime",
        ScalarType.TimeSpan => "TimeSpan",
        ScalarType.Guid => "Guid",
        ScalarType.String => "String",
        _ => "Object",
    };

    /// <summary>The schema's <c>Type</c>: the full CLR name (<c>System.Int64</c>, <c>System.Data.SqlTypes.SqlDecimal</c>).</summary>
    public static string ClrName(ScalarType type) => type == ScalarType.Decimal ? "System.Data.SqlTypes.SqlDecimal" : "System." + DataType(type);
}
