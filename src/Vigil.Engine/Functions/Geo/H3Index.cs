using System.Globalization;

namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// The bit layout of an H3 cell index (Uber's published H3 index format): mode 1 in bits 59-62, the resolution in
/// bits 52-55, the base cell (0..121) in bits 45-51, then one 3-bit digit (0..6) per resolution 1..15 from bit 42
/// down, digits past the resolution set to 7. Cells of the 12 pentagon base cells never take digit 1 (the deleted
/// K axis) as their first non-zero digit. Hierarchy operations work on these bits alone.
/// </summary>
internal static class H3Index
{
    public const int MaxResolution = 15;

    private const int BaseCellCount = 122;
    private const int ResolutionShift = 52;
    private const int BaseCellShift = 45;

    private static readonly HashSet<int> PentagonBaseCells = [4, 14, 24, 38, 49, 58, 63, 72, 83, 97, 107, 117];

    public static bool TryParse(string token, out ulong index)
    {
        index = 0;
        if (token.Length is 0 or > 16 || !ulong.TryParse(token, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || !IsValid(value))
        {
            return false;
        }

        index = value;
        return true;
    }

    public static string ToToken(ulong index) => index.ToString("x", CultureInfo.InvariantCulture);

    public static int Resolution(ulong index) => (int)((index >> ResolutionShift) & 0xF);

    /// <summary>The ancestor at <paramref name="resolution"/> (at most the cell's own).</summary>
    public static ulong Parent(ulong index, int resolution)
    {
        var parent = (index & ~(0xFUL << ResolutionShift)) | ((ulong)resolution << ResolutionShift);
        for (var r = resolution + 1; r <= MaxResolution; r++)
        {
            parent |= 7UL << DigitShift(r);
        }

        return parent;
    }

    /// <summary>The descendants at <paramref name="resolution"/> in digit order.</summary>
    public static List<ulong> Children(ulong index, int resolution)
    {
        var current = new List<ulong> { index };
        for (var r = Resolution(index) + 1; r <= resolution; r++)
        {
            var next = new List<ulong>(current.Count * 7);
            foreach (var cell in current)
            {
                var skipK = IsPentagon(cell);
                var child = (cell & ~(0xFUL << ResolutionShift)) | ((ulong)r << ResolutionShift);
                for (ulong digit = 0; digit < 7; digit++)
                {
                    if (skipK && digit == 1)
                    {
                        continue;
                    }

                    next.Add((child & ~(7UL << DigitShift(r))) | (digit << DigitShift(r)));
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>Whether the cell is a pentagon: a pentagon base cell and all digits 0.</summary>
    public static bool IsPentagon(ulong index)
    {
        if (!PentagonBaseCells.Contains(BaseCell(index)))
        {
            return false;
        }

        for (var r = 1; r <= Resolution(index); r++)
        {
            if (Digit(index, r) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValid(ulong index)
    {
        if ((index >> 63) != 0 || ((index >> 59) & 0xF) != 1 || ((index >> 56) & 0x7) != 0 || BaseCell(index) >= BaseCellCount)
        {
            return false;
        }

        var resolution = Resolution(index);
        var pentagon = PentagonBaseCells.Contains(BaseCell(index));
        var leadingZeros = true;
        for (var r = 1; r <= MaxResolution; r++)
        {
            var digit = Digit(index, r);
            if (r > resolution)
            {
                if (digit != 7)
                {
                    return false;
                }

                continue;
            }

            if (digit == 7 || (pentagon && leadingZeros && digit == 1))
            {
                return false;
            }

            leadingZeros &= digit == 0;
        }

        return true;
    }

    private static int BaseCell(ulong index) => (int)((index >> BaseCellShift) & 0x7F);

    private static int Digit(ulong index, int resolution) => (int)((index >> DigitShift(resolution)) & 7);

    private static int DigitShift(int resolution) => (MaxResolution - resolution) * 3;
}
