namespace Vigil.Engine.Tests.Query;

/// <summary>mv-apply: a subquery per row over its expanded values, with take/top/summarize/where inside.</summary>
public class MvApplyTests
{
    private const string Data = "datatable(i:int, a:dynamic) [0, dynamic([1, 5, 3]), 1, dynamic([10, 2, 5, 7])]";

    [Fact]
    public void Top_inside_keeps_the_largest_element_of_each_row()
    {
        var result = QueryRunner.Run(Data + " | mv-apply e = a to typeof(long) on (top 1 by e)");
        Assert.Equal("i:int, a:dynamic, e:long", QueryRunner.Schema(result));
        Assert.Equal(["0 | [1,5,3] | 5", "1 | [10,2,5,7] | 10"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Summarize_inside_gives_one_row_per_input_row()
    {
        Assert.Equal(
            ["0 | [1,5,3] | 9", "1 | [10,2,5,7] | 24"],
            QueryRunner.Rows(Data + " | mv-apply e = a to typeof(long) on (summarize s = sum(e))"));
    }

    [Fact]
    public void Expanded_column_replaced_by_the_subquery_is_not_repeated()
    {
        var result = QueryRunner.Run(Data + " | mv-apply a to typeof(long) on (summarize a = make_list(a))");
        Assert.Equal("i:int, a:dynamic", QueryRunner.Schema(result));
        Assert.Equal(["0 | [1,5,3]", "1 | [10,2,5,7]"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Item_index_is_visible_to_the_subquery()
    {
        Assert.Equal(
            ["0 | [1,5,3] | 3 | 2", "1 | [10,2,5,7] | 5 | 2", "1 | [10,2,5,7] | 7 | 3"],
            QueryRunner.Rows(Data + " | mv-apply with_itemindex=x v = a to typeof(long) on (where x >= 2)"));
    }

    [Fact]
    public void Empty_array_runs_the_subquery_over_no_rows()
    {
        Assert.Equal(
            ["1 | 0", "2 | 2"],
            QueryRunner.Rows("datatable(k:int, a:dynamic) [1, dynamic([]), 2, dynamic([4, 5])] | mv-apply a on (summarize n = count()) | project k, n"));
        Assert.Equal(
            ["2 | 4"],
            QueryRunner.Rows("datatable(k:int, a:dynamic) [1, dynamic([]), 2, dynamic([4, 5])] | mv-apply a on (take 1)"));
    }

    [Fact]
    public void Two_arrays_expand_together()
    {
        Assert.Equal(
            ["1 | [\"A1_B1\",\"A2_B2\",\"_B3\"]"],
            QueryRunner.Rows("print v = 1, x = dynamic(['A1', 'A2']), y = dynamic(['B1', 'B2', 'B3']) "
                + "| mv-apply t1 = x, t2 = y on (extend o = strcat(t1, '_', t2) | summarize o = make_list(o)) | project v, o"));
    }
}
