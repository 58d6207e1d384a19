using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>geo_from_wkt: Well-Known Text (OGC simple features) to GeoJSON; invalid text or coordinates give null.</summary>
internal static class WktFunctions
{
    public static ScalarValue FromWkt(ReadOnlySpan<ScalarValue> arguments)
    {
        var text = arguments[0].String;
        if (text.Length == 0 || text.Length > 10_000_000)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        Geometry geometry;
        try
        {
            geometry = new WKTReader().Read(text);
        }
        catch (Exception exception) when (exception is ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var json = ToGeoJson(geometry);
        return json is null ? ScalarValue.Null(ScalarType.Dynamic) : ScalarValue.FromDynamic(json);
    }

    private static DynamicValue? ToGeoJson(Geometry geometry)
    {
        switch (geometry)
        {
            case Point point:
                return TryPoints([point.Coordinate], out var p) ? GeoJson.Point(p[0]) : null;
            case LineString line:
                return TryPoints(line.Coordinates, out var l) ? GeoJson.LineString(l) : null;
            case Polygon polygon:
                return TryRings(polygon, out var rings) ? GeoJson.Polygon(rings) : null;
            case MultiPoint points:
                return TryPoints(points.Coordinates, out var mp) ? GeoJson.MultiPoint(mp) : null;
            case MultiLineString lines:
            {
                var parts = new List<IReadOnlyList<GeoPoint>>();
                foreach (var part in lines.Geometries)
                {
                    if (!TryPoints(part.Coordinates, out var points))
                    {
                        return null;
                    }

                    parts.Add(points);
                }

                return GeoJson.MultiLineString(parts);
            }

            case MultiPolygon polygons:
            {
                var parts = new List<IReadOnlyList<IReadOnlyList<GeoPoint>>>();
                foreach (var part in polygons.Geometries)
                {
                    if (!TryRings((Polygon)part, out var partRings))
                    {
                        return null;
                    }

                    parts.Add(partRings);
                }

                return GeoJson.MultiPolygon(parts);
            }

            case GeometryCollection collection:
            {
                var items = new List<DynamicValue>();
                foreach (var part in collection.Geometries)
                {
                    var item = ToGeoJson(part);
                    if (item is null)
                    {
                        return null;
                    }

                    items.Add(item);
                }

                return GeoJson.GeometryCollection(items);
            }

            default:
                return null;
        }
    }

    private static bool TryRings(Polygon polygon, out List<IReadOnlyList<GeoPoint>> rings)
    {
        rings = [];
        if (polygon.IsEmpty)
        {
            return false;
        }

        foreach (var ring in (LineString[])[polygon.Shell, .. polygon.Holes])
        {
            if (!TryPoints(ring.Coordinates, out var points))
            {
                return false;
            }

            rings.Add(points);
        }

        return true;
    }

    private static bool TryPoints(Coordinate?[] coordinates, out List<GeoPoint> points)
    {
        points = new List<GeoPoint>(coordinates.Length);
        foreach (var coordinate in coordinates)
        {
            if (coordinate is null)
            {
                return false;
            }

            var point = new GeoPoint(coordinate.X, coordinate.Y);
            if (!point.IsValid)
            {
                return false;
            }

            points.Add(point);
        }

        return points.Count > 0;
    }
}
