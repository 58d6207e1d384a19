using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Most patterns diffpatterns returns.</summary>
    private const int MaxDiffPatterns = 100;

    /// <summary>
    /// diffpatterns(SplitColumn, SplitValueA, SplitValueB [, WeightColumn, Threshold, MaxDimensions, CustomWildcard, ...]):
    /// set A is the rows whose tostring(SplitColumn) is SplitValueA, set B those with SplitValueB. Candidates are the
    /// patterns (Apriori itemsets of at most MaxDimensions values) holding at least Threshold of the rows of A or of B
    /// whose percentages in A and B differ by at least Threshold (as percentage points). They are picked greedily by
    /// that difference, largest first; a candidate is skipped when it refines or generalizes a picked pattern, or when
    /// most of its rows are already captured by picked ones (the reference returns "a small set of patterns" that
    /// capture different portions of the data). Percentages are rounded to two decimals and PercentDiffAB is their
    /// difference, as the reference prints them. The split and weight columns are not in the output.
    /// </summary>
    private LogicalValues PlanDiffPatterns(FunctionCallExpression call, LogicalOperator input)
    {
        var (arguments, _) = PluginArguments(call);
        if (arguments.Count < 3)
        {
            throw new QueryException(QueryErrorKind.Semantic, "diffpatterns needs a split column and the two split values.");
        }

        var splitColumn = input.Schema.IndexOf(PluginColumn(arguments[0], input.Schema, "diffpatterns split column"));
        var valueA = PluginValues.Text(PluginConstant(arguments[1], "diffpatterns split value A"));
        var valueB = PluginValues.Text(PluginConstant(arguments[2], "diffpatterns split value B"));
        var weightColumn = PatternWeightColumn(arguments, 3, input.Schema, "diffpatterns");
        var threshold = PatternNumber(arguments, 4, 0.05, "diffpatterns threshold");
        if (threshold is < 0.015 or > 1 || double.IsNaN(threshold))
        {
            throw new QueryException(QueryErrorKind.Semantic, "diffpatterns' threshold must be between 0.015 and 1.");
        }

        var dimensions = PatternDimensions(input.Schema, weightColumn, splitColumn);
        var maxDimensions = PatternNumber(arguments, 5, dimensions.Length, "diffpatterns MaxDimensions");
        if (maxDimensions < 1 || maxDimensions != Math.Floor(maxDimensions))
        {
            throw new QueryException(QueryErrorKind.Semantic, "diffpatterns' MaxDimensions must be a positive integer.");
        }

        var wildcards = PatternWildcards(arguments, 6);
        var table = PatternTable.Build(Materialize(input), dimensions, 2, row =>
        {
            var text = PluginValues.Text(row[splitColumn]);
            return text == valueA ? 0 : text == valueB ? 1 : -1;
        }, weightColumn, "diffpatterns");

        var (totalA, totalB) = (table.Totals[0], table.Totals[1]);
        if (totalA <= 0 || totalB <= 0)
        {
            throw new QueryException(QueryErrorKind.Semantic, "diffpatterns needs rows with both split values.");
        }

        double Share(double count, double total) => count / total;
        var itemsets = FrequentItemsets.Mine(
            table,
            counts => Math.Max(Share(counts[0], totalA), Share(counts[1], totalB)) >= threshold * (1 - 1e-12),
            (int)Math.Min(maxDimensions, dimensions.Length),
            "diffpatterns");

        var candidates = new List<(Itemset Pattern, double Diff)>();
        foreach (var itemset in itemsets)
        {
            // The printed (rounded) difference decides, so equal-looking differences tie exactly.
            var diff = PercentDiff(itemset, totalA, totalB);
            if (diff >= Math.Round(threshold * 100, 2))
            {
                candidates.Add((itemset, diff));
            }
        }

        candidates.Sort((a, b) => ComparePatterns(a.Diff, a.Pattern.Items, b.Diff, b.Pattern.Items));
        var picked = PickDistinctPatterns(table, candidates.ConvertAll(c => c.Pattern), MaxDiffPatterns, "diffpatterns");

        var schema = PatternSchema(
        [
            new ColumnSymbol("SegmentId", ScalarType.Int),
            new ColumnSymbol("CountA", ScalarType.Long),
            new ColumnSymbol("CountB", ScalarType.Long),
            new ColumnSymbol("PercentA", ScalarType.Real),
            new ColumnSymbol("PercentB", ScalarType.Real),
            new ColumnSymbol("PercentDiffAB", ScalarType.Real),
        ], input.Schema, dimensions);
        var rows = new List<ScalarValue[]>(picked.Count);
        foreach (var pattern in picked)
        {
            var percentA = PatternPercent(pattern.Counts[0], totalA);
            var percentB = PatternPercent(pattern.Counts[1], totalB);
            var row = new ScalarValue[schema.Count];
            row[0] = ScalarValue.FromInt(rows.Count);
            row[1] = ScalarValue.FromLong((long)Math.Round(pattern.Counts[0]));
            row[2] = ScalarValue.FromLong((long)Math.Round(pattern.Counts[1]));
            row[3] = ScalarValue.FromReal(percentA);
            row[4] = ScalarValue.FromReal(percentB);
            row[5] = ScalarValue.FromReal(PercentDiff(pattern, totalA, totalB));
            FillPatternCells(row, 6, table, pattern.Items, schema, wildcards);
            rows.Add(row);
        }

        return PluginResult(schema, rows);
    }

    private static double PercentDiff(Itemset pattern, double totalA, double totalB) =>
        Math.Round(Math.Abs(PatternPercent(pattern.Counts[0], totalA) - PatternPercent(pattern.Counts[1], totalB)), 2);

    /// <summary>
    /// Picks patterns in the given order, skipping one that refines or generalizes a picked pattern or whose weight is
    /// mostly (half or more, each set's rows weighing by
    /// their share of that set) in rows a picked pattern already captures. At most <paramref name="limit"/> are picked.
    /// </summary>
    private static List<Itemset> PickDistinctPatterns(PatternTable table, List<Itemset> ordered, int limit, string plugin)
    {
        const long maxWork = 400_000_000;
        var picked = new List<Itemset>();
        var covered = new bool[table.Rows.Count];
        var work = 0L;
        foreach (var candidate in ordered)
        {
            if (picked.Count >= limit)
            {
                break;
            }

            if (picked.Exists(p => IsSubset(p.Items, candidate.Items) || IsSubset(candidate.Items, p.Items)))
            {
                continue;
            }

            work += (long)table.Rows.Count * candidate.Items.Length;
            if (work > maxWork)
            {
                throw new QueryException(QueryErrorKind.Runtime, $"{plugin}: too many candidate patterns to compare; raise the threshold, lower MaxDimensions or project fewer columns.");
            }

            double all = 0, alreadyCovered = 0;
            var rows = new List<int>();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (FrequentItemsets.Holds(table.Rows[r], candidate.Items))
                {
                    rows.Add(r);
                    var weight = 0.0;
                    for (var s = 0; s < table.Totals.Length; s++)
                    {
                        weight += table.Totals[s] > 0 ? table.Weights[r][s] / table.Totals[s] : 0;
                    }

                    all += weight;
                    alreadyCovered += covered[r] ? weight : 0;
                }
            }

            if (alreadyCovered * 2 >= all && picked.Count > 0)
            {
                continue;
            }

            picked.Add(candidate);
            foreach (var r in rows)
            {
                covered[r] = true;
            }
        }

        return picked;
    }

    /// <summary>Whether every item of the ascending <paramref name="small"/> is in the ascending <paramref name="large"/>.</summary>
    private static bool IsSubset(int[] small, int[] large)
    {
        if (small.Length > large.Length)
        {
            return false;
        }

        foreach (var item in small)
        {
            if (Array.BinarySearch(large, item) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
