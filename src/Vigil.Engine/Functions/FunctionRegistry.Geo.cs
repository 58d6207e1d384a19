using Vigil.Engine.Functions.Geo;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    private const ScalarType GeoReal = ScalarType.Real;
    private const ScalarType GeoLong = ScalarType.Long;
    private const ScalarType GeoText = ScalarType.String;
    private const ScalarType GeoShape = ScalarType.Dynamic;

    /// <summary>The geo_* functions: points, lines, polygons, geohash, S2 and H3 cells.</summary>
    private static void AddGeoFunctions(Registrar add)
    {
        add(GeoCall(GeoText, [GeoReal, GeoReal], [GeoLong], GeohashFunctions.PointToGeohash), "geo_point_to_geohash");
        add(GeoCall(GeoShape, [GeoText], [], GeohashFunctions.ToCentralPoint), "geo_geohash_to_central_point");
        add(GeoCall(GeoShape, [GeoText], [], GeohashFunctions.ToPolygon), "geo_geohash_to_polygon");
        add(GeoCall(GeoShape, [GeoText], [], GeohashFunctions.Neighbors), "geo_geohash_neighbors");

        add(GeoCall(GeoReal, [GeoReal, GeoReal, GeoReal, GeoReal], [ScalarType.Bool], PointFunctions.Distance), "geo_distance_2points");
        add(GeoCall(ScalarType.Bool, [GeoReal, GeoReal, GeoReal, GeoReal, GeoReal], [], PointFunctions.InCircle), "geo_point_in_circle");
        add(GeoCall(GeoReal, [GeoReal, GeoReal, GeoReal, GeoReal], [], PointFunctions.Azimuth), "geo_azimuth");
        add(GeoCall(GeoShape, [GeoReal, GeoReal, GeoReal], [GeoReal], PointFunctions.Buffer), "geo_point_buffer");

        add(GeoCall(GeoReal, [GeoReal, GeoReal, GeoReal, GeoReal, GeoReal, GeoReal], [], PointFunctions.Angle), "geo_angle");
        add(GeoCall(GeoShape, [GeoText], [], WktFunctions.FromWkt), "geo_from_wkt");

        add(GeoCall(GeoReal, [GeoShape], [], LineFunctions.Length), "geo_line_length");
        add(GeoCall(GeoShape, [GeoReal, GeoReal, GeoShape], [], LineFunctions.ClosestPoint), "geo_closest_point_on_line");
        add(GeoCall(GeoShape, [GeoShape], [], LineFunctions.Centroid), "geo_line_centroid");
        add(GeoCall(GeoReal, [GeoReal, GeoReal, GeoShape], [], LineFunctions.DistanceToLine), "geo_distance_point_to_line");
        add(GeoCall(GeoShape, [GeoShape], [GeoReal, ScalarType.Bool], LineFunctions.Densify), "geo_line_densify");
        add(GeoCall(GeoShape, [GeoShape, GeoReal], [], LineFunctions.InterpolatePoint), "geo_line_interpolate_point");
        add(GeoCall(GeoReal, [GeoShape, GeoReal, GeoReal], [ScalarType.Bool], LineFunctions.LocatePoint), "geo_line_locate_point");
        add(GeoCall(GeoShape, [GeoShape], [GeoReal], LineFunctions.Simplify), "geo_line_simplify");

        add(GeoCall(GeoText, [GeoReal, GeoReal], [GeoLong], S2Functions.PointToCell), "geo_point_to_s2cell");
        add(GeoCall(GeoShape, [GeoText], [], S2Functions.ToCentralPoint), "geo_s2cell_to_central_point");
        add(GeoCall(GeoShape, [GeoText], [], S2Functions.ToPolygon), "geo_s2cell_to_polygon");
        add(GeoCall(GeoShape, [GeoText], [], S2Neighbors.Neighbors), "geo_s2cell_neighbors");
        add(GeoCall(GeoShape, [GeoShape], [GeoLong, GeoReal], S2Functions.PolygonToCells), "geo_polygon_to_s2cells");
        add(GeoCall(GeoShape, [GeoShape], [GeoLong, GeoReal], S2Functions.LineToCells), "geo_line_to_s2cells");

        add(GeoCall(ScalarType.Int, [GeoText], [], H3Functions.Level), "geo_h3cell_level");
        add(GeoCall(GeoText, [GeoText], [GeoLong], H3Functions.Parent), "geo_h3cell_parent");
        add(GeoCall(GeoShape, [GeoText], [GeoLong], H3Functions.Children), "geo_h3cell_children");

        add(GeoCall(GeoReal, [GeoShape], [], PolygonFunctions.Area), "geo_polygon_area");
        add(GeoCall(GeoReal, [GeoShape], [], PolygonFunctions.Perimeter), "geo_polygon_perimeter");
        add(GeoCall(ScalarType.Bool, [GeoReal, GeoReal, GeoShape], [], PolygonFunctions.ContainsPoint), "geo_point_in_polygon");
        add(GeoCall(GeoShape, [GeoShape], [GeoReal, ScalarType.Bool], PolygonFunctions.Densify), "geo_polygon_densify");
        add(GeoCall(GeoReal, [GeoReal, GeoReal, GeoShape], [], PolygonFunctions.DistanceToPolygon), "geo_distance_point_to_polygon");
        add(GeoCall(GeoShape, [GeoReal, GeoReal, GeoShape], [], PolygonFunctions.ClosestPoint), "geo_closest_point_on_polygon");
        add(GeoCall(GeoShape, [GeoShape], [GeoReal], PolygonFunctions.Simplify), "geo_polygon_simplify");
        add(GeoCall(GeoShape, [GeoShape], [], PolygonFunctions.Centroid), "geo_polygon_centroid");

        add(GeoCall(ScalarType.Bool, [GeoShape, GeoShape], [], IntersectionFunctions.LinesIntersect), "geo_intersects_2lines");
        add(GeoCall(ScalarType.Bool, [GeoShape, GeoShape], [], IntersectionFunctions.PolygonsIntersect), "geo_intersects_2polygons");
        add(GeoCall(ScalarType.Bool, [GeoShape, GeoShape], [], IntersectionFunctions.LineIntersectsPolygon), "geo_intersects_line_with_polygon");
        add(GeoCall(GeoShape, [GeoShape, GeoShape], [], IntersectionFunctions.LinesIntersection), "geo_intersection_2lines");
        add(GeoCall(GeoShape, [GeoShape, GeoShape], [], IntersectionFunctions.LineWithPolygonIntersection), "geo_intersection_line_with_polygon");
        add(GeoCall(GeoShape, [GeoShape, GeoShape], [], OverlayFunctions.PolygonsIntersection), "geo_intersection_2polygons");
        add(GeoCall(GeoShape, [GeoShape], [], OverlayFunctions.PolygonsUnion), "geo_union_polygons_array");
        add(GeoCall(GeoShape, [GeoShape], [], OverlayFunctions.LinesUnion), "geo_union_lines_array");
        add(GeoCall(GeoShape, [GeoShape], [GeoReal], OverlayFunctions.SimplifyPolygonsUnion), "geo_simplify_polygons_array");
    }

    /// <summary>A binder for a per-row geo function taking the <paramref name="required"/> argument types and then up to the <paramref name="optional"/> ones.</summary>
    private static Binder GeoCall(ScalarType result, ScalarType[] required, ScalarType[] optional, GeoCompute compute) =>
        (name, arguments, _) =>
        {
            if (arguments.Length < required.Length || arguments.Length > required.Length + optional.Length)
            {
                return null;
            }

            var converted = new ScalarExpr[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                var type = i < required.Length ? required[i] : optional[i - required.Length];
                if (type == GeoShape && arguments[i].Type != GeoShape)
                {
                    return null;
                }

                converted[i] = Convert(arguments[i], type);
            }

            return Fixed(new GeoRowFunction(name, compute), converted, result);
        };
}
