using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Vigil.Engine.Tests.Query;

namespace Vigil.Engine.Tests.Functions;

/// <summary>
/// dcount's HyperLogLog estimate against the exact count. The reference documents the standard error per accuracy
/// level (1.6%, 0.8%, 0.4%, 0.28%, 0.2%); estimates are checked within five of those (a bound a correct sketch misses
/// with probability under one in a million, so the test does not flake) and exactly below the exact-count limits.
/// </summary>
public class DistinctCountPropertyTests
{
    private static readonly double[] StandardError = [0.016, 0.008, 0.004, 0.0028, 0.002];

    private static long Count(string query) => long.Parse(QueryRunner.Rows(query).Single(), CultureInfo.InvariantCulture);

    [Property(MaxTest = 25)]
    public bool Dcount_stays_within_its_documented_error(PositiveInt cardinality, int salt, byte accuracyChoice)
    {
        var n = (cardinality.Get % 60_000) + 1;
        var accuracy = accuracyChoice % 5;
        var query = string.Create(CultureInfo.InvariantCulture,
            $"range x from 1 to {n} step 1 | extend v = strcat('{salt}-', x) | summarize dcount(v, {accuracy})");
        var estimate = Count(query);
        return Math.Abs(estimate - n) <= 5 * StandardError[accuracy] * n;
    }

    [Property(MaxTest = 25)]
    public bool Dcount_is_exact_for_small_sets_and_ignores_repeats(PositiveInt cardinality, int salt)
    {
        var n = (cardinality.Get % 1_000) + 1;
        var query = string.Create(CultureInfo.InvariantCulture,
            $"range x from 1 to {3 * n} step 1 | extend v = (x % {n}) * 7919 + {salt} | summarize dcount(v)");
        return Count(query) == n;
    }

    [Property(MaxTest = 15)]
    public bool Merged_partial_sketches_count_as_the_whole_input(PositiveInt cardinality, PositiveInt partitions)
    {
        var n = (cardinality.Get % 30_000) + 1;
        var parts = (partitions.Get % 9) + 1;
        var whole = Count(string.Create(CultureInfo.InvariantCulture, $"range x from 1 to {n} step 1 | summarize dcount(x)"));
        var merged = Count(string.Create(CultureInfo.InvariantCulture,
            $"range x from 1 to {n} step 1 | summarize h = hll(x) by p = x % {parts} | summarize m = hll_merge(h) | project dcount_hll(m)"));
        return whole == merged;
    }
}
