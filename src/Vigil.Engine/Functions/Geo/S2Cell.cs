using System.Globalization;
using System.Numerics;

namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// S2 cells as the S2 geometry scheme defines them: the sphere projected onto the six faces of a cube, each face
/// mapped quadratically to [0, 1]^2 and divided 30 times into quadrants numbered along a Hilbert curve. A cell id is
/// 3 face bits, 2 bits per level, then a 1 marker bit; its token is the id in hex without trailing zeros.
/// </summary>
internal static class S2Cell
{
    public const int MaxLevel = 30;

    private const int FacePositionBits = 2 * MaxLevel;
    private const int SwapMask = 1;
    private const int InvertMask = 2;

    // For each orientation, the Hilbert position of the quadrant (i bit, j bit) and the quadrant at each position.
    private static readonly int[][] PositionOfQuadrant = [[0, 1, 3, 2], [0, 3, 1, 2], [2, 3, 1, 0], [2, 1, 3, 0]];
    private static readonly int[][] QuadrantAtPosition = [[0, 1, 3, 2], [0, 2, 3, 1], [3, 2, 0, 1], [3, 1, 0, 2]];

    // How the orientation of the sub-square at each position differs from its parent's.
    private static readonly int[] OrientationChange = [SwapMask, 0, 0, InvertMask | SwapMask];

    /// <summary>The id of the level-<paramref name="level"/> cell containing <paramref name="point"/>.</summary>
    public static ulong FromPoint(GeoPoint point, int level)
    {
        var (face, u, v) = ToFaceUv(SphereVector.FromPoint(point));
        var i = StToIj(UvToSt(u));
        var j = StToIj(UvToSt(v));
        var orientation = face & SwapMask;
        ulong position = 0;
        for (var bit = MaxLevel - 1; bit >= 0; bit--)
        {
            var quadrant = (((i >> bit) & 1) << 1) | ((j >> bit) & 1);
            var digit = PositionOfQuadrant[orientation][quadrant];
            position = (position << 2) | (uint)digit;
            orientation ^= OrientationChange[digit];
        }

        var leaf = ((ulong)face << FacePositionBits + 1) | (position << 1) | 1;
        var lowest = 1UL << (2 * (MaxLevel - level));
        return (leaf & ~((lowest << 1) - 1)) | lowest;
    }

    public static string ToToken(ulong id)
    {
        var text = id.ToString("x16", CultureInfo.InvariantCulture).TrimEnd('0');
        return text.Length == 0 ? "X" : text;
    }

    /// <summary>Parses a token into a valid cell id (face 0..5, marker bit at an even position).</summary>
    public static bool TryParseToken(string token, out ulong id)
    {
        id = 0;
        if (token.Length is 0 or > 16 || !ulong.TryParse(token, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        id = value << (4 * (16 - token.Length));
        return id != 0 && (id >> (FacePositionBits + 1)) <= 5 && BitOperations.TrailingZeroCount(id) % 2 == 0;
    }

    public static int Level(ulong id) => MaxLevel - (BitOperations.TrailingZeroCount(id) / 2);

    /// <summary>The cell's face and its bounds in (s, t) face coordinates.</summary>
    public static (int Face, double SLow, double TLow, double Size) Bounds(ulong id)
    {
        var face = (int)(id >> (FacePositionBits + 1));
        var level = Level(id);
        var orientation = face & SwapMask;
        long i = 0, j = 0;
        for (var k = 0; k < level; k++)
        {
            var digit = (int)((id >> (FacePositionBits - 1 - (2 * k))) & 3);
            var quadrant = QuadrantAtPosition[orientation][digit];
            i = (i << 1) | (uint)(quadrant >> 1);
            j = (j << 1) | (uint)(quadrant & 1);
            orientation ^= OrientationChange[digit];
        }

        var size = 1.0 / (1L << level);
        return (face, i * size, j * size, size);
    }

    /// <summary>The cell's centre (the centre of its (s, t) square).</summary>
    public static GeoPoint Center(ulong id)
    {
        var (face, s, t, size) = Bounds(id);
        return FaceUvToVector(face, StToUv(s + (size / 2)), StToUv(t + (size / 2))).ToPoint();
    }

    /// <summary>The point at face coordinates (s, t); outside [0, 1] the face's plane extends onto the neighbouring face.</summary>
    public static GeoPoint FacePoint(int face, double s, double t) => FaceUvToVector(face, StToUv(s), StToUv(t)).ToPoint();

    /// <summary>The four corners counter-clockwise: (low s, low t), (high s, low t), (high s, high t), (low s, high t).</summary>
    public static GeoPoint[] Corners(ulong id)
    {
        var (face, s, t, size) = Bounds(id);
        double u0 = StToUv(s), u1 = StToUv(s + size), v0 = StToUv(t), v1 = StToUv(t + size);
        return
        [
            FaceUvToVector(face, u0, v0).ToPoint(),
            FaceUvToVector(face, u1, v0).ToPoint(),
            FaceUvToVector(face, u1, v1).ToPoint(),
            FaceUvToVector(face, u0, v1).ToPoint(),
        ];
    }

    private static (int Face, double U, double V) ToFaceUv(SphereVector p)
    {
        double ax = Math.Abs(p.X), ay = Math.Abs(p.Y), az = Math.Abs(p.Z);
        var axis = ax >= ay ? (ax >= az ? 0 : 2) : (ay >= az ? 1 : 2);
        var negative = axis switch { 0 => p.X < 0, 1 => p.Y < 0, _ => p.Z < 0 };
        var face = axis + (negative ? 3 : 0);
        return face switch
        {
            0 => (face, p.Y / p.X, p.Z / p.X),
            1 => (face, -p.X / p.Y, p.Z / p.Y),
            2 => (face, -p.X / p.Z, -p.Y / p.Z),
            3 => (face, p.Z / p.X, p.Y / p.X),
            4 => (face, p.Z / p.Y, -p.X / p.Y),
            _ => (face, -p.Y / p.Z, -p.X / p.Z),
        };
    }

    private static SphereVector FaceUvToVector(int face, double u, double v) => (face switch
    {
        0 => new SphereVector(1, u, v),
        1 => new SphereVector(-u, 1, v),
        2 => new SphereVector(-u, -v, 1),
        3 => new SphereVector(-1, -v, -u),
        4 => new SphereVector(v, -1, -u),
        _ => new SphereVector(v, u, -1),
    }).Normalized();

    // The quadratic projection that evens out cell areas across a face.
    private static double UvToSt(double u) => u >= 0 ? 0.5 * Math.Sqrt(1 + (3 * u)) : 1 - (0.5 * Math.Sqrt(1 - (3 * u)));

    private static double StToUv(double s) => s >= 0.5 ? (1.0 / 3) * ((4 * s * s) - 1) : (1.0 / 3) * (1 - (4 * (1 - s) * (1 - s)));

    private static int StToIj(double s) => (int)Math.Clamp(Math.Floor(s * (1 << MaxLevel)), 0, (1 << MaxLevel) - 1);
}
