namespace Vigil.Engine.Functions.Geo;

/// <summary>A point on (or direction from the centre of) the unit sphere: x towards (0, 0), z towards the north pole.</summary>
internal readonly record struct SphereVector(double X, double Y, double Z)
{
    public static SphereVector FromPoint(GeoPoint point)
    {
        var longitude = double.DegreesToRadians(point.Longitude);
        var latitude = double.DegreesToRadians(point.Latitude);
        var cosLatitude = Math.Cos(latitude);
        return new SphereVector(cosLatitude * Math.Cos(longitude), cosLatitude * Math.Sin(longitude), Math.Sin(latitude));
    }

    public double Length => Math.Sqrt(Dot(this));

    public double Dot(SphereVector other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    public SphereVector Cross(SphereVector other) =>
        new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

    public SphereVector Normalized()
    {
        var length = Length;
        return length == 0 ? this : new SphereVector(X / length, Y / length, Z / length);
    }

    public static SphereVector operator +(SphereVector a, SphereVector b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static SphereVector operator -(SphereVector a, SphereVector b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static SphereVector operator *(SphereVector a, double factor) => new(a.X * factor, a.Y * factor, a.Z * factor);

    /// <summary>The angle to <paramref name="other"/> in radians, accurate for tiny and near-antipodal angles.</summary>
    public double AngleTo(SphereVector other) => Math.Atan2(Cross(other).Length, Dot(other));

    public GeoPoint ToPoint()
    {
        var longitude = double.RadiansToDegrees(Math.Atan2(Y, X));
        var latitude = double.RadiansToDegrees(Math.Atan2(Z, Math.Sqrt((X * X) + (Y * Y))));
        return new GeoPoint(longitude, latitude);
    }
}
