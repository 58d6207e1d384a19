using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

/// <summary>What basket, autocluster and diffpatterns share: '~' for defaults, the weight column, wildcards, output rows.</summary>
internal sealed partial class Planner
{
    /// <summary>Whether the argument is missing or the '~' that asks for its default.</summary>
    private bool IsDefaultArgument(List<Expression> arguments, int index)
    {
        if (index >= arguments.Count)
        {
            return true;
        }

        var (_, unnamed) = Unname(arguments[index]);
        return unnamed is LiteralExpression && PluginConstant(unnamed, "argument") is { IsNull: false, Type: ScalarType.String } text && text.String == "~";
    }

    /// <summary>A numeric constant argument, or <paramref name="fallback"/> for '~' or a missing one.</summary>
    private double PatternNumber(List<Expression> arguments, int index, double fallback, string what)
    {
        if (IsDefaultArgument(arguments, index))
        {
            return fallback;
        }

        var value = PluginConstant(arguments[index], what);
        return value.IsNull ? fallback : value.Type switch
        {
            ScalarType.Real => value.Real,
            ScalarType.Int or ScalarType.Long => value.Int64,
            ScalarType.Decimal => (double)value.Decimal,
            _ => throw new QueryException(QueryErrorKind.Semantic, $"The {what} must be a number."),
        };
    }

    /// <summary>The weight column argument's index in the input, or -1 for '~' or a missing one.</summary>
    private int PatternWeightColumn(List<Expression> arguments, int index, TableSchema schema, string plugin)
    {
        if (IsDefaultArgument(arguments, index))
        {
            return -1;
        }

        var column = schema.IndexOf(PluginColumn(arguments[index], schema, $"{plugin} weight column"));
        if (PlanTypes.Normalize(schema.Columns[column].Type) is not (ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal))
        {
            throw new QueryException(QueryErrorKind.Semantic, $"{plugin}'s weight column must be numeric.");
        }

        return column;
    }

    /// <summary>The custom wildcards from <paramref name="first"/> on: one value per type ('~' skips).</summary>
    private Dictionary<ScalarType, ScalarValue> PatternWildcards(List<Expression> arguments, int first)
    {
        var wildcards = new Dictionary<ScalarType, ScalarValue>();
        for (var i = first; i < arguments.Count; i++)
        {
            if (!IsDefaultArgument(arguments, i))
            {
                var value = PluginConstant(arguments[i], "custom wildcard");
                wildcards[value.Type] = value;
            }
        }

        return wildcards;
    }

    /// <summary>The output schema: the leading result columns, then the dimension columns with their input types.</summary>
    private static TableSchema PatternSchema(List<ColumnSymbol> leading, TableSchema input, int[] dimensions)
    {
        var columns = new List<ColumnSymbol>(leading);
        foreach (var d in dimensions)
        {
            columns.Add(new ColumnSymbol(input.Columns[d].Name, PlanTypes.Normalize(input.Columns[d].Type)));
        }

        return TableSchema.WithUniqueNames(columns);
    }

    /// <summary>The input columns a pattern plugin mines: all but the excluded (weight, split) ones.</summary>
    private static int[] PatternDimensions(TableSchema input, params int[] excluded)
    {
        var dimensions = new List<int>();
        for (var c = 0; c < input.Count; c++)
        {
            if (Array.IndexOf(excluded, c) < 0)
            {
                dimensions.Add(c);
            }
        }

        return [.. dimensions];
    }

    /// <summary>The dimension cells of a pattern: its values, the wildcard of the column's type elsewhere.</summary>
    private static void FillPatternCells(ScalarValue[] row, int offset, PatternTable table, IEnumerable<int> items, TableSchema schema, Dictionary<ScalarType, ScalarValue> wildcards)
    {
        for (var d = 0; d < table.DimensionCount; d++)
        {
            var type = schema.Columns[offset + d].Type;
            row[offset + d] = wildcards.TryGetValue(type, out var wildcard) ? wildcard : PluginValues.Empty(type);
        }

        foreach (var item in items)
        {
            var (dimension, value) = table.Items[item];
            row[offset + dimension] = value;
        }
    }

    /// <summary>A percentage of a total, rounded to two decimals as the plugins print them.</summary>
    private static double PatternPercent(double count, double total) => total > 0 ? Math.Round(100.0 * count / total, 2) : 0;

    /// <summary>Orders patterns by their primary measure descending, then fewer dimensions, then first seen.</summary>
    private static int ComparePatterns(double primaryLeft, int[] left, double primaryRight, int[] right)
    {
        var byPrimary = primaryRight.CompareTo(primaryLeft);
        if (byPrimary != 0)
        {
            return byPrimary;
        }

        if (left.Length != right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return left[i].CompareTo(right[i]);
            }
        }

        return 0;
    }
}
