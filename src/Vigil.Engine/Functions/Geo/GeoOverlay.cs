using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Linemerge;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Polygon and line overlay (union, intersection) on the sphere: the shapes go into one gnomonic plane, where their
/// geodesic edges are straight, NetTopologySuite overlays them there, and the result comes back to longitude and
/// latitude (input vertices exactly as given, new vertices are the true great-circle crossings).
/// </summary>
internal sealed class GeoOverlay
{
    private readonly GeometryFactory _factory = new();
    private readonly ProjectedShapes _plane;
    private readonly Dictionary<(double X, double Y), GeoPoint> _originals = [];

    private GeoOverlay(ProjectedShapes plane) => _plane = plane;

    public static GeoOverlay Create(IEnumerable<GeoPoint> points) =>
        new(ProjectedShapes.Create(points) ?? throw QueryException.NotSupported("geo shapes spanning a hemisphere or more"));

    public Geometry Polygons(GeoPoint[][][] polygons)
    {
        var parts = new Polygon[polygons.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var rings = polygons[i];
            var holes = new LinearRing[rings.Length - 1];
            for (var h = 1; h < rings.Length; h++)
            {
                holes[h - 1] = _factory.CreateLinearRing(Coordinates(rings[h]));
            }

            parts[i] = _factory.CreatePolygon(_factory.CreateLinearRing(Coordinates(rings[0])), holes);
        }

        return parts.Length == 1 ? parts[0] : _factory.CreateMultiPolygon(parts);
    }

    public Geometry Lines(GeoPoint[][] lines)
    {
        var parts = new LineString[lines.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = _factory.CreateLineString(Coordinates(lines[i]));
        }

        return parts.Length == 1 ? parts[0] : _factory.CreateMultiLineString(parts);
    }

    /// <summary>The union of polygons, each valid on its own; invalid planar input (self-crossing rings) throws NotSupported.</summary>
    public Geometry UnionAll(IEnumerable<Geometry> geometries)
    {
        Geometry? union = null;
        foreach (var geometry in geometries)
        {
            union = union is null ? geometry : Overlay(() => union.Union(geometry));
        }

        return union ?? _factory.CreateGeometryCollection();
    }

    public static Geometry Overlay(Func<Geometry> operation)
    {
        try
        {
            return operation();
        }
        catch (TopologyException)
        {
            throw QueryException.NotSupported("geo overlay of self-intersecting shapes");
        }
    }

    /// <summary>Lines merged into maximal chains where they meet end to end.</summary>
    public Geometry MergeLines(Geometry lines)
    {
        var merger = new LineMerger();
        merger.Add(lines);
        var merged = merger.GetMergedLineStrings().Cast<LineString>().ToArray();
        return merged.Length == 1 ? merged[0] : _factory.CreateMultiLineString(merged);
    }

    /// <summary>The rings of every polygon in the geometry, back on the sphere (shells first in each polygon).</summary>
    public List<List<GeoPoint>[]> PolygonRings(Geometry geometry)
    {
        var result = new List<List<GeoPoint>[]>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon && !polygon.IsEmpty)
            {
                result.Add([Ring(polygon.Shell, true), .. polygon.Holes.Select(h => Ring(h, false))]);
            }
        }

        return result;
    }

    public DynamicValue ToGeoJson(Geometry geometry)
    {
        switch (geometry)
        {
            case Point point when !point.IsEmpty:
                return GeoJson.Point(Back(point.Coordinate));
            case LineString line when !line.IsEmpty:
                return GeoJson.LineString(Points(line.Coordinates));
            case Polygon polygon when !polygon.IsEmpty:
                return GeoJson.Polygon(PolygonRings(polygon)[0]);
            case MultiPoint points when !points.IsEmpty:
                return GeoJson.MultiPoint(points.Coordinates.Select(Back).ToList());
            case MultiLineString lines when !lines.IsEmpty:
                return GeoJson.MultiLineString([.. lines.Geometries.Select(l => (IReadOnlyList<GeoPoint>)Points(l.Coordinates))]);
            case MultiPolygon polygons when !polygons.IsEmpty:
                return GeoJson.MultiPolygon([.. PolygonRings(polygons).Select(r => (IReadOnlyList<IReadOnlyList<GeoPoint>>)r)]);
            case GeometryCollection collection:
                return GeoJson.GeometryCollection([.. collection.Geometries.Where(g => !g.IsEmpty).Select(ToGeoJson)]);
            default:
                return GeoJson.GeometryCollection([]);
        }
    }

    private Coordinate[] Coordinates(GeoPoint[] points)
    {
        var result = new Coordinate[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            var projected = _plane.Project(points[i]);
            _originals.TryAdd((projected.X, projected.Y), points[i]);
            result[i] = new Coordinate(projected.X, projected.Y);
        }

        return result;
    }

    // GeoJSON wants shells counter-clockwise and holes clockwise.
    private List<GeoPoint> Ring(LineString ring, bool isShell)
    {
        var points = Points(ring.Coordinates);
        if (Orientation.IsCCW(ring.Coordinates) != isShell)
        {
            points.Reverse();
        }

        return points;
    }

    private List<GeoPoint> Points(Coordinate[] coordinates) => coordinates.Select(Back).ToList();

    private GeoPoint Back(Coordinate coordinate) =>
        _originals.TryGetValue((coordinate.X, coordinate.Y), out var original) ? original : _plane.Unproject(new PlanarPoint(coordinate.X, coordinate.Y));
}
