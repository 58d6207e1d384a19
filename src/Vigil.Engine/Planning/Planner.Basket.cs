using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// basket([Threshold, WeightColumn, MaxDimensions, CustomWildcard, ...]): the frequent patterns (itemsets whose
    /// weighted share of the rows is at least Threshold, of at most MaxDimensions values) found by Apriori. Only closed
    /// patterns are returned, as the reference output shows: a pattern is left out when a pattern with one more value
    /// has the same count (it says nothing more). Rows: SegmentId, Count, Percent, then the input's columns but the
    /// weight column, holding the pattern's values or the wildcard of their type. Ordered by Count descending, then
    /// fewer values first (the reference fixes no order).
    /// </summary>
    private LogicalValues PlanBasket(FunctionCallExpression call, LogicalOperator input)
    {
        var (arguments, _) = PluginArguments(call);
        var threshold = PatternNumber(arguments, 0, 0.05, "basket threshold");
        if (threshold is < 0.015 or > 1 || double.IsNaN(threshold))
        {
            throw new QueryException(QueryErrorKind.Semantic, "basket's threshold must be between 0.015 and 1.");
        }

        var weightColumn = PatternWeightColumn(arguments, 1, input.Schema, "basket");
        var maxDimensions = PatternNumber(arguments, 2, 5, "basket MaxDimensions");
        if (maxDimensions < 1 || maxDimensions != Math.Floor(maxDimensions))
        {
            throw new QueryException(QueryErrorKind.Semantic, "basket's MaxDimensions must be a positive integer.");
        }

        var wildcards = PatternWildcards(arguments, 3);
        var dimensions = PatternDimensions(input.Schema, weightColumn);
        var table = PatternTable.Build(Materialize(input), dimensions, 1, _ => 0, weightColumn, "basket");
        var total = table.Totals[0];
        var minimum = threshold * total * (1 - 1e-12);
        var itemsets = FrequentItemsets.Mine(table, counts => counts[0] > 0 && counts[0] >= minimum, (int)Math.Min(maxDimensions, dimensions.Length), "basket");

        // A pattern is closed unless a frequent pattern with one more value covers the same weight.
        var closed = new bool[itemsets.Count];
        Array.Fill(closed, true);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < itemsets.Count; i++)
        {
            index[string.Join(',', itemsets[i].Items)] = i;
        }

        foreach (var superset in itemsets)
        {
            if (superset.Items.Length < 2)
            {
                continue;
            }

            for (var skip = 0; skip < superset.Items.Length; skip++)
            {
                var subset = superset.Items.Where((_, i) => i != skip);
                if (index.TryGetValue(string.Join(',', subset), out var s) && itemsets[s].Counts[0] <= superset.Counts[0])
                {
                    closed[s] = false;
                }
            }
        }

        var kept = new List<Itemset>();
        for (var i = 0; i < itemsets.Count; i++)
        {
            if (closed[i])
            {
                kept.Add(itemsets[i]);
            }
        }

        kept.Sort((a, b) => ComparePatterns(a.Counts[0], a.Items, b.Counts[0], b.Items));
        var schema = PatternSchema(
        [
            new ColumnSymbol("SegmentId", ScalarType.Int),
            new ColumnSymbol("Count", ScalarType.Long),
            new ColumnSymbol("Percent", ScalarType.Real),
        ], input.Schema, dimensions);
        var rows = new List<ScalarValue[]>(kept.Count);
        foreach (var pattern in kept)
        {
            var row = new ScalarValue[schema.Count];
            row[0] = ScalarValue.FromInt(rows.Count);
            row[1] = ScalarValue.FromLong((long)Math.Round(pattern.Counts[0]));
            row[2] = ScalarValue.FromReal(PatternPercent(pattern.Counts[0], total));
            FillPatternCells(row, 3, table, pattern.Items, schema, wildcards);
            rows.Add(row);
        }

        return PluginResult(schema, rows);
    }
}
