namespace Vigil.Engine.Planning;

/// <summary>A set of items (ascending ids, at most one per dimension) and its summed weight in each set.</summary>
internal sealed record Itemset(int[] Items, double[] Counts);

/// <summary>
/// Apriori over a <see cref="PatternTable"/>: the itemsets of size 1, 2, ... up to a maximum whose counts pass a
/// frequency test, each level joined from the one before (two itemsets sharing all but their last item). Counts come
/// from intersecting the ascending lists of distinct rows that hold each itemset. The number of itemsets and the
/// intersection work are bounded; past the bounds the query fails with a message saying what to change.
/// </summary>
internal static class FrequentItemsets
{
    public const int MaxItemsets = 200_000;
    private const long MaxWork = 400_000_000;

    /// <summary>
    /// All itemsets of 1 to <paramref name="maxSize"/> items whose counts pass <paramref name="isFrequent"/>, which
    /// must be anti-monotone (an itemset passing means its subsets pass too).
    /// </summary>
    public static List<Itemset> Mine(PatternTable table, Func<double[], bool> isFrequent, int maxSize, string plugin)
    {
        var sets = table.Totals.Length;
        var result = new List<Itemset>();
        var work = 0L;

        // Level 1: each item's rows.
        var itemRows = new List<int>[table.Items.Count];
        for (var i = 0; i < itemRows.Length; i++)
        {
            itemRows[i] = [];
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            foreach (var item in table.Rows[r])
            {
                itemRows[item].Add(r);
            }
        }

        var level = new List<(int[] Items, int[] Rows)>();
        for (var i = 0; i < itemRows.Length; i++)
        {
            var counts = Count(table, itemRows[i], sets);
            if (isFrequent(counts))
            {
                level.Add(([i], [.. itemRows[i]]));
                result.Add(new Itemset([i], counts));
            }
        }

        for (var size = 2; size <= maxSize && level.Count > 1; size++)
        {
            var next = new List<(int[] Items, int[] Rows)>();
            for (var a = 0; a < level.Count; a++)
            {
                var left = level[a];
                for (var b = a + 1; b < level.Count; b++)
                {
                    var right = level[b];
                    if (!SamePrefix(left.Items, right.Items))
                    {
                        break;
                    }

                    var lastLeft = left.Items[^1];
                    var lastRight = right.Items[^1];
                    if (table.Items[lastLeft].Dimension == table.Items[lastRight].Dimension)
                    {
                        continue;
                    }

                    work += left.Rows.Length + right.Rows.Length;
                    if (work > MaxWork)
                    {
                        throw TooMuch(plugin);
                    }

                    var rows = Intersect(left.Rows, right.Rows);
                    var counts = Count(table, rows, sets);
                    if (!isFrequent(counts))
                    {
                        continue;
                    }

                    int[] items = [.. left.Items, lastRight];
                    next.Add((items, rows));
                    result.Add(new Itemset(items, counts));
                    if (result.Count > MaxItemsets)
                    {
                        throw TooMuch(plugin);
                    }
                }
            }

            level = next;
        }

        return result;
    }

    /// <summary>Summed weights per set of the rows holding every item of <paramref name="items"/>.</summary>
    public static double[] CountOf(PatternTable table, IReadOnlyCollection<int> items)
    {
        var counts = new double[table.Totals.Length];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (Holds(table.Rows[r], items))
            {
                for (var s = 0; s < counts.Length; s++)
                {
                    counts[s] += table.Weights[r][s];
                }
            }
        }

        return counts;
    }

    /// <summary>Whether the ascending <paramref name="row"/> holds every item.</summary>
    public static bool Holds(int[] row, IReadOnlyCollection<int> items)
    {
        foreach (var item in items)
        {
            if (Array.BinarySearch(row, item) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static QueryException TooMuch(string plugin) => new(QueryErrorKind.Runtime,
        $"{plugin}: too many frequent patterns to enumerate; raise the threshold, lower MaxDimensions or project fewer columns.");

    private static bool SamePrefix(int[] left, int[] right)
    {
        for (var i = 0; i < left.Length - 1; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int[] Intersect(int[] left, int[] right)
    {
        var result = new List<int>(Math.Min(left.Length, right.Length));
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                result.Add(left[i]);
                i++;
                j++;
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. result];
    }

    private static double[] Count(PatternTable table, IEnumerable<int> rows, int sets)
    {
        var counts = new double[sets];
        foreach (var r in rows)
        {
            for (var s = 0; s < sets; s++)
            {
                counts[s] += table.Weights[r][s];
            }
        }

        return counts;
    }
}
