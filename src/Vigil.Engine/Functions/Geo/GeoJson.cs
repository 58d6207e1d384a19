using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Reads and writes the GeoJSON shapes (RFC 7946) that geo_* functions take and return as dynamic values.
/// Readers return false for anything Kusto calls invalid: a wrong "type", coordinates that are not numbers or lie
/// outside [-180, 180] x [-90, 90], lines with fewer than two points, rings that are not closed or have fewer than
/// three distinct vertices.
/// </summary>
internal static class GeoJson
{
    /// <summary>A LineString or MultiLineString as its lines.</summary>
    public static bool TryReadLines(DynamicValue value, out GeoPoint[][] lines)
    {
        lines = [];
        var type = TypeOf(value);
        var coordinates = value.GetProperty("coordinates");
        if (type == "LineString")
        {
            if (!TryReadLine(coordinates, out var line))
            {
                return false;
            }

            lines = [line];
            return true;
        }

        if (type != "MultiLineString" || coordinates.Kind != DynamicKind.Array || coordinates.Count == 0)
        {
            return false;
        }

        var result = new GeoPoint[coordinates.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            if (!TryReadLine(coordinates.ArrayItems[i], out result[i]))
            {
                return false;
            }
        }

        lines = result;
        return true;
    }

    /// <summary>A Polygon or MultiPolygon as its polygons, each a list of rings (the shell first, then holes).</summary>
    public static bool TryReadPolygons(DynamicValue value, out GeoPoint[][][] polygons)
    {
        polygons = [];
        var type = TypeOf(value);
        var coordinates = value.GetProperty("coordinates");
        if (type == "Polygon")
        {
            if (!TryReadPolygon(coordinates, out var polygon))
            {
                return false;
            }

            polygons = [polygon];
            return true;
        }

        if (type != "MultiPolygon" || coordinates.Kind != DynamicKind.Array || coordinates.Count == 0)
        {
            return false;
        }

        var result = new GeoPoint[coordinates.Count][][];
        for (var i = 0; i < result.Length; i++)
        {
            if (!TryReadPolygon(coordinates.ArrayItems[i], out result[i]))
            {
                return false;
            }
        }

        polygons = result;
        return true;
    }

    /// <summary>A [longitude, latitude] pair inside the valid range.</summary>
    public static bool TryReadPosition(DynamicValue value, out GeoPoint point)
    {
        point = default;
        if (value.Kind != DynamicKind.Array || value.Count < 2 || value.Count > 3
            || !TryNumber(value.ArrayItems[0], out var longitude) || !TryNumber(value.ArrayItems[1], out var latitude))
        {
            return false;
        }

        point = new GeoPoint(longitude, latitude);
        return point.IsValid;
    }

    public static DynamicValue Point(GeoPoint point) => Shape("Point", Position(point));

    public static DynamicValue MultiPoint(IReadOnlyList<GeoPoint> points) => Shape("MultiPoint", Positions(points));

    public static DynamicValue LineString(IReadOnlyList<GeoPoint> points) => Shape("LineString", Positions(points));

    public static DynamicValue MultiLineString(IReadOnlyList<IReadOnlyList<GeoPoint>> lines)
    {
        var items = new DynamicValue[lines.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Positions(lines[i]);
        }

        return Shape("MultiLineString", DynamicValue.WrapArray(items));
    }

    public static DynamicValue Polygon(IReadOnlyList<IReadOnlyList<GeoPoint>> rings) => Shape("Polygon", Rings(rings));

    public static DynamicValue MultiPolygon(IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>> polygons)
    {
        var items = new DynamicValue[polygons.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Rings(polygons[i]);
        }

        return Shape("MultiPolygon", DynamicValue.WrapArray(items));
    }

    public static DynamicValue GeometryCollection(IReadOnlyList<DynamicValue> geometries) =>
        DynamicValue.FromBag(new DynamicPropertyBag.Builder(2)
            .Set("type", DynamicValue.FromString("GeometryCollection"))
            .Set("geometries", DynamicValue.WrapArray([.. geometries]))
            .ToBag());

    private static string? TypeOf(DynamicValue value)
    {
        var type = value.GetProperty("type");
        return type.Kind == DynamicKind.String ? type.StringValue : null;
    }

    private static bool TryReadLine(DynamicValue coordinates, out GeoPoint[] line)
    {
        line = [];
        if (coordinates.Kind != DynamicKind.Array || coordinates.Count < 2)
        {
            return false;
        }

        var points = new GeoPoint[coordinates.Count];
        for (var i = 0; i < points.Length; i++)
        {
            if (!TryReadPosition(coordinates.ArrayItems[i], out points[i]))
            {
                return false;
            }
        }

        line = points;
        return true;
    }

    private static bool TryReadPolygon(DynamicValue coordinates, out GeoPoint[][] rings)
    {
        rings = [];
        if (coordinates.Kind != DynamicKind.Array || coordinates.Count == 0)
        {
            return false;
        }

        var result = new GeoPoint[coordinates.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            if (!TryReadRing(coordinates.ArrayItems[i], out result[i]))
            {
                return false;
            }
        }

        rings = result;
        return true;
    }

    private static bool TryReadRing(DynamicValue coordinates, out GeoPoint[] ring)
    {
        if (!TryReadLine(coordinates, out ring) || ring.Length < 4 || ring[0] != ring[^1])
        {
            return false;
        }

        // A ring needs three distinct vertices to enclose an area.
        var distinct = new HashSet<GeoPoint>(ring);
        return distinct.Count >= 3;
    }

    private static bool TryNumber(DynamicValue value, out double number)
    {
        switch (value.Kind)
        {
            case DynamicKind.Long:
                number = value.LongValue;
                return true;
            case DynamicKind.Real:
                number = value.RealValue;
                return true;
            case DynamicKind.Decimal:
                number = (double)value.DecimalValue;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static DynamicValue Shape(string type, DynamicValue coordinates) =>
        DynamicValue.FromBag(new DynamicPropertyBag.Builder(2)
            .Set("type", DynamicValue.FromString(type))
            .Set("coordinates", coordinates)
            .ToBag());

    private static DynamicValue Position(GeoPoint point) =>
        DynamicValue.WrapArray([DynamicValue.FromReal(point.Longitude), DynamicValue.FromReal(point.Latitude)]);

    private static DynamicValue Positions(IReadOnlyList<GeoPoint> points)
    {
        var items = new DynamicValue[points.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Position(points[i]);
        }

        return DynamicValue.WrapArray(items);
    }

    private static DynamicValue Rings(IReadOnlyList<IReadOnlyList<GeoPoint>> rings)
    {
        var items = new DynamicValue[rings.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Positions(rings[i]);
        }

        return DynamicValue.WrapArray(items);
    }
}
