using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Geo;

/// <summary>geo_h3cell_level, geo_h3cell_parent, geo_h3cell_children: the H3 hierarchy from the index bits.</summary>
internal static class H3Functions
{
    private const int MaxChildLevels = 5;

    public static ScalarValue Level(ReadOnlySpan<ScalarValue> arguments) =>
        H3Index.TryParse(arguments[0].String, out var index) ? ScalarValue.FromInt(H3Index.Resolution(index)) : ScalarValue.Null(ScalarType.Int);

    /// <summary>(cell[, resolution]): the parent token (default one level up); empty for an invalid cell or a resolution outside [0, cell's].</summary>
    public static ScalarValue Parent(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!H3Index.TryParse(arguments[0].String, out var index))
        {
            return ScalarValue.FromString(string.Empty);
        }

        var level = H3Index.Resolution(index);
        var resolution = arguments.Length > 1 ? arguments[1].Int64 : level - 1;
        if (resolution < 0 || resolution > level)
        {
            return ScalarValue.FromString(string.Empty);
        }

        return ScalarValue.FromString(H3Index.ToToken(H3Index.Parent(index, (int)resolution)));
    }

    /// <summary>(cell[, resolution]): the children tokens (default one level down); null when invalid, coarser, or more than 5 levels down.</summary>
    public static ScalarValue Children(ReadOnlySpan<ScalarValue> arguments)
    {
        if (!H3Index.TryParse(arguments[0].String, out var index))
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var level = H3Index.Resolution(index);
        var resolution = arguments.Length > 1 ? arguments[1].Int64 : level + 1;
        if (resolution < level || resolution > H3Index.MaxResolution || resolution - level > MaxChildLevels)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        var children = H3Index.Children(index, (int)resolution);
        var items = new DynamicValue[children.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = DynamicValue.FromString(H3Index.ToToken(children[i]));
        }

        return ScalarValue.FromDynamic(DynamicValue.WrapArray(items));
    }
}
