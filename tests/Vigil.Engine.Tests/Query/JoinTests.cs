namespace Vigil.Engine.Tests.Query;

/// <summary>join kinds with Kusto's defaults (innerunique) and column naming (right duplicates get a 1 suffix).</summary>
public class JoinTests
{
    private const string Left = "datatable(k:string, a:long) ['x', 1, 'x', 2, 'y', 3, 'z', 4]";
    private const string Right = "datatable(k:string, b:long) ['x', 10, 'x', 11, 'y', 12, 'w', 13]";

    private static List<string> Sorted(string query) => [.. QueryRunner.Rows(query).Order(StringComparer.Ordinal)];

    [Fact]
    public void Default_join_is_innerunique_keeping_one_left_row_per_key()
    {
        var result = QueryRunner.Run(Left + " | join (" + Right + ") on k");
        Assert.Equal("k:string, a:long, k1:string, b:long", QueryRunner.Schema(result));
        Assert.Equal(["x | 1 | x | 10", "x | 1 | x | 11", "y | 3 | y | 12"], Sorted(Left + " | join (" + Right + ") on k"));
    }

    [Fact]
    public void Inner_join_matches_every_pair()
    {
        Assert.Equal(5, QueryRunner.Run(Left + " | join kind=inner (" + Right + ") on $left.k == $right.k").RowCount);
    }

    [Fact]
    public void Leftouter_keeps_unmatched_left_rows_with_nulls()
    {
        Assert.Contains("z | 4 |  | null", Sorted(Left + " | join kind=leftouter (" + Right + ") on k"));
    }

    [Fact]
    public void Leftsemi_and_leftanti_return_left_rows_with_and_without_a_match()
    {
        Assert.Equal(["x | 1", "x | 2", "y | 3"], Sorted(Left + " | join kind=leftsemi (" + Right + ") on k"));
        Assert.Equal(["z | 4"], Sorted(Left + " | join kind=leftanti (" + Right + ") on k"));
    }

    [Fact]
    public void Rightsemi_and_rightanti_return_right_rows_with_and_without_a_match()
    {
        Assert.Equal(["x | 10", "x | 11", "y | 12"], Sorted(Left + " | join kind=rightsemi (" + Right + ") on k"));
        Assert.Equal(["w | 13"], Sorted(Left + " | join kind=rightanti (" + Right + ") on k"));
    }

    [Fact]
    public void Union_concatenates_inputs_by_column_name_with_nulls_for_missing_columns()
    {
        var result = QueryRunner.Run("let A = " + Left + "; let B = " + Right + "; union withsource=T A, B | where k == 'y'");
        Assert.Equal("T:string, k:string, a:long, b:long", QueryRunner.Schema(result));
        Assert.Equal(["A | y | 3 | null", "B | y | null | 12"], QueryRunner.Rows(result));
        Assert.Equal(8, QueryRunner.Run(Left + " | union (" + Right + ")").RowCount);
    }
}
