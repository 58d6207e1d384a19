namespace Vigil.Engine.Functions.Geo;

/// <summary>A WGS-84 coordinate in degrees, longitude first as in GeoJSON.</summary>
internal readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>Whether the coordinate is finite and inside [-180, 180] x [-90, 90], the only range Kusto accepts.</summary>
    public bool IsValid =>
        double.IsFinite(Longitude) && double.IsFinite(Latitude) && Longitude is >= -180 and <= 180 && Latitude is >= -90 and <= 90;

    public static bool IsValidCoordinate(double longitude, double latitude) => new GeoPoint(longitude, latitude).IsValid;
}
