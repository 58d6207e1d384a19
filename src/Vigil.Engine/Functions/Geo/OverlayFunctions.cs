using NetTopologySuite.Geometries;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>geo_intersection_2polygons, geo_union_polygons_array, geo_union_lines_array, geo_simplify_polygons_array.</summary>
internal static class OverlayFunctions
{
    private const double DefaultSimplifyTolerance = 10;

    public static ScalarValue PolygonsIntersection(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var first) || !GeoJson.TryReadPolygons(arguments[1].Dynamic, out var second))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var overlay = GeoOverlay.Create(first.Concat(second).SelectMany(p => p).SelectMany(r => r));
        var a = overlay.UnionAll(first.Select(p => overlay.Polygons([p])));
        var b = overlay.UnionAll(second.Select(p => overlay.Polygons([p])));
        return ScalarValue.FromDynamic(overlay.ToGeoJson(GeoOverlay.Overlay(() => a.Intersection(b))));
    }

    /// <summary>(array of polygons / multipolygons): their union; null when any element is invalid.</summary>
    public static ScalarValue PolygonsUnion(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!TryReadPolygonArray(arguments[0].Dynamic, out var all))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var overlay = GeoOverlay.Create(all.SelectMany(p => p).SelectMany(r => r));
        return ScalarValue.FromDynamic(overlay.ToGeoJson(overlay.UnionAll(all.Select(p => overlay.Polygons([p])))));
    }

    /// <summary>(array of lines / multilines): their union, merged end to end; null when any element is invalid.</summary>
    public static ScalarValue LinesUnion(ReadOnlySpan<ScalarValue> arguments)
    {
        var array = arguments[0].Dynamic;
        if (array.Kind != DynamicKind.Array || array.Count == 0)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var lines = new List<GeoPoint[]>();
        foreach (var item in array.ArrayItems)
        {
            if (!GeoJson.TryReadLines(item, out var itemLines))
            {
                return ScalarValue.Null(ScalarType.Dynamic);
            }

            lines.AddRange(itemLines);
        }

        var overlay = GeoOverlay.Create(lines.SelectMany(l => l));
        var union = overlay.UnionAll(lines.Select(l => overlay.Lines([l])));
        return ScalarValue.FromDynamic(overlay.ToGeoJson(overlay.MergeLines(union)));
    }

    /// <summary>(array of polygons[, tolerance]): the union simplified by Douglas-Peucker in meters; null when invalid or when the result collapses.</summary>
    public static ScalarValue SimplifyPolygonsUnion(ReadOnlySpan<ScalarValue> arguments)
    {
        var tolerance = arguments.Length > 1 ? arguments[1].Real : DefaultSimplifyTolerance;
        if (!TryReadPolygonArray(arguments[0].Dynamic, out var all) || !(tolerance >= 0) || double.IsInfinity(tolerance))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var overlay = GeoOverlay.Create(all.SelectMany(p => p).SelectMany(r => r));
        var union = overlay.UnionAll(all.Select(p => overlay.Polygons([p])));
        var simplified = new List<IReadOnlyList<IReadOnlyList<GeoPoint>>>();
        foreach (var rings in overlay.PolygonRings(union))
        {
            var shell = Simplifier.Simplify(rings[0].ToArray(), tolerance);
            if (!IsRing(shell))
            {
                continue;
            }

            var polygon = new List<IReadOnlyList<GeoPoint>> { CloseRing(shell) };
            foreach (var hole in rings.Skip(1))
            {
                var simplifiedHole = Simplifier.Simplify(hole.ToArray(), tolerance);
                if (IsRing(simplifiedHole))
                {
                    polygon.Add(CloseRing(simplifiedHole));
                }
            }

            simplified.Add(polygon);
        }

        return simplified.Count switch
        {
            0 => ScalarValue.Null(ScalarType.Dynamic),
            1 => ScalarValue.FromDynamic(GeoJson.Polygon(simplified[0])),
            _ => ScalarValue.FromDynamic(GeoJson.MultiPolygon(simplified)),
        };
    }

    private static bool IsRing(List<GeoPoint> points) => points.Distinct().Count() >= 3;

    private static List<GeoPoint> CloseRing(List<GeoPoint> points)
    {
        if (points[0] != points[^1])
        {
            points.Add(points[0]);
        }

        return points;
    }

    private static bool TryReadPolygonArray(DynamicValue array, out List<GeoPoint[][]> polygons)
    {
        polygons = [];
        if (array.Kind != DynamicKind.Array || array.Count == 0)
        {
            return false;
        }

        foreach (var item in array.ArrayItems)
        {
            if (!GeoJson.TryReadPolygons(item, out var itemPolygons))
            {
                return false;
            }

            polygons.AddRange(itemPolygons);
        }

        return true;
    }

    /// <summary>The union of several polygons as rings back on the sphere (area and perimeter of a MultiPolygon count overlaps once).</summary>
    public static List<List<GeoPoint>[]> UnionRings(GeoPoint[][][] polygons)
    {
        var overlay = GeoOverlay.Create(polygons.SelectMany(p => p).SelectMany(r => r));
        Geometry union = overlay.UnionAll(polygons.Select(p => overlay.Polygons([p])));
        return overlay.PolygonRings(union);
    }
}
