namespace Vigil.Engine.Functions.Geo;

/// <summary>Segment and ring predicates in a gnomonic plane (see <see cref="ProjectedShapes"/>).</summary>
internal static class PlanarGeometry
{
    /// <summary>Twice the signed area of (a, b, c): positive when c is left of a->b.</summary>
    public static double Cross(PlanarPoint a, PlanarPoint b, PlanarPoint c) => ((b.X - a.X) * (c.Y - a.Y)) - ((b.Y - a.Y) * (c.X - a.X));

    /// <summary>Whether segments a-b and c-d share a point (touching counts).</summary>
    public static bool SegmentsIntersect(PlanarPoint a, PlanarPoint b, PlanarPoint c, PlanarPoint d)
    {
        var d1 = Math.Sign(Cross(c, d, a));
        var d2 = Math.Sign(Cross(c, d, b));
        var d3 = Math.Sign(Cross(a, b, c));
        var d4 = Math.Sign(Cross(a, b, d));
        if (d1 * d2 < 0 && d3 * d4 < 0)
        {
            return true;
        }

        return (d1 == 0 && Within(c, d, a)) || (d2 == 0 && Within(c, d, b)) || (d3 == 0 && Within(a, b, c)) || (d4 == 0 && Within(a, b, d));
    }

    /// <summary>The parameter along a-b where it crosses c-d (not parallel), or NaN.</summary>
    public static double CrossingParameter(PlanarPoint a, PlanarPoint b, PlanarPoint c, PlanarPoint d)
    {
        var denominator = ((b.X - a.X) * (d.Y - c.Y)) - ((b.Y - a.Y) * (d.X - c.X));
        if (denominator == 0)
        {
            return double.NaN;
        }

        var t = (((c.X - a.X) * (d.Y - c.Y)) - ((c.Y - a.Y) * (d.X - c.X))) / denominator;
        var u = (((c.X - a.X) * (b.Y - a.Y)) - ((c.Y - a.Y) * (b.X - a.X))) / denominator;
        return t is >= 0 and <= 1 && u is >= 0 and <= 1 ? t : double.NaN;
    }

    /// <summary>Even-odd containment in rings given as closed vertex lists (first == last); points on an edge count as inside.</summary>
    public static bool InRings(IReadOnlyList<PlanarPoint[]> rings, PlanarPoint p)
    {
        var inside = false;
        foreach (var ring in rings)
        {
            for (var i = 1; i < ring.Length; i++)
            {
                var a = ring[i - 1];
                var b = ring[i];
                if (Cross(a, b, p) == 0 && Within(a, b, p))
                {
                    return true;
                }

                if ((a.Y > p.Y) != (b.Y > p.Y) && p.X < ((b.X - a.X) * (p.Y - a.Y) / (b.Y - a.Y)) + a.X)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    public static double DistanceToSegment(PlanarPoint p, PlanarPoint a, PlanarPoint b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / lengthSquared, 0, 1);
        double ex = a.X + (t * dx) - p.X, ey = a.Y + (t * dy) - p.Y;
        return Math.Sqrt((ex * ex) + (ey * ey));
    }

    private static bool Within(PlanarPoint a, PlanarPoint b, PlanarPoint p) =>
        p.X >= Math.Min(a.X, b.X) && p.X <= Math.Max(a.X, b.X) && p.Y >= Math.Min(a.Y, b.Y) && p.Y <= Math.Max(a.Y, b.Y);
}
