using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>The geo_* functions over Polygon / MultiPolygon values: area, perimeter, containment, densify.</summary>
internal static class PolygonFunctions
{
    private const double DefaultDensifyTolerance = 10;

    /// <summary>The area in square meters of the region the polygons cover: shells minus holes, overlaps once.</summary>
    public static ScalarValue Area(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var total = 0.0;
        foreach (var rings in Dissolved(polygons))
        {
            total += SphereGeodesy.RingArea(rings[0]);
            for (var i = 1; i < rings.Length; i++)
            {
                total -= SphereGeodesy.RingArea(rings[i]);
            }
        }

        return ScalarValue.FromReal(total);
    }

    /// <summary>The length in meters of the boundary of the region the polygons cover.</summary>
    public static ScalarValue Perimeter(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var total = 0.0;
        foreach (var rings in Dissolved(polygons))
        {
            foreach (var ring in rings)
            {
                total += SphereGeodesy.Length(ring);
            }
        }

        return ScalarValue.FromReal(total);
    }

    // The polygons of a MultiPolygon may overlap; measures count the covered region once.
    private static IEnumerable<GeoPoint[][]> Dissolved(GeoPoint[][][] polygons) =>
        polygons.Length == 1 ? polygons : OverlayFunctions.UnionRings(polygons).Select(rings => rings.Select(r => r.ToArray()).ToArray());

    /// <summary>(longitude, latitude, polygon): whether the point is inside (or on the edge of) the polygon.</summary>
    public static ScalarValue ContainsPoint(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        if (!point.IsValid || !GeoJson.TryReadPolygons(arguments[2].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        foreach (var rings in polygons)
        {
            if (SphericalPolygon.Contains(rings, point))
            {
                return ScalarValue.FromBool(true);
            }
        }

        return ScalarValue.FromBool(false);
    }

    /// <summary>(polygon[, tolerance[, preserve_crossing]]): every ring's planar edges turned into geodesic chains.</summary>
    public static ScalarValue Densify(ReadOnlySpan<ScalarValue> arguments)
    {
        var tolerance = arguments.Length > 1 ? arguments[1].Real : DefaultDensifyTolerance;
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var polygons) || !Densifier.IsValidTolerance(tolerance))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var densified = new List<GeoPoint>[polygons.Length][];
        var points = 0;
        for (var p = 0; p < polygons.Length; p++)
        {
            densified[p] = new List<GeoPoint>[polygons[p].Length];
            for (var r = 0; r < polygons[p].Length; r++)
            {
                densified[p][r] = Densifier.Densify(polygons[p][r], tolerance);
                points += densified[p][r].Count;
                if (points > Densifier.MaxPoints)
                {
                    return ScalarValue.Null(ScalarType.Dynamic);
                }
            }
        }

        var isMulti = arguments[0].Dynamic.GetProperty("type").ToString() == "MultiPolygon";
        return ScalarValue.FromDynamic(isMulti ? GeoJson.MultiPolygon(densified) : GeoJson.Polygon(densified[0]));
    }

    /// <summary>(longitude, latitude, polygon): 0 inside, otherwise the distance in meters to the nearest edge.</summary>
    public static ScalarValue DistanceToPolygon(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        if (!point.IsValid || !GeoJson.TryReadPolygons(arguments[2].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        if (polygons.Any(rings => SphericalPolygon.Contains(rings, point)))
        {
            return ScalarValue.FromReal(0);
        }

        var nearest = LineFunctions.Nearest(point, [.. polygons.SelectMany(p => p)]);
        return ScalarValue.FromReal(SphereGeodesy.Distance(point, nearest));
    }

    /// <summary>(longitude, latitude, polygon): the point itself when inside, otherwise the nearest point of the boundary.</summary>
    public static ScalarValue ClosestPoint(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        if (!point.IsValid || !GeoJson.TryReadPolygons(arguments[2].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        if (polygons.Any(rings => SphericalPolygon.Contains(rings, point)))
        {
            return ScalarValue.FromDynamic(GeoJson.Point(point));
        }

        return ScalarValue.FromDynamic(GeoJson.Point(LineFunctions.Nearest(point, [.. polygons.SelectMany(p => p)])));
    }

    /// <summary>(polygon[, tolerance]): every ring simplified by Douglas-Peucker in meters; null when the shell collapses.</summary>
    public static ScalarValue Simplify(ReadOnlySpan<ScalarValue> arguments)
    {
        var tolerance = arguments.Length > 1 ? arguments[1].Real : 10;
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var polygons) || !(tolerance >= 0) || double.IsInfinity(tolerance))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var result = new List<IReadOnlyList<IReadOnlyList<GeoPoint>>>();
        foreach (var rings in polygons)
        {
            var simplifiedRings = new List<IReadOnlyList<GeoPoint>>();
            for (var r = 0; r < rings.Length; r++)
            {
                var ring = Simplifier.Simplify(rings[r], tolerance);
                if (ring[0] != ring[^1])
                {
                    ring.Add(ring[0]);
                }

                if (ring.Distinct().Count() >= 3)
                {
                    simplifiedRings.Add(ring);
                }
                else if (r == 0)
                {
                    break;
                }
            }

            if (simplifiedRings.Count > 0)
            {
                result.Add(simplifiedRings);
            }
        }

        var isMulti = arguments[0].Dynamic.GetProperty("type").ToString() == "MultiPolygon";
        return result.Count == 0 ? ScalarValue.Null(ScalarType.Dynamic)
            : ScalarValue.FromDynamic(isMulti ? GeoJson.MultiPolygon(result) : GeoJson.Polygon(result[0]));
    }

    /// <summary>The true centroid of the region the polygons cover (shells minus holes, overlaps once).</summary>
    public static ScalarValue Centroid(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadPolygons(arguments[0].Dynamic, out var polygons))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var moment = new SphereVector(0, 0, 0);
        foreach (var rings in Dissolved(polygons))
        {
            moment += SphereCentroid.RingMoment(rings[0]);
            for (var i = 1; i < rings.Length; i++)
            {
                moment -= SphereCentroid.RingMoment(rings[i]);
            }
        }

        return moment.Length < 1e-300 ? ScalarValue.Null(ScalarType.Dynamic) : ScalarValue.FromDynamic(GeoJson.Point(moment.Normalized().ToPoint()));
    }
}
