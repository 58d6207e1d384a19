namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Lines and polygons projected together into one gnomonic plane (about the centre of all their vertices), where
/// geodesic edges are straight segments: crossing and containment tests there answer them on the sphere. Shapes
/// reaching 90 degrees or more from that centre do not project; callers report them as not supported.
/// </summary>
internal sealed class ProjectedShapes
{
    private readonly GnomonicProjection _projection;

    private ProjectedShapes(GnomonicProjection projection) => _projection = projection;

    public static ProjectedShapes? Create(IEnumerable<GeoPoint> points)
    {
        var sum = new SphereVector(0, 0, 0);
        var all = new List<SphereVector>();
        foreach (var point in points)
        {
            var vector = SphereVector.FromPoint(point);
            all.Add(vector);
            sum += vector;
        }

        if (sum.Length < 1e-9)
        {
            return null;
        }

        var center = sum.Normalized();
        foreach (var vector in all)
        {
            if (vector.Dot(center) < 1e-6)
            {
                return null;
            }
        }

        return new ProjectedShapes(new GnomonicProjection(center));
    }

    public PlanarPoint Project(GeoPoint point)
    {
        _projection.TryProject(point, out var x, out var y);
        return new PlanarPoint(x, y);
    }

    public PlanarPoint[] Project(GeoPoint[] points)
    {
        var result = new PlanarPoint[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            result[i] = Project(points[i]);
        }

        return result;
    }

    public GeoPoint Unproject(PlanarPoint point) => _projection.Unproject(point.X, point.Y);
}
