using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>geo_intersects_* and geo_intersection_* over lines and polygons, computed in a shared gnomonic plane.</summary>
internal static class IntersectionFunctions
{
    public static ScalarValue LinesIntersect(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var first) || !GeoJson.TryReadLines(arguments[1].Dynamic, out var second))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        var plane = Plane([.. first, .. second]);
        return ScalarValue.FromBool(AnyEdgesCross(Project(plane, first), Project(plane, second)));
    }

    public static ScalarValue PolygonsIntersect(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var first) || !GeoJson.TryReadPolygons(arguments[1].Dynamic, out var second))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        var plane = Plane([.. first.SelectMany(p => p), .. second.SelectMany(p => p)]);
        foreach (var a in first)
        {
            var ringsA = Project(plane, a);
            foreach (var b in second)
            {
                var ringsB = Project(plane, b);
                if (AnyEdgesCross(ringsA, ringsB) || PlanarGeometry.InRings(ringsB, ringsA[0][0]) || PlanarGeometry.InRings(ringsA, ringsB[0][0]))
                {
                    return ScalarValue.FromBool(true);
                }
            }
        }

        return ScalarValue.FromBool(false);
    }

    public static ScalarValue LineIntersectsPolygon(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines) || !GeoJson.TryReadPolygons(arguments[1].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        var plane = Plane([.. lines, .. polygons.SelectMany(p => p)]);
        var projectedLines = Project(plane, lines);
        foreach (var polygon in polygons)
        {
            var rings = Project(plane, polygon);
            if (AnyEdgesCross(projectedLines, rings) || PlanarGeometry.InRings(rings, projectedLines[0][0]))
            {
                return ScalarValue.FromBool(true);
            }
        }

        return ScalarValue.FromBool(false);
    }

    /// <summary>Where two lines meet: points, shared stretches, both, or an empty GeometryCollection.</summary>
    public static ScalarValue LinesIntersection(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var first) || !GeoJson.TryReadLines(arguments[1].Dynamic, out var second))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var overlay = GeoOverlay.Create([.. first.SelectMany(l => l), .. second.SelectMany(l => l)]);
        var a = overlay.Lines(first);
        var b = overlay.Lines(second);
        return ScalarValue.FromDynamic(overlay.ToGeoJson(GeoOverlay.Overlay(() => a.Intersection(b))));
    }

    /// <summary>The parts of a line inside a polygon: a LineString, a MultiLineString, or an empty GeometryCollection.</summary>
    public static ScalarValue LineWithPolygonIntersection(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines) || !GeoJson.TryReadPolygons(arguments[1].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var plane = Plane([.. lines, .. polygons.SelectMany(p => p)]);
        var projectedPolygons = polygons.Select(p => Project(plane, p)).ToList();
        var pieces = new List<List<GeoPoint>>();
        foreach (var line in lines)
        {
            var projected = plane.Project(line);
            List<GeoPoint>? current = null;
            for (var i = 1; i < line.Length; i++)
            {
                var cuts = new List<double> { 0, 1 };
                foreach (var rings in projectedPolygons)
                {
                    foreach (var ring in rings)
                    {
                        for (var k = 1; k < ring.Length; k++)
                        {
                            var t = PlanarGeometry.CrossingParameter(projected[i - 1], projected[i], ring[k - 1], ring[k]);
                            if (!double.IsNaN(t))
                            {
                                cuts.Add(t);
                            }
                        }
                    }
                }

                cuts.Sort();
                for (var c = 1; c < cuts.Count; c++)
                {
                    if (cuts[c] - cuts[c - 1] < 1e-12)
                    {
                        continue;
                    }

                    var middle = PlanarPoint.Lerp(projected[i - 1], projected[i], (cuts[c - 1] + cuts[c]) / 2);
                    if (!projectedPolygons.Any(rings => PlanarGeometry.InRings(rings, middle)))
                    {
                        current = null;
                        continue;
                    }

                    var start = PointAt(plane, line, projected, i, cuts[c - 1]);
                    if (current is null || current[^1] != start)
                    {
                        current = [start];
                        pieces.Add(current);
                    }

                    current.Add(PointAt(plane, line, projected, i, cuts[c]));
                }
            }
        }

        return ScalarValue.FromDynamic(pieces.Count switch
        {
            0 => GeoJson.GeometryCollection([]),
            1 => GeoJson.LineString(pieces[0]),
            _ => GeoJson.MultiLineString(pieces),
        });
    }

    private static GeoPoint PointAt(ProjectedShapes plane, GeoPoint[] line, PlanarPoint[] projected, int edge, double t) =>
        t == 0 ? line[edge - 1] : t == 1 ? line[edge] : plane.Unproject(PlanarPoint.Lerp(projected[edge - 1], projected[edge], t));

    private static ProjectedShapes Plane(GeoPoint[][] parts) =>
        ProjectedShapes.Create(parts.SelectMany(p => p)) ?? throw QueryException.NotSupported("geo shapes spanning a hemisphere or more");

    private static PlanarPoint[][] Project(ProjectedShapes plane, GeoPoint[][] parts)
    {
        var result = new PlanarPoint[parts.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = plane.Project(parts[i]);
        }

        return result;
    }

    private static bool AnyEdgesCross(PlanarPoint[][] first, PlanarPoint[][] second)
    {
        foreach (var a in first)
        {
            foreach (var b in second)
            {
                for (var i = 1; i < a.Length; i++)
                {
                    for (var k = 1; k < b.Length; k++)
                    {
                        if (PlanarGeometry.SegmentsIntersect(a[i - 1], a[i], b[k - 1], b[k]))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }
}
