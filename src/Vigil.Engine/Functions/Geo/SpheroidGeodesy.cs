namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Geodesic distance on the WGS-84 ellipsoid by Vincenty's inverse formula (T. Vincenty, Survey Review, 1975):
/// iterate on the longitude difference on the auxiliary sphere until it settles, then integrate the arc length.
/// </summary>
internal static class SpheroidGeodesy
{
    private const double SemiMajorAxis = 6378137.0;
    private const double Flattening = 1 / 298.257223563;
    private const double SemiMinorAxis = SemiMajorAxis * (1 - Flattening);

    /// <summary>The distance in meters, or NaN where the iteration does not converge (nearly antipodal points).</summary>
    public static double Distance(GeoPoint a, GeoPoint b)
    {
        var lambdaStart = double.DegreesToRadians(b.Longitude - a.Longitude);
        var u1 = Math.Atan((1 - Flattening) * Math.Tan(double.DegreesToRadians(a.Latitude)));
        var u2 = Math.Atan((1 - Flattening) * Math.Tan(double.DegreesToRadians(b.Latitude)));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);

        var lambda = lambdaStart;
        double sinSigma, cosSigma, sigma, cosSquaredAlpha, cos2SigmaM;
        var iterations = 0;
        while (true)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            var crossTerm = (cosU1 * sinU2) - (sinU1 * cosU2 * cosLambda);
            sinSigma = Math.Sqrt((cosU2 * sinLambda * cosU2 * sinLambda) + (crossTerm * crossTerm));
            if (sinSigma == 0)
            {
                return 0;
            }

            cosSigma = (sinU1 * sinU2) + (cosU1 * cosU2 * cosLambda);
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSquaredAlpha = 1 - (sinAlpha * sinAlpha);

            // On the equator cos^2(alpha) is 0 and the term vanishes.
            cos2SigmaM = cosSquaredAlpha == 0 ? 0 : cosSigma - (2 * sinU1 * sinU2 / cosSquaredAlpha);
            var c = Flattening / 16 * cosSquaredAlpha * (4 + (Flattening * (4 - (3 * cosSquaredAlpha))));
            var previous = lambda;
            lambda = lambdaStart + ((1 - c) * Flattening * sinAlpha
                * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                break;
            }

            if (++iterations > 200)
            {
                return double.NaN;
            }
        }

        var uSquared = cosSquaredAlpha * ((SemiMajorAxis * SemiMajorAxis) - (SemiMinorAxis * SemiMinorAxis)) / (SemiMinorAxis * SemiMinorAxis);
        var bigA = 1 + (uSquared / 16384 * (4096 + (uSquared * (-768 + (uSquared * (320 - (175 * uSquared)))))));
        var bigB = uSquared / 1024 * (256 + (uSquared * (-128 + (uSquared * (74 - (47 * uSquared))))));
        var deltaSigma = bigB * sinSigma * (cos2SigmaM + (bigB / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
            - (bigB / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
        return SemiMinorAxis * bigA * (sigma - deltaSigma);
    }
}
