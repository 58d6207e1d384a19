namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Distances, bearings and areas on the sphere Kusto measures on: radius 6,371,010 m (the documented examples of
/// geo_distance_2points and geo_azimuth reproduce exactly with this sphere), edges are great-circle arcs.
/// </summary>
internal static class SphereGeodesy
{
    public const double EarthRadius = 6371010.0;

    /// <summary>The great-circle distance in meters.</summary>
    public static double Distance(GeoPoint a, GeoPoint b)
    {
        var latitudeA = double.DegreesToRadians(a.Latitude);
        var latitudeB = double.DegreesToRadians(b.Latitude);
        var sinHalfLatitude = Math.Sin((latitudeB - latitudeA) / 2);
        var sinHalfLongitude = Math.Sin(double.DegreesToRadians(b.Longitude - a.Longitude) / 2);
        var h = (sinHalfLatitude * sinHalfLatitude) + (Math.Cos(latitudeA) * Math.Cos(latitudeB) * sinHalfLongitude * sinHalfLongitude);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The initial bearing from <paramref name="a"/> to <paramref name="b"/> in radians clockwise from north, in [0, 2pi).</summary>
    public static double Azimuth(GeoPoint a, GeoPoint b)
    {
        var latitudeA = double.DegreesToRadians(a.Latitude);
        var latitudeB = double.DegreesToRadians(b.Latitude);
        var deltaLongitude = double.DegreesToRadians(b.Longitude - a.Longitude);
        var y = Math.Sin(deltaLongitude) * Math.Cos(latitudeB);
        var x = (Math.Cos(latitudeA) * Math.Sin(latitudeB)) - (Math.Sin(latitudeA) * Math.Cos(latitudeB) * Math.Cos(deltaLongitude));
        var azimuth = Math.Atan2(y, x);
        return azimuth < 0 ? azimuth + (2 * Math.PI) : azimuth;
    }

    /// <summary>The length of a polyline in meters.</summary>
    public static double Length(ReadOnlySpan<GeoPoint> line)
    {
        var total = 0.0;
        for (var i = 1; i < line.Length; i++)
        {
            total += Distance(line[i - 1], line[i]);
        }

        return total;
    }

    /// <summary>The shortest distance in meters from <paramref name="p"/> to the great-circle arc from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static double DistanceToSegment(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        var vp = SphereVector.FromPoint(p);
        return EarthRadius * vp.AngleTo(ClosestOnSegment(vp, SphereVector.FromPoint(a), SphereVector.FromPoint(b)));
    }

    /// <summary>The point of the great-circle arc from <paramref name="a"/> to <paramref name="b"/> nearest to <paramref name="p"/> (unit vectors).</summary>
    public static SphereVector ClosestOnSegment(SphereVector p, SphereVector a, SphereVector b)
    {
        var normal = a.Cross(b);
        if (normal.Length < 1e-15)
        {
            return p.AngleTo(a) <= p.AngleTo(b) ? a : b;
        }

        normal = normal.Normalized();

        // The foot of the perpendicular lies on the arc when it is on the inner side of both end points.
        var foot = p - (normal * p.Dot(normal));
        if (foot.Length > 1e-15 && a.Cross(foot).Dot(normal) >= 0 && foot.Cross(b).Dot(normal) >= 0)
        {
            return foot.Normalized();
        }

        return p.AngleTo(a) <= p.AngleTo(b) ? a : b;
    }

    /// <summary>The point a <paramref name="fraction"/> of the way along the great-circle arc from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static GeoPoint Interpolate(GeoPoint a, GeoPoint b, double fraction)
    {
        var va = SphereVector.FromPoint(a);
        var vb = SphereVector.FromPoint(b);
        var angle = va.AngleTo(vb);
        if (angle < 1e-15)
        {
            return a;
        }

        var sinAngle = Math.Sin(angle);
        var point = (va * (Math.Sin((1 - fraction) * angle) / sinAngle)) + (vb * (Math.Sin(fraction * angle) / sinAngle));
        return point.ToPoint();
    }

    /// <summary>
    /// The area in square meters enclosed by a closed ring of great-circle arcs: the sum of the signed spherical
    /// excesses of the fan of triangles from the first vertex, taking the smaller of the two regions the ring bounds.
    /// </summary>
    public static double RingArea(ReadOnlySpan<GeoPoint> ring)
    {
        var origin = SphereVector.FromPoint(ring[0]);
        var excess = 0.0;
        for (var i = 1; i < ring.Length - 2; i++)
        {
            var b = SphereVector.FromPoint(ring[i]);
            var c = SphereVector.FromPoint(ring[i + 1]);

            // tan(E/2) = a.(b x c) / (1 + a.b + b.c + c.a) (Van Oosterom and Strackee).
            var numerator = origin.Dot(b.Cross(c));
            var denominator = 1 + origin.Dot(b) + b.Dot(c) + c.Dot(origin);
            excess += 2 * Math.Atan2(numerator, denominator);
        }

        var area = Math.Abs(excess);
        if (area > 2 * Math.PI)
        {
            area = (4 * Math.PI) - area;
        }

        return area * EarthRadius * EarthRadius;
    }

    /// <summary>The point <paramref name="distance"/> meters from <paramref name="start"/> along the initial bearing (radians clockwise from north).</summary>
    public static GeoPoint Destination(GeoPoint start, double bearing, double distance)
    {
        var angle = distance / EarthRadius;
        var latitude = double.DegreesToRadians(start.Latitude);
        var longitude = double.DegreesToRadians(start.Longitude);
        var endLatitude = Math.Asin(Math.Clamp((Math.Sin(latitude) * Math.Cos(angle)) + (Math.Cos(latitude) * Math.Sin(angle) * Math.Cos(bearing)), -1, 1));
        var endLongitude = longitude + Math.Atan2(
            Math.Sin(bearing) * Math.Sin(angle) * Math.Cos(latitude),
            Math.Cos(angle) - (Math.Sin(latitude) * Math.Sin(endLatitude)));
        var degrees = double.RadiansToDegrees(endLongitude);
        degrees = ((degrees + 540) % 360) - 180;
        return new GeoPoint(degrees, double.RadiansToDegrees(endLatitude));
    }
}
