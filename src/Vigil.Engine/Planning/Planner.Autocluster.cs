using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>Share of the weight a new autocluster pattern must capture (among rows no pattern captured yet).</summary>
    private const double AutoclusterMinimumShare = 0.05;

    /// <summary>
    /// autocluster([SizeWeight, WeightColumn, NumSeeds, CustomWildcard, ...]): Seed-Expand. A pattern's score is the
    /// weighted geometric mean (weights SizeWeight and 1-SizeWeight) of its size (share of the rows it captures) and of
    /// how informative it is (share of the dimensions it fixes). Seeds are the NumSeeds most frequent distinct rows
    /// not captured yet; each expands by dropping, one at a time, the value whose removal raises the score most,
    /// until no removal raises it. The best pattern so found is kept, its rows count as captured, and the search
    /// repeats over the rest (scores count the rows not captured yet, so each pattern describes a new portion) until
    /// a pattern would capture less than 5% of the rows. The reference seeds randomly; seeding by frequency keeps the
    /// result the same from run to run. Output: SegmentId, Count, Percent (of all rows), then the dimension columns.
    /// </summary>
    private LogicalValues PlanAutocluster(FunctionCallExpression call, LogicalOperator input)
    {
        var (arguments, _) = PluginArguments(call);
        var sizeWeight = PatternNumber(arguments, 0, 0.5, "autocluster SizeWeight");
        if (sizeWeight is <= 0 or >= 1 || double.IsNaN(sizeWeight))
        {
            throw new QueryException(QueryErrorKind.Semantic, "autocluster's SizeWeight must be between 0 and 1.");
        }

        var weightColumn = PatternWeightColumn(arguments, 1, input.Schema, "autocluster");
        var numSeeds = PatternNumber(arguments, 2, 25, "autocluster NumSeeds");
        if (numSeeds < 1 || numSeeds > 10_000 || numSeeds != Math.Floor(numSeeds))
        {
            throw new QueryException(QueryErrorKind.Semantic, "autocluster's NumSeeds must be an integer from 1 to 10000.");
        }

        var wildcards = PatternWildcards(arguments, 3);
        var dimensions = PatternDimensions(input.Schema, weightColumn);
        var table = PatternTable.Build(Materialize(input), dimensions, 1, _ => 0, weightColumn, "autocluster");
        var total = table.Totals[0];
        var search = new SeedExpand(table, sizeWeight);
        var patterns = new List<int[]>();
        while (total > 0 && dimensions.Length > 0)
        {
            var best = search.Best((int)numSeeds);
            if (best is null || search.Residual(best) < AutoclusterMinimumShare * total * (1 - 1e-12))
            {
                break;
            }

            patterns.Add(best);
            search.Capture(best);
        }

        var schema = PatternSchema(
        [
            new ColumnSymbol("SegmentId", ScalarType.Int),
            new ColumnSymbol("Count", ScalarType.Long),
            new ColumnSymbol("Percent", ScalarType.Real),
        ], input.Schema, dimensions);
        var rows = new List<ScalarValue[]>(patterns.Count);
        foreach (var pattern in patterns)
        {
            var count = FrequentItemsets.CountOf(table, pattern)[0];
            var row = new ScalarValue[schema.Count];
            row[0] = ScalarValue.FromInt(rows.Count);
            row[1] = ScalarValue.FromLong((long)Math.Round(count));
            row[2] = ScalarValue.FromReal(PatternPercent(count, total));
            FillPatternCells(row, 3, table, pattern, schema, wildcards);
            rows.Add(row);
        }

        return PluginResult(schema, rows);
    }

    /// <summary>The local search of autocluster over the rows not captured yet.</summary>
    private sealed class SeedExpand(PatternTable table, double sizeWeight)
    {
        private const long MaxWork = 400_000_000;
        private readonly bool[] _captured = new bool[table.Rows.Count];
        private long _work;

        /// <summary>The best pattern reached from the seeds, or null when no row is left to seed from.</summary>
        public int[]? Best(int seedCount)
        {
            var seeds = new List<int>();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (!_captured[r] && table.Rows[r].Length > 0)
                {
                    seeds.Add(r);
                }
            }

            seeds.Sort((a, b) => table.Weights[b][0] != table.Weights[a][0] ? table.Weights[b][0].CompareTo(table.Weights[a][0]) : a.CompareTo(b));
            int[]? best = null;
            var bestScore = double.NegativeInfinity;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var s = 0; s < Math.Min(seedCount, seeds.Count); s++)
            {
                var (pattern, score) = Expand(table.Rows[seeds[s]]);
                if (seen.Add(string.Join(',', pattern)) && score > bestScore * (1 + 1e-12))
                {
                    best = pattern;
                    bestScore = score;
                }
            }

            return best;
        }

        /// <summary>The weight of the rows not captured yet that hold the pattern.</summary>
        public double Residual(int[] pattern)
        {
            _work += (long)table.Rows.Count * pattern.Length;
            if (_work > MaxWork)
            {
                throw new QueryException(QueryErrorKind.Runtime, "autocluster: the input is too large to search; project fewer columns, filter rows or lower NumSeeds.");
            }

            var weight = 0.0;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                if (!_captured[r] && FrequentItemsets.Holds(table.Rows[r], pattern))
                {
                    weight += table.Weights[r][0];
                }
            }

            return weight;
        }

        public void Capture(int[] pattern)
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                _captured[r] |= FrequentItemsets.Holds(table.Rows[r], pattern);
            }
        }

        private double Score(int[] pattern) =>
            Math.Pow(Residual(pattern) / table.Totals[0], sizeWeight) * Math.Pow((double)pattern.Length / table.DimensionCount, 1 - sizeWeight);

        private (int[] Pattern, double Score) Expand(int[] seed)
        {
            var pattern = seed;
            var score = Score(pattern);
            while (pattern.Length > 1)
            {
                int[]? next = null;
                var nextScore = score;
                for (var drop = 0; drop < pattern.Length; drop++)
                {
                    var candidate = new int[pattern.Length - 1];
                    Array.Copy(pattern, 0, candidate, 0, drop);
                    Array.Copy(pattern, drop + 1, candidate, drop, pattern.Length - drop - 1);
                    var candidateScore = Score(candidate);
                    if (candidateScore > nextScore * (1 + 1e-12))
                    {
                        next = candidate;
                        nextScore = candidateScore;
                    }
                }

                if (next is null)
                {
                    break;
                }

                pattern = next;
                score = nextScore;
            }

            return (pattern, score);
        }
    }
}
