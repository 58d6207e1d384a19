namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// A spherical cap around every vertex of a shape, to rule out far points cheaply. A cap narrower than a hemisphere is
/// convex, so the minor arcs between the vertices and the region they bound (the smaller side, as the gnomonic tests
/// assume) stay inside it; a point farther than the cap's angle plus the search radius cannot match.
/// </summary>
internal readonly record struct BoundingCap(SphereVector Center, double Angle)
{
    /// <summary>A cap that rules nothing out (empty or hemisphere-sized shapes).</summary>
    public static BoundingCap Everything => new(new SphereVector(0, 0, 1), double.PositiveInfinity);

    public static BoundingCap Around(GeoPoint[][] paths)
    {
        var sum = new SphereVector(0, 0, 0);
        var any = false;
        foreach (var path in paths)
        {
            foreach (var point in path)
            {
                sum += SphereVector.FromPoint(point);
                any = true;
            }
        }

        if (!any || sum.Length < 1e-9)
        {
            return Everything;
        }

        var center = sum.Normalized();
        var angle = 0.0;
        foreach (var path in paths)
        {
            foreach (var point in path)
            {
                angle = Math.Max(angle, center.AngleTo(SphereVector.FromPoint(point)));
            }
        }

        return angle < Math.PI / 2 ? new BoundingCap(center, angle) : Everything;
    }

    /// <summary>Whether the point may lie within <paramref name="radius"/> meters of the shape (false only when it surely does not).</summary>
    public bool MayBeWithin(SphereVector point, double radius) =>
        point.AngleTo(Center) <= Angle + (radius / SphereGeodesy.EarthRadius) + 1e-9;
}
