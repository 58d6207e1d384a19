using Vigil.Engine.Functions.Geo;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    private const int GeoLookupOptionStart = 4;

    /// <summary>
    /// geo_polygon_lookup(LookupTable, PolygonKey, Longitude, Latitude [, radius] [, return_unmatched] [, lookup_area_radius]
    /// [, return_lookup_key]) and geo_line_lookup(LookupTable, LineKey, Longitude, Latitude, radius, ...): each input row
    /// joined with every lookup row whose polygon contains the point (or lies within radius meters of it) or whose line
    /// lies within radius meters. Unmatched rows are dropped, or kept with empty lookup columns when return_unmatched is
    /// true. The key column is left out unless return_lookup_key is true. lookup_area_radius is only a speed hint of
    /// Kusto's index, so it does not change which rows match here; a bounding cap per shape skips far shapes instead.
    /// </summary>
    private LogicalValues PlanGeoLookup(FunctionCallExpression call, LogicalOperator input, TableSchema output, bool lines)
    {
        var what = lines ? "geo_line_lookup" : "geo_polygon_lookup";
        var (arguments, named) = PluginArguments(call);
        if (arguments.Count < (lines ? 5 : 4) && !(lines && named.ContainsKey("radius")))
        {
            throw new QueryException(QueryErrorKind.Semantic, lines
                ? "geo_line_lookup needs the lookup table, the line column, the longitude and latitude columns and the radius."
                : "geo_polygon_lookup needs the lookup table, the polygon column and the longitude and latitude columns.");
        }

        var radius = GeoLookupOption(arguments, named, 0, "radius") is { } radiusArgument
            ? GeoLookupRadius(radiusArgument, what)
            : 0;
        var returnUnmatched = GeoLookupFlag(arguments, named, 1, "return_unmatched");
        var returnKey = GeoLookupFlag(arguments, named, 3, "return_lookup_key");

        var lookup = PlanTabular(arguments[0]);
        var keyIndex = lookup.Schema.IndexOf(PluginColumn(arguments[1], lookup.Schema, lines ? "lookup line column" : "lookup polygon column"));
        var longitudeIndex = input.Schema.IndexOf(PluginColumn(arguments[2], input.Schema, "source longitude column"));
        var latitudeIndex = input.Schema.IndexOf(PluginColumn(arguments[3], input.Schema, "source latitude column"));

        // Shapes are read once; rows whose key is not a valid shape never match.
        var lookupRows = Materialize(lookup);
        var polygonShapes = new GeoPoint[lookupRows.Count][][][];
        var lineShapes = new GeoPoint[lookupRows.Count][][];
        var caps = new BoundingCap[lookupRows.Count];
        for (var r = 0; r < lookupRows.Count; r++)
        {
            var key = PluginValues.ToDynamic(lookupRows[r][keyIndex]);
            if (lines)
            {
                lineShapes[r] = GeoJson.TryReadLines(key, out var shape) ? shape : [];
                caps[r] = BoundingCap.Around(lineShapes[r]);
            }
            else
            {
                polygonShapes[r] = GeoJson.TryReadPolygons(key, out var shape) ? shape : [];
                caps[r] = BoundingCap.Around([.. polygonShapes[r].SelectMany(rings => rings)]);
            }
        }

        var lookupColumns = new List<int>();
        for (var c = 0; c < lookup.Schema.Count; c++)
        {
            if (returnKey || c != keyIndex)
            {
                lookupColumns.Add(c);
            }
        }

        var matched = new List<ScalarValue[]>();
        var unmatched = new List<ScalarValue[]>();
        var inputWidth = input.Schema.Count;
        foreach (var row in Materialize(input))
        {
            var longitude = PluginValues.Fit(row[longitudeIndex], ScalarType.Real);
            var latitude = PluginValues.Fit(row[latitudeIndex], ScalarType.Real);
            var found = false;
            if (!longitude.IsNull && !latitude.IsNull && new GeoPoint(longitude.Real, latitude.Real) is { IsValid: true } point)
            {
                var vector = SphereVector.FromPoint(point);
                for (var r = 0; r < lookupRows.Count; r++)
                {
                    var hit = caps[r].MayBeWithin(vector, radius) && (lines ? IsNearLines(point, lineShapes[r], radius) : IsInOrNearPolygons(point, polygonShapes[r], radius));
                    if (hit)
                    {
                        found = true;
                        matched.Add(GeoLookupRow(row, lookupRows[r], lookupColumns, inputWidth, lookup.Schema));
                    }
                }
            }

            if (!found && returnUnmatched)
            {
                unmatched.Add(GeoLookupRow(row, null, lookupColumns, inputWidth, lookup.Schema));
            }
        }

        matched.AddRange(unmatched);
        var sources = new List<ColumnSymbol>(input.Schema.Columns);
        foreach (var c in lookupColumns)
        {
            sources.Add(lookup.Schema.Columns[c]);
        }

        var names = output.Count == sources.Count && !output.IsOpen ? output : TableSchema.WithUniqueNames(sources);
        var columns = new List<ColumnSymbol>(sources.Count);
        for (var c = 0; c < sources.Count; c++)
        {
            columns.Add(new ColumnSymbol(names.Columns[c].Name, PlanTypes.Normalize(sources[c].Type)));
        }

        return PluginResult(new TableSchema(columns), matched);
    }

    private static ScalarValue[] GeoLookupRow(ScalarValue[] row, ScalarValue[]? lookupRow, List<int> lookupColumns, int inputWidth, TableSchema lookupSchema)
    {
        var combined = new ScalarValue[inputWidth + lookupColumns.Count];
        Array.Copy(row, combined, inputWidth);
        for (var i = 0; i < lookupColumns.Count; i++)
        {
            var c = lookupColumns[i];
            combined[inputWidth + i] = lookupRow is not null ? lookupRow[c] : PluginValues.Empty(PlanTypes.Normalize(lookupSchema.Columns[c].Type));
        }

        return combined;
    }

    private static bool IsInOrNearPolygons(GeoPoint point, GeoPoint[][][] polygons, double radius)
    {
        foreach (var rings in polygons)
        {
            if (SphericalPolygon.Contains(rings, point))
            {
                return true;
            }
        }

        return radius > 0 && polygons.Length > 0 && IsNearLines(point, [.. polygons.SelectMany(rings => rings)], radius);
    }

    private static bool IsNearLines(GeoPoint point, GeoPoint[][] lines, double radius)
    {
        foreach (var line in lines)
        {
            for (var i = 1; i < line.Length; i++)
            {
                if (SphereGeodesy.DistanceToSegment(point, line[i - 1], line[i]) <= radius)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>An option given by name or at its place after the four required arguments (a literal there).</summary>
    private static Expression? GeoLookupOption(List<Expression> arguments, Dictionary<string, Expression> named, int position, string name)
    {
        if (named.TryGetValue(name, out var option))
        {
            return option;
        }

        var index = GeoLookupOptionStart + position;
        return index < arguments.Count ? arguments[index] : null;
    }

    private bool GeoLookupFlag(List<Expression> arguments, Dictionary<string, Expression> named, int position, string name)
    {
        if (GeoLookupOption(arguments, named, position, name) is not { } option)
        {
            return false;
        }

        var value = PluginConstant(option, name + " option");
        return value is { IsNull: false, Type: ScalarType.Bool } && value.Bool;
    }

    private double GeoLookupRadius(Expression argument, string what)
    {
        var value = PluginValues.Fit(PluginConstant(argument, "radius"), ScalarType.Real);
        if (value.IsNull || !double.IsFinite(value.Real) || value.Real < 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, $"The radius of {what} must be a non-negative number of meters.");
        }

        return value.Real;
    }
}
