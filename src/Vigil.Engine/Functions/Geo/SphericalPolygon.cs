namespace Vigil.Engine.Functions.Geo;

/// <summary>Containment in a polygon whose edges are great-circle arcs, tested by even-odd crossings in a gnomonic projection about the polygon.</summary>
internal static class SphericalPolygon
{
    /// <summary>Whether <paramref name="point"/> is inside the shell and outside the holes (a point on an edge counts as inside).</summary>
    public static bool Contains(GeoPoint[][] rings, GeoPoint point)
    {
        var projection = new GnomonicProjection(GnomonicProjection.CenterOf(rings[0]));
        if (!projection.TryProject(point, out var px, out var py))
        {
            return false;
        }

        var inside = false;
        foreach (var ring in rings)
        {
            var count = ring.Length - 1;
            var xs = new double[count];
            var ys = new double[count];
            for (var i = 0; i < count; i++)
            {
                if (!projection.TryProject(ring[i], out xs[i], out ys[i]))
                {
                    // A ring spanning a hemisphere or more is beyond this test.
                    return false;
                }
            }

            for (int i = 0, j = count - 1; i < count; j = i++)
            {
                if (OnSegment(px, py, xs[j], ys[j], xs[i], ys[i]))
                {
                    return true;
                }

                if ((ys[i] > py) != (ys[j] > py)
                    && px < ((xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i])) + xs[i])
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    private static bool OnSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        var cross = ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));
        var scale = Math.Max(Math.Abs(bx - ax), Math.Abs(by - ay));
        if (Math.Abs(cross) > 1e-15 * Math.Max(scale, 1e-300))
        {
            return false;
        }

        return px >= Math.Min(ax, bx) && px <= Math.Max(ax, bx) && py >= Math.Min(ay, by) && py <= Math.Max(ay, by);
    }
}
