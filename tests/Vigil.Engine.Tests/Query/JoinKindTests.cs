namespace Vigil.Engine.Tests.Query;

/// <summary>join kinds rightouter and fullouter, several keys, null keys, and a filter over an outer join.</summary>
public class JoinKindTests
{
    private const string Left = "datatable(k:string, a:long) ['x', 1, 'x', 2, 'y', 3, 'z', 4]";
    private const string Right = "datatable(k:string, b:long) ['x', 10, 'y', 12, 'w', 13]";

    private static List<string> Sorted(string query) => [.. QueryRunner.Rows(query).Order(StringComparer.Ordinal)];

    [Fact]
    public void Rightouter_keeps_every_match_and_unmatched_right_rows_with_null_left()
    {
        Assert.Equal(
            [" | null | w | 13", "x | 1 | x | 10", "x | 2 | x | 10", "y | 3 | y | 12"],
            Sorted(Left + " | join kind=rightouter (" + Right + ") on k"));
    }

    [Fact]
    public void Fullouter_keeps_unmatched_rows_of_both_sides()
    {
        Assert.Equal(
            [" | null | w | 13", "x | 1 | x | 10", "x | 2 | x | 10", "y | 3 | y | 12", "z | 4 |  | null"],
            Sorted(Left + " | join kind=fullouter (" + Right + ") on k"));
    }

    [Fact]
    public void Filter_on_left_columns_after_an_outer_join_sees_the_null_rows()
    {
        Assert.Equal(["w | 13"], Sorted(Left + " | join kind=fullouter (" + Right + ") on k | where isnull(a) | project k1, b"));
        Assert.Equal(["w | 13"], Sorted(Left + " | join kind=rightouter (" + Right + ") on k | where isnull(a) | project k1, b"));
    }

    [Fact]
    public void Several_keys_must_all_be_equal_and_null_keys_never_match()
    {
        const string L = "datatable(p:long, q:string, v:int) [1, 'a', 1, 1, 'b', 2, long(null), 'a', 3]";
        const string R = "datatable(p2:long, q:string, w:int) [1, 'a', 10, 2, 'b', 20, long(null), 'a', 30]";
        Assert.Equal(["1 | a | 1 | 1 | a | 10"], Sorted(L + " | join kind=inner (" + R + ") on $left.p == $right.p2 and q"));
        Assert.Equal(
            ["1 | a | 1 | 1 | a | 10", "1 | b | 2 | null |  | null", "null | a | 3 | null |  | null"],
            Sorted(L + " | join kind=leftouter (" + R + ") on $left.p == $right.p2, $left.q == $right.q"));
    }
}
