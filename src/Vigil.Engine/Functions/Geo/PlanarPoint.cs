namespace Vigil.Engine.Functions.Geo;

/// <summary>A point in a gnomonic plane.</summary>
internal readonly record struct PlanarPoint(double X, double Y)
{
    public static PlanarPoint Lerp(PlanarPoint a, PlanarPoint b, double t) => new(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
}
