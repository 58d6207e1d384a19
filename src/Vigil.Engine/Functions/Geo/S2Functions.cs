using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>geo_point_to_s2cell, geo_s2cell_to_central_point, geo_s2cell_to_polygon.</summary>
internal static class S2Functions
{
    private const int DefaultLevel = 11;

    /// <summary>(longitude, latitude[, level]): the cell token, or an empty string for invalid coordinates or a level outside [0, 30].</summary>
    public static ScalarValue PointToCell(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        var level = arguments.Length > 2 ? arguments[2].Int64 : DefaultLevel;
        if (!point.IsValid || level is < 0 or > S2Cell.MaxLevel)
        {
            return ScalarValue.FromString(string.Empty);
        }

        return ScalarValue.FromString(S2Cell.ToToken(S2Cell.FromPoint(point, (int)level)));
    }

    public static ScalarValue ToCentralPoint(ReadOnlySpan<ScalarValue> arguments) =>
        S2Cell.TryParseToken(arguments[0].String, out var id)
            ? ScalarValue.FromDynamic(GeoJson.Point(S2Cell.Center(id)))
            : ScalarValue.Null(ScalarType.Dynamic);

    public static ScalarValue ToPolygon(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!S2Cell.TryParseToken(arguments[0].String, out var id))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var corners = S2Cell.Corners(id);
        GeoPoint[] ring = [corners[0], corners[1], corners[2], corners[3], corners[0]];
        return ScalarValue.FromDynamic(GeoJson.Polygon([ring]));
    }

    /// <summary>(polygon[, level[, radius]]): the tokens of the level's cells touching the polygon; null when invalid or over 65536 cells.</summary>
    public static ScalarValue PolygonToCells(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var polygons) || !TryCoveringOptions(arguments, out var level))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        return Tokens(S2Covering.Cover(polygons, [], level));
    }

    /// <summary>(line[, level[, radius]]): the tokens of the level's cells touching the line; null when invalid or over 65536 cells.</summary>
    public static ScalarValue LineToCells(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines) || !TryCoveringOptions(arguments, out var level))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        return Tokens(S2Covering.Cover([], lines, level));
    }

    private static bool TryCoveringOptions(ReadOnlySpan<ScalarValue> arguments, out int level)
    {
        var requested = arguments.Length > 1 ? arguments[1].Int64 : DefaultLevel;
        var radius = arguments.Length > 2 ? arguments[2].Real : 0;
        level = (int)Math.Clamp(requested, 0, S2Cell.MaxLevel);
        if (requested is < 0 or > S2Cell.MaxLevel || !(radius >= 0))
        {
            return false;
        }

        if (radius > 0)
        {
            throw QueryException.NotSupported("an S2 covering with a buffer radius");
        }

        return true;
    }

    private static ScalarValue Tokens(List<ulong>? cells)
    {
        if (cells is null)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var items = new DynamicValue[cells.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = DynamicValue.FromString(S2Cell.ToToken(cells[i]));
        }

        return ScalarValue.FromDynamic(DynamicValue.WrapArray(items));
    }
}
