using Vigil.Engine.Planning.Expressions;
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
}
