namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// The S2 cells of one level that a shape touches, found top-down from the six face cells: a cell is refined only
/// while it may touch the shape (bounding caps first, then an exact test in a gnomonic plane, where both the cell's
/// and the shape's geodesic edges are straight). Gives up (null) once a level holds more cells than the limit.
/// </summary>
internal static class S2Covering
{
    public const int MaxCells = 65536;

    /// <summary>The cells of <paramref name="level"/> that touch the polygons (or lines, when <paramref name="polygons"/> is empty), sorted by id.</summary>
    public static List<ulong>? Cover(GeoPoint[][][] polygons, GeoPoint[][] lines, int level)
    {
        var points = polygons.SelectMany(p => p.SelectMany(r => r)).Concat(lines.SelectMany(l => l)).ToList();
        var center = GnomonicProjection.CenterOf([.. points]);
        var shapeRadius = 0.0;
        foreach (var point in points)
        {
            shapeRadius = Math.Max(shapeRadius, center.AngleTo(SphereVector.FromPoint(point)));
        }

        if (center.Length == 0 || shapeRadius >= Math.PI / 2 * 0.99)
        {
            throw QueryException.NotSupported("S2 covering of shapes spanning a hemisphere or more");
        }

        var plane = new GnomonicProjection(center);
        var projectedPolygons = polygons.Select(p => p.Select(r => Project(plane, r)).ToArray()).ToArray();
        var projectedLines = lines.Select(l => Project(plane, l)).ToArray();

        // Cells wholly inside a polygon need no test, and all their descendants count towards the limit at once.
        var current = new List<(ulong Cell, bool Inside)>();
        for (ulong face = 0; face < 6; face++)
        {
            current.Add(((face << 61) | (1UL << 60), false));
        }

        for (var depth = 0; ; depth++)
        {
            var touching = new List<(ulong Cell, bool Inside)>();
            double lowerBound = 0;
            foreach (var (cell, inside) in current)
            {
                var touch = inside ? Touch.Inside : Classify(cell, center, shapeRadius, plane, projectedPolygons, projectedLines);
                if (touch != Touch.None)
                {
                    touching.Add((cell, touch == Touch.Inside));
                    lowerBound += touch == Touch.Inside ? Math.Pow(4, level - depth) : 1;
                }
            }

            if (lowerBound > MaxCells)
            {
                return null;
            }

            if (depth == level)
            {
                var cells = touching.Select(t => t.Cell).ToList();
                cells.Sort();
                return cells;
            }

            current = new List<(ulong Cell, bool Inside)>(touching.Count * 4);
            foreach (var (cell, inside) in touching)
            {
                var lowest = cell & (~cell + 1);
                var childLowest = lowest >> 2;
                for (ulong child = 0; child < 4; child++)
                {
                    current.Add((cell - lowest + childLowest + (child * 2 * childLowest), inside));
                }
            }
        }
    }

    private enum Touch
    {
        None,
        Boundary,
        Inside,
    }

    private static Touch Classify(ulong cell, SphereVector center, double shapeRadius, GnomonicProjection plane, PlanarPoint[][][] polygons, PlanarPoint[][] lines)
    {
        var corners = S2Cell.Corners(cell);
        var cellCenter = SphereVector.FromPoint(S2Cell.Center(cell));
        var cellRadius = 0.0;
        var quad = new PlanarPoint[5];
        var projects = true;
        for (var i = 0; i < 4; i++)
        {
            var corner = SphereVector.FromPoint(corners[i]);
            cellRadius = Math.Max(cellRadius, cellCenter.AngleTo(corner));
            projects &= plane.TryProject(corner, out var x, out var y);
            quad[i] = new PlanarPoint(x, y);
        }

        quad[4] = quad[0];
        if (center.AngleTo(cellCenter) > shapeRadius + cellRadius + 1e-12)
        {
            return Touch.None;
        }

        if (!projects)
        {
            // Only cells far larger than the shape reach past the plane's horizon; refine them.
            return Touch.Boundary;
        }

        PlanarPoint[][] cellRing = [quad];
        foreach (var rings in polygons)
        {
            if (AnyCrossing(rings, quad) || AnyVertexOnBoundary(rings, quad) || rings.Any(ring => PlanarGeometry.InRings(cellRing, ring[0])))
            {
                return Touch.Boundary;
            }

            if (PlanarGeometry.InRings(rings, quad[0]))
            {
                return Touch.Inside;
            }
        }

        foreach (var line in lines)
        {
            if (AnyCrossing([line], quad) || PlanarGeometry.InRings(cellRing, line[0]) || AnyVertexOnBoundary([line], quad))
            {
                return Touch.Boundary;
            }
        }

        return Touch.None;
    }

    // A shape vertex on a cell's edge, or a cell corner on a shape's edge, touches the cell; rounding in the projection must not lose that.
    private static bool AnyVertexOnBoundary(PlanarPoint[][] parts, PlanarPoint[] quad)
    {
        foreach (var part in parts)
        {
            foreach (var vertex in part)
            {
                for (var k = 1; k < quad.Length; k++)
                {
                    if (PlanarGeometry.DistanceToSegment(vertex, quad[k - 1], quad[k]) < 1e-12)
                    {
                        return true;
                    }
                }
            }

            for (var i = 1; i < part.Length; i++)
            {
                for (var k = 0; k < 4; k++)
                {
                    if (PlanarGeometry.DistanceToSegment(quad[k], part[i - 1], part[i]) < 1e-12)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool AnyCrossing(PlanarPoint[][] parts, PlanarPoint[] quad)
    {
        foreach (var part in parts)
        {
            for (var i = 1; i < part.Length; i++)
            {
                for (var k = 1; k < quad.Length; k++)
                {
                    if (PlanarGeometry.SegmentsIntersect(part[i - 1], part[i], quad[k - 1], quad[k]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static PlanarPoint[] Project(GnomonicProjection plane, GeoPoint[] points)
    {
        var result = new PlanarPoint[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            plane.TryProject(points[i], out var x, out var y);
            result[i] = new PlanarPoint(x, y);
        }

        return result;
    }
}
