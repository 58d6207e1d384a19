using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>
/// geo_s2cell_neighbors(token): the cells of the same level around a cell, in S2's order for all neighbours (for the
/// rows below, at and above the cell: left and right, with the bottom and top neighbours between). Each is the cell
/// holding the centre of the neighbouring square in the cell's face coordinates; past a face edge that centre lies
/// on the extended face plane and so on the next face. At a cube corner fewer distinct cells meet; repeats are
/// dropped. An invalid token gives null.
/// </summary>
internal static class S2Neighbors
{
    private static readonly (int Di, int Dj)[] Offsets = [(-1, -1), (1, -1), (0, -1), (0, 1), (-1, 0), (1, 0), (-1, 1), (1, 1)];

    public static ScalarValue Neighbors(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!S2Cell.TryParseToken(arguments[0].String, out var id))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var level = S2Cell.Level(id);
        var (face, s, t, size) = S2Cell.Bounds(id);
        var tokens = new List<string>(Offsets.Length);
        foreach (var (di, dj) in Offsets)
        {
            var point = S2Cell.FacePoint(face, s + ((di + 0.5) * size), t + ((dj + 0.5) * size));
            var neighbor = S2Cell.FromPoint(point, level);
            var token = S2Cell.ToToken(neighbor);
            if (neighbor != id && !tokens.Contains(token))
            {
                tokens.Add(token);
            }
        }

        var items = new DynamicValue[tokens.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = DynamicValue.FromString(tokens[i]);
        }

        return ScalarValue.FromDynamic(DynamicValue.WrapArray(items));
    }
}
