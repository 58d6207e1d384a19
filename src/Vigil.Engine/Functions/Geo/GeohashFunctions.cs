using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>geo_point_to_geohash, geo_geohash_to_central_point, geo_geohash_to_polygon, geo_geohash_neighbors.</summary>
internal static class GeohashFunctions
{
    private const int DefaultAccuracy = 5;

    /// <summary>(longitude, latitude[, accuracy]): the geohash, or an empty string for invalid coordinates or accuracy outside [1, 18].</summary>
    public static ScalarValue PointToGeohash(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        var accuracy = arguments.Length > 2 ? arguments[2].Int64 : DefaultAccuracy;
        if (!point.IsValid || accuracy is < 1 or > Geohash.MaxLength)
        {
            return ScalarValue.FromString(string.Empty);
        }

        return ScalarValue.FromString(Geohash.Encode(point, (int)accuracy));
    }

    public static ScalarValue ToCentralPoint(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!Geohash.TryDecode(arguments[0].String, out var west, out var south, out var east, out var north))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        return ScalarValue.FromDynamic(GeoJson.Point(new GeoPoint((west + east) / 2, (south + north) / 2)));
    }

    public static ScalarValue ToPolygon(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!Geohash.TryDecode(arguments[0].String, out var west, out var south, out var east, out var north))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        GeoPoint[] ring = [new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)];
        return ScalarValue.FromDynamic(GeoJson.Polygon([ring]));
    }

    public static ScalarValue Neighbors(ReadOnlySpan<ScalarValue> arguments)
    {
        var neighbors = Geohash.Neighbors(arguments[0].String);
        if (neighbors is null)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var items = new DynamicValue[neighbors.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = DynamicValue.FromString(neighbors[i]);
        }

        return ScalarValue.FromDynamic(DynamicValue.WrapArray(items));
    }
}
