namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Douglas-Peucker simplification with geodesic distances in meters: a vertex stays when it is farther than the
/// tolerance from the arc between the kept vertices around it. Consecutive kept vertices closer than the tolerance
/// merge (so a line shorter than the tolerance collapses to one point, which Kusto reports as null).
/// </summary>
internal static class Simplifier
{
    public static List<GeoPoint> Simplify(ReadOnlySpan<GeoPoint> line, double tolerance)
    {
        var keep = new bool[line.Length];
        keep[0] = true;
        keep[^1] = true;
        var pending = new Stack<(int First, int Last)>();
        pending.Push((0, line.Length - 1));
        while (pending.Count > 0)
        {
            var (first, last) = pending.Pop();
            var farthest = -1;
            var farthestDistance = tolerance;
            for (var i = first + 1; i < last; i++)
            {
                var distance = SphereGeodesy.DistanceToSegment(line[i], line[first], line[last]);
                if (distance > farthestDistance)
                {
                    farthest = i;
                    farthestDistance = distance;
                }
            }

            if (farthest >= 0)
            {
                keep[farthest] = true;
                pending.Push((first, farthest));
                pending.Push((farthest, last));
            }
        }

        var result = new List<GeoPoint>();
        for (var i = 0; i < line.Length; i++)
        {
            if (keep[i] && (result.Count == 0 || SphereGeodesy.Distance(result[^1], line[i]) > tolerance))
            {
                result.Add(line[i]);
            }
        }

        return result;
    }
}
