namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Turns planar edges (straight in longitude/latitude, as GeoJSON draws them) into chains of geodesic edges: an edge
/// is halved at its planar midpoint while that midpoint lies farther than the tolerance from the geodesic between
/// the edge's ends (halving, as the reference's examples show: a 1 degree edge at 10N becomes 4 edges).
/// </summary>
internal static class Densifier
{
    public const int MaxPoints = 10485760;

    public static bool IsValidTolerance(double tolerance) => tolerance is >= 0.1 and <= 10000;

    public static List<GeoPoint> Densify(ReadOnlySpan<GeoPoint> line, double tolerance)
    {
        var result = new List<GeoPoint>(line.Length) { line[0] };
        for (var i = 1; i < line.Length; i++)
        {
            AddEdge(result, line[i - 1], line[i], tolerance, 0);
        }

        return result;
    }

    private static void AddEdge(List<GeoPoint> result, GeoPoint from, GeoPoint to, double tolerance, int depth)
    {
        var planarMiddle = new GeoPoint((from.Longitude + to.Longitude) / 2, (from.Latitude + to.Latitude) / 2);
        var geodesicMiddle = SphereGeodesy.Interpolate(from, to, 0.5);

        // 40 halvings split any edge below a millimeter; the bound keeps a pathological input finite.
        if (depth < 40 && result.Count < MaxPoints && SphereGeodesy.Distance(planarMiddle, geodesicMiddle) > tolerance)
        {
            AddEdge(result, from, planarMiddle, tolerance, depth + 1);
            AddEdge(result, planarMiddle, to, tolerance, depth + 1);
            return;
        }

        result.Add(to);
    }
}
