namespace Vigil.Engine.Tests.Query;

public class SampleAndSchemaTests
{
    [Fact]
    public void Getschema_lists_each_column_with_its_clr_and_kql_type()
    {
        var rows = QueryRunner.Rows("datatable(a:int, b:string, c:dynamic, d:bool, e:decimal, f:datetime)[] | getschema");
        Assert.Equal(
            ["a | 0 | System.Int32 | int", "b | 1 | System.String | string", "c | 2 | System.Object | dynamic", "d | 3 | System.SByte | bool",
             "e | 4 | System.Data.SqlTypes.SqlDecimal | decimal", "f | 5 | System.DateTime | datetime"],
            rows);
    }

    [Fact]
    public void Sample_returns_N_distinct_input_rows_in_input_order()
    {
        var rows = QueryRunner.Rows("range x from 1 to 1000 step 1 | sample 7").Select(long.Parse).ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal(rows.Order().ToList(), rows);
        Assert.Equal(7, rows.Distinct().Count());
        Assert.All(rows, x => Assert.InRange(x, 1, 1000));
    }

    [Fact]
    public void Sample_of_fewer_rows_returns_them_all()
    {
        Assert.Equal(["1", "2", "3"], QueryRunner.Rows("range x from 1 to 3 step 1 | sample 10"));
    }

    [Fact]
    public void Sample_distinct_picks_among_distinct_values()
    {
        var rows = QueryRunner.Rows("range x from 1 to 100 step 1 | extend k = x % 4 | sample-distinct 2 of k");
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows.Distinct().Count());
        Assert.All(rows, k => Assert.Contains(k, new[] { "0", "1", "2", "3" }));
    }
}
