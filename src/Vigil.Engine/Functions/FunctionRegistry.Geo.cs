namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The geo_* functions: points, lines, polygons, geohash, S2 and H3 cells.</summary>
    private static void AddGeoFunctions(Registrar add)
    {
    }
}
