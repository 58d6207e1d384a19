using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>The geo_* functions over LineString / MultiLineString values: lengths, distances, densify, simplify, interpolation.</summary>
internal static class LineFunctions
{
    private const double DefaultDensifyTolerance = 10;
    private const double DefaultSimplifyTolerance = 10;

    public static ScalarValue Length(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var total = 0.0;
        foreach (var line in lines)
        {
            total += SphereGeodesy.Length(line);
        }

        return ScalarValue.FromReal(total);
    }

    /// <summary>(longitude, latitude, line): the shortest distance in meters from the point to the line.</summary>
    public static ScalarValue DistanceToLine(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        if (!point.IsValid || !GeoJson.TryReadLines(arguments[2].Dynamic, out var lines))
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var best = double.PositiveInfinity;
        foreach (var line in lines)
        {
            for (var i = 1; i < line.Length; i++)
            {
                best = Math.Min(best, SphereGeodesy.DistanceToSegment(point, line[i - 1], line[i]));
            }
        }

        return ScalarValue.FromReal(best);
    }

    /// <summary>(line[, tolerance[, preserve_crossing]]): planar edges turned into geodesic chains within tolerance meters ([0.1, 10000]).</summary>
    public static ScalarValue Densify(ReadOnlySpan<ScalarValue> arguments)
    {
        var tolerance = arguments.Length > 1 ? arguments[1].Real : DefaultDensifyTolerance;
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines) || !Densifier.IsValidTolerance(tolerance))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var densified = new List<GeoPoint>[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            densified[i] = Densifier.Densify(lines[i], tolerance);
            if (densified[i].Count > Densifier.MaxPoints)
            {
                return ScalarValue.Null(ScalarType.Dynamic);
            }
        }

        var isMulti = arguments[0].Dynamic.GetProperty("type").ToString() == "MultiLineString";
        return ScalarValue.FromDynamic(isMulti ? GeoJson.MultiLineString(densified) : GeoJson.LineString(densified[0]));
    }

    /// <summary>(line, fraction): the point at that fraction of the line's length, fraction in [0, 1].</summary>
    public static ScalarValue InterpolatePoint(ReadOnlySpan<ScalarValue> arguments)
    {
        var fraction = arguments[1].Real;
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines) || lines.Length != 1 || !(fraction is >= 0 and <= 1))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var line = lines[0];
        var remaining = fraction * SphereGeodesy.Length(line);
        for (var i = 1; i < line.Length; i++)
        {
            var edge = SphereGeodesy.Distance(line[i - 1], line[i]);
            if (remaining <= edge && edge > 0)
            {
                return ScalarValue.FromDynamic(GeoJson.Point(SphereGeodesy.Interpolate(line[i - 1], line[i], remaining / edge)));
            }

            remaining -= edge;
        }

        return ScalarValue.FromDynamic(GeoJson.Point(line[^1]));
    }

    /// <summary>(line, longitude, latitude[, use_spheroid]): the fraction of the line's length at its point nearest to the given point.</summary>
    public static ScalarValue LocatePoint(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[1].Real, arguments[2].Real);
        if (!point.IsValid || !GeoJson.TryReadLines(arguments[0].Dynamic, out var lines) || lines.Length != 1)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        if (arguments.Length > 3 && arguments[3].Bool)
        {
            throw QueryException.NotSupported("geo_line_locate_point on the spheroid (use_spheroid = true)");
        }

        var line = lines[0];
        var total = SphereGeodesy.Length(line);
        if (total == 0)
        {
            return ScalarValue.Null(ScalarType.Real);
        }

        var target = SphereVector.FromPoint(point);
        var bestAngle = double.PositiveInfinity;
        var bestAlong = 0.0;
        var along = 0.0;
        for (var i = 1; i < line.Length; i++)
        {
            var start = SphereVector.FromPoint(line[i - 1]);
            var closest = SphereGeodesy.ClosestOnSegment(target, start, SphereVector.FromPoint(line[i]));
            var angle = target.AngleTo(closest);
            if (angle < bestAngle)
            {
                bestAngle = angle;
                bestAlong = along + (SphereGeodesy.EarthRadius * start.AngleTo(closest));
            }

            along += SphereGeodesy.Distance(line[i - 1], line[i]);
        }

        return ScalarValue.FromReal(Math.Clamp(bestAlong / total, 0, 1));
    }

    /// <summary>(line[, tolerance]): the line simplified by Douglas-Peucker with geodesic distances in meters; null when it collapses to a point.</summary>
    public static ScalarValue Simplify(ReadOnlySpan<ScalarValue> arguments)
    {
        var tolerance = arguments.Length > 1 ? arguments[1].Real : DefaultSimplifyTolerance;
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines) || !(tolerance >= 0) || double.IsInfinity(tolerance))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var simplified = new List<GeoPoint>[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            simplified[i] = Simplifier.Simplify(lines[i], tolerance);
            if (simplified[i].Count < 2)
            {
                return ScalarValue.Null(ScalarType.Dynamic);
            }
        }

        var isMulti = arguments[0].Dynamic.GetProperty("type").ToString() == "MultiLineString";
        return ScalarValue.FromDynamic(isMulti ? GeoJson.MultiLineString(simplified) : GeoJson.LineString(simplified[0]));
    }

    /// <summary>(longitude, latitude, line): the point of the line nearest to the given point.</summary>
    public static ScalarValue ClosestPoint(ReadOnlySpan<ScalarValue> arguments)
    {
        var point = new GeoPoint(arguments[0].Real, arguments[1].Real);
        if (!point.IsValid || !GeoJson.TryReadLines(arguments[2].Dynamic, out var lines))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        return ScalarValue.FromDynamic(GeoJson.Point(Nearest(point, lines)));
    }

    /// <summary>The point of the polylines nearest to <paramref name="point"/>, an end point itself when nearest.</summary>
    public static GeoPoint Nearest(GeoPoint point, GeoPoint[][] lines)
    {
        var target = SphereVector.FromPoint(point);
        var bestAngle = double.PositiveInfinity;
        var best = point;
        foreach (var line in lines)
        {
            for (var i = 1; i < line.Length; i++)
            {
                var a = SphereVector.FromPoint(line[i - 1]);
                var b = SphereVector.FromPoint(line[i]);
                var closest = SphereGeodesy.ClosestOnSegment(target, a, b);
                var angle = target.AngleTo(closest);
                if (angle < bestAngle)
                {
                    bestAngle = angle;
                    best = closest == a ? line[i - 1] : closest == b ? line[i] : closest.ToPoint();
                }
            }
        }

        return best;
    }

    /// <summary>The true centroid of a line or multiline on the sphere.</summary>
    public static ScalarValue Centroid(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!GeoJson.TryReadLines(arguments[0].Dynamic, out var lines))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var moment = new SphereVector(0, 0, 0);
        foreach (var line in lines)
        {
            moment += SphereCentroid.LineMoment(line);
        }

        return moment.Length < 1e-300 ? ScalarValue.Null(ScalarType.Dynamic) : ScalarValue.FromDynamic(GeoJson.Point(moment.Normalized().ToPoint()));
    }
}
