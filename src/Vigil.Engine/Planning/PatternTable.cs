using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Planning;

/// <summary>
/// The input of the pattern-mining plugins (basket, autocluster, diffpatterns) as sets of items, an item being one
/// dimension column having one value. Identical rows are merged, their weights summed per data set (diffpatterns has
/// two sets, A and B), so the miners work on distinct rows only. Null and empty values are no items: a pattern could
/// not tell them from its wildcard.
/// </summary>
internal sealed class PatternTable
{
    /// <summary>Most distinct items the plugins work with, so the per-item state stays bounded.</summary>
    public const int MaxItems = 1_000_000;

    private PatternTable(int dimensionCount, List<(int Dimension, ScalarValue Value)> items, List<int[]> rows, List<double[]> weights, double[] totals)
    {
        DimensionCount = dimensionCount;
        Items = items;
        Rows = rows;
        Weights = weights;
        Totals = totals;
    }

    public int DimensionCount { get; }

    /// <summary>Item id to its dimension and value.</summary>
    public List<(int Dimension, ScalarValue Value)> Items { get; }

    /// <summary>Distinct rows as their item ids, ascending.</summary>
    public List<int[]> Rows { get; }

    /// <summary>Per distinct row, its summed weight in each set.</summary>
    public List<double[]> Weights { get; }

    /// <summary>Summed weight of all rows of each set.</summary>
    public double[] Totals { get; }

    /// <summary>
    /// Encodes <paramref name="input"/>: <paramref name="dimensions"/> are the input columns to mine, <paramref name="setOf"/>
    /// gives a row's set (negative leaves it out) and <paramref name="weightColumn"/> its weight (-1 for 1 each).
    /// </summary>
    public static PatternTable Build(List<ScalarValue[]> input, int[] dimensions, int setCount, Func<ScalarValue[], int> setOf, int weightColumn, string plugin)
    {
        var itemIds = new Dictionary<(int, ScalarValue), int>();
        var items = new List<(int Dimension, ScalarValue Value)>();
        var rowIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<int[]>();
        var weights = new List<double[]>();
        var totals = new double[setCount];
        var buffer = new List<int>(dimensions.Length);
        var key = new System.Text.StringBuilder();
        foreach (var row in input)
        {
            var set = setOf(row);
            if (set < 0)
            {
                continue;
            }

            var weight = 1.0;
            if (weightColumn >= 0)
            {
                var cell = row[weightColumn];
                weight = cell.IsNull ? 0 : cell.Type switch
                {
                    ScalarType.Real => cell.Real,
                    ScalarType.Decimal => (double)cell.Decimal,
                    ScalarType.Int or ScalarType.Long => cell.Int64,
                    _ => throw new QueryException(QueryErrorKind.Semantic, $"{plugin}'s weight column must be numeric."),
                };
                if (weight <= 0 || double.IsNaN(weight))
                {
                    continue;
                }
            }

            buffer.Clear();
            for (var d = 0; d < dimensions.Length; d++)
            {
                var value = row[dimensions[d]];
                if (value.IsNull || value.Type is ScalarType.Dynamic || (value.Type == ScalarType.String && value.String.Length == 0))
                {
                    continue;
                }

                if (!itemIds.TryGetValue((d, value), out var id))
                {
                    if (items.Count >= MaxItems)
                    {
                        throw new QueryException(QueryErrorKind.Runtime, $"{plugin}: the input has more than {MaxItems} distinct values; project fewer or more discrete columns.");
                    }

                    id = items.Count;
                    items.Add((d, value));
                    itemIds[(d, value)] = id;
                }

                buffer.Add(id);
            }

            buffer.Sort();
            key.Clear();
            foreach (var id in buffer)
            {
                key.Append(id).Append(',');
            }

            if (!rowIds.TryGetValue(key.ToString(), out var rowId))
            {
                rowId = rows.Count;
                rowIds[key.ToString()] = rowId;
                rows.Add([.. buffer]);
                weights.Add(new double[setCount]);
            }

            weights[rowId][set] += weight;
            totals[set] += weight;
        }

        return new PatternTable(dimensions.Length, items, rows, weights, totals);
    }
}
