namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// The gnomonic projection about a centre: it maps great circles to straight lines, so planar tests on projected
/// points (crossings, containment) answer the same questions for geodesic edges on the sphere. Only points less than
/// 90 degrees from the centre project.
/// </summary>
internal readonly struct GnomonicProjection
{
    private readonly SphereVector _center;
    private readonly SphereVector _east;
    private readonly SphereVector _north;

    public GnomonicProjection(SphereVector center)
    {
        _center = center.Normalized();
        var axis = Math.Abs(_center.Z) < 0.9 ? new SphereVector(0, 0, 1) : new SphereVector(1, 0, 0);
        _east = axis.Cross(_center).Normalized();
        _north = _center.Cross(_east);
    }

    /// <summary>The centre that keeps a set of points nearest: the normalized sum of their unit vectors.</summary>
    public static SphereVector CenterOf(ReadOnlySpan<GeoPoint> points)
    {
        var sum = new SphereVector(0, 0, 0);
        foreach (var point in points)
        {
            sum += SphereVector.FromPoint(point);
        }

        return sum.Normalized();
    }

    public bool TryProject(SphereVector point, out double x, out double y)
    {
        var depth = point.Dot(_center);
        if (depth <= 1e-12)
        {
            x = y = 0;
            return false;
        }

        x = point.Dot(_east) / depth;
        y = point.Dot(_north) / depth;
        return true;
    }

    public bool TryProject(GeoPoint point, out double x, out double y) => TryProject(SphereVector.FromPoint(point), out x, out y);

    public GeoPoint Unproject(double x, double y) => (_center + (_east * x) + (_north * y)).Normalized().ToPoint();
}
