using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>geo_distance_2points, geo_point_in_circle, geo_azimuth: point to point measures on the sphere.</summary>
internal static class PointFunctions
{
    /// <summary>(p1, p2[, use_spheroid]): meters on the sphere, or on the WGS-84 ellipsoid when use_spheroid is true.</summary>
    public static ScalarValue Distance(ReadOnlySpan<ScalarValue> arguments)
    {
        var a = new GeoPoint(arguments[0].Real, arguments[1].Real);
        var b = new GeoPoint(arguments[2].Real, arguments[3].Real);
        if (!a.IsValid || !b.IsValid)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        if (arguments.Length > 4 && arguments[4].Bool)
        {
            var distance = SpheroidGeodesy.Distance(a, b);
            return double.IsNaN(distance)
                ? throw QueryException.NotSupported("geo_distance_2points on the spheroid for nearly antipodal points")
                : ScalarValue.FromReal(distance);
        }

        return ScalarValue.FromReal(SphereGeodesy.Distance(a, b));
    }

    /// <summary>(point, center, radius): whether the point is within radius meters of the center; null for invalid input or a negative radius.</summary>
    public static ScalarValue InCircle(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        var center = new GeoPoint(arguments[2].Real, arguments[3].Real);
        var radius = arguments[4].Real;
        if (!point.IsValid || !center.IsValid || !(radius >= 0))
        {
            return ScalarValue.Null(ScalarType.Bool);
        }

        return ScalarValue.FromBool(SphereGeodesy.Distance(point, center) <= radius);
    }

    /// <summary>The clockwise angle from true north in radians, [0, 2pi); null for invalid coordinates or equal points.</summary>
    public static ScalarValue Azimuth(ReadOnlySpan<ScalarValue> arguments)
    {
        var a = new GeoPoint(arguments[0].Real, arguments[1].Real);
        var b = new GeoPoint(arguments[2].Real, arguments[3].Real);
        if (!a.IsValid || !b.IsValid || SphereVector.FromPoint(a).AngleTo(SphereVector.FromPoint(b)) == 0)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        return ScalarValue.FromReal(SphereGeodesy.Azimuth(a, b));
    }

    /// <summary>The clockwise angle in radians, [0, 2pi), at the second point from the line towards the first point to the line towards the third; null when a line has no length.</summary>
    public static ScalarValue Angle(ReadOnlySpan<ScalarValue> arguments)
    {
        var p1 = new GeoPoint(arguments[0].Real, arguments[1].Real);
        var p2 = new GeoPoint(arguments[2].Real, arguments[3].Real);
        var p3 = new GeoPoint(arguments[4].Real, arguments[5].Real);
        if (!p1.IsValid || !p2.IsValid || !p3.IsValid || IsSame(p1, p2) || IsSame(p2, p3))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var angle = SphereGeodesy.Azimuth(p2, p3) - SphereGeodesy.Azimuth(p2, p1);
        return ScalarValue.FromReal(angle < 0 ? angle + (2 * Math.PI) : angle);
    }

    private static bool IsSame(GeoPoint a, GeoPoint b) => SphereVector.FromPoint(a).AngleTo(SphereVector.FromPoint(b)) == 0;

    /// <summary>
    /// (longitude, latitude, radius[, tolerance]): a polygon of points on the circle of that radius, with enough
    /// vertices that its edges stay within the tolerance (default 10 m, at least 1e-6 of the radius) of the circle.
    /// </summary>
    public static ScalarValue Buffer(ReadOnlySpan<ScalarValue> arguments)
    {
        var center = new GeoPoint(arguments[0].Real, arguments[1].Real);
        var radius = arguments[2].Real;
        var tolerance = arguments.Length > 3 ? arguments[3].Real : 10;
        if (!center.IsValid || !(radius > 0) || double.IsInfinity(radius) || !(tolerance >= radius * 1e-6) || double.IsInfinity(tolerance))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        if (radius >= Math.PI / 2 * SphereGeodesy.EarthRadius)
        {
            throw QueryException.NotSupported("geo_point_buffer with a radius of a quarter of the Earth's circumference or more");
        }

        // An edge between neighbouring vertices sags r (1 - cos(pi / n)) below the circle's radius.
        var sag = Math.Min(tolerance, radius * 0.999999) / radius;
        var count = Math.Max(4, (int)Math.Min(1_000_000, Math.Ceiling(Math.PI / Math.Acos(1 - sag))));
        var ring = new GeoPoint[count + 1];
        for (var k = 0; k < count; k++)
        {
            // Decreasing bearings walk the circle counter-clockwise, as GeoJSON shells go.
            ring[k] = SphereGeodesy.Destination(center, -2 * Math.PI * k / count, radius);
        }

        ring[count] = ring[0];
        return ScalarValue.FromDynamic(GeoJson.Polygon([ring]));
    }
}
