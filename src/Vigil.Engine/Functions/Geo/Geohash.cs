namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// Geohash cells: the text of 1 to 18 base-32 digits whose bits alternately halve the longitude range
/// [-180, 180] and the latitude range [-90, 90], longitude first (G. Niemeyer's public-domain scheme).
/// </summary>
internal static class Geohash
{
    public const int MaxLength = 18;

    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    // The order the reference's geo_geohash_neighbors example lists the eight neighbors in, as (east, north) steps.
    private static readonly (int East, int North)[] NeighborSteps =
        [(-1, -1), (-1, 1), (1, -1), (0, 1), (-1, 0), (1, 1), (1, 0), (0, -1)];

    /// <summary>The geohash of <paramref name="point"/> with <paramref name="length"/> characters.</summary>
    public static string Encode(GeoPoint point, int length)
    {
        Span<char> text = stackalloc char[length];
        double west = -180, east = 180, south = -90, north = 90;
        var isLongitude = true;
        for (var i = 0; i < length; i++)
        {
            var digit = 0;
            for (var bit = 0; bit < 5; bit++)
            {
                digit <<= 1;
                if (isLongitude)
                {
                    var middle = (west + east) / 2;
                    if (point.Longitude >= middle)
                    {
                        digit |= 1;
                        west = middle;
                    }
                    else
                    {
                        east = middle;
                    }
                }
                else
                {
                    var middle = (south + north) / 2;
                    if (point.Latitude >= middle)
                    {
                        digit |= 1;
                        south = middle;
                    }
                    else
                    {
                        north = middle;
                    }
                }

                isLongitude = !isLongitude;
            }

            text[i] = Alphabet[digit];
        }

        return new string(text);
    }

    /// <summary>The cell's bounds, or false when the text is no geohash (empty, too long, or a letter outside the alphabet).</summary>
    public static bool TryDecode(string geohash, out double west, out double south, out double east, out double north)
    {
        west = -180;
        east = 180;
        south = -90;
        north = 90;
        if (geohash.Length is 0 or > MaxLength)
        {
            return false;
        }

        var isLongitude = true;
        foreach (var character in geohash)
        {
            var digit = Alphabet.IndexOf(char.ToLowerInvariant(character), StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            for (var bit = 4; bit >= 0; bit--)
            {
                var isSet = ((digit >> bit) & 1) != 0;
                if (isLongitude)
                {
                    var middle = (west + east) / 2;
                    if (isSet)
                    {
                        west = middle;
                    }
                    else
                    {
                        east = middle;
                    }
                }
                else
                {
                    var middle = (south + north) / 2;
                    if (isSet)
                    {
                        south = middle;
                    }
                    else
                    {
                        north = middle;
                    }
                }

                isLongitude = !isLongitude;
            }
        }

        return true;
    }

    /// <summary>The neighbors of a valid geohash (fewer than eight next to a pole), or null for an invalid one.</summary>
    public static List<string>? Neighbors(string geohash)
    {
        if (!TryDecode(geohash, out var west, out var south, out var east, out var north))
        {
            return null;
        }

        var width = east - west;
        var height = north - south;
        var centerLongitude = (west + east) / 2;
        var centerLatitude = (south + north) / 2;
        var neighbors = new List<string>(NeighborSteps.Length);
        foreach (var (stepEast, stepNorth) in NeighborSteps)
        {
            var latitude = centerLatitude + (stepNorth * height);
            if (latitude is < -90 or > 90)
            {
                continue;
            }

            var longitude = centerLongitude + (stepEast * width);
            if (longitude > 180)
            {
                longitude -= 360;
            }
            else if (longitude < -180)
            {
                longitude += 360;
            }

            var neighbor = Encode(new GeoPoint(longitude, latitude), geohash.Length);
            if (!neighbors.Contains(neighbor) && !neighbor.Equals(geohash, StringComparison.OrdinalIgnoreCase))
            {
                neighbors.Add(neighbor);
            }
        }

        return neighbors;
    }
}
