namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// True centroids on the sphere: the direction of the integral of the unit position vector over a line's length or
/// a polygon's area (the point a uniform density balances on, projected to the surface).
/// </summary>
internal static class SphereCentroid
{
    /// <summary>The integral of x ds along a polyline: per arc of angle t from a to b it is tan(t/2) (a + b).</summary>
    public static SphereVector LineMoment(ReadOnlySpan<GeoPoint> line)
    {
        var sum = new SphereVector(0, 0, 0);
        for (var i = 1; i < line.Length; i++)
        {
            var a = SphereVector.FromPoint(line[i - 1]);
            var b = SphereVector.FromPoint(line[i]);
            sum += (a + b) * Math.Tan(a.AngleTo(b) / 2);
        }

        return sum;
    }

    /// <summary>
    /// The integral of x dA over the smaller region a closed ring bounds: half the sum over its arcs of the arc angle
    /// times the arc's unit normal (Stokes' theorem on the sphere), oriented towards the ring's vertices.
    /// </summary>
    public static SphereVector RingMoment(ReadOnlySpan<GeoPoint> ring)
    {
        var sum = new SphereVector(0, 0, 0);
        var vertices = new SphereVector(0, 0, 0);
        for (var i = 1; i < ring.Length; i++)
        {
            var a = SphereVector.FromPoint(ring[i - 1]);
            var b = SphereVector.FromPoint(ring[i]);
            vertices += a;
            var normal = a.Cross(b);
            if (normal.Length > 0)
            {
                sum += normal.Normalized() * (a.AngleTo(b) / 2);
            }
        }

        return sum.Dot(vertices) < 0 ? sum * -1 : sum;
    }
}
