namespace Vigil.Engine.Tests.Query;

/// <summary>sample, sample-distinct and getschema.</summary>
public class SampleAndSchemaTests
{
    [Fact]
    public void Sample_returns_at_most_n_distinct_input_rows()
    {
        var rows = QueryRunner.Rows("range x from 1 to 5000 step 1 | sample 10");
        Assert.Equal(10, rows.Count);
        Assert.Equal(10, rows.Distinct().Count());
        Assert.All(rows, r => Assert.InRange(long.Parse(r, System.Globalization.CultureInfo.InvariantCulture), 1, 5000));
        Assert.Equal(3, QueryRunner.Run("range x from 1 to 3 step 1 | sample 10").RowCount);
        Assert.Equal(0, QueryRunner.Run("range x from 1 to 3 step 1 | sample 0").RowCount);
    }

    [Fact]
    public void Sample_distinct_returns_distinct_values_of_the_expression()
    {
        var result = QueryRunner.Run("range x from 1 to 100 step 1 | sample-distinct 3 of x % 5");
        Assert.Equal(3, result.RowCount);
        Assert.Equal(3, QueryRunner.Rows(result).Distinct().Count());
        Assert.Equal(["0", "1", "2", "3", "4"], QueryRunner.Rows("range x from 1 to 100 step 1 | extend m = x % 5 | sample-distinct 10 of m | order by m asc"));
    }

    [Fact]
    public void Getschema_lists_columns_with_ordinals_and_types()
    {
        var result = QueryRunner.Run("print a = 'x', b = 1, c = dynamic([1]) | mv-expand c to typeof(int) | getschema");
        Assert.Equal("ColumnName:string, ColumnOrdinal:int, DataType:string, ColumnType:string", QueryRunner.Schema(result));
        Assert.Equal(
            ["a | 0 | System.String | string", "b | 1 | System.Int64 | long", "c | 2 | System.Int32 | int"],
            QueryRunner.Rows(result));
    }
}
