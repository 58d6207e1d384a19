namespace Vigil.Engine.Tests.Query;

public class SourceTests
{
    [Fact]
    public void Print_names_unnamed_columns_print_N_and_evaluates_expressions()
    {
        var result = QueryRunner.Run("print 1 + 2, x = strcat('a', 'b'), strlen('hello')");
        Assert.Equal("print_0:long, x:string, print_1:long", QueryRunner.Schema(result));
        Assert.Equal(["3 | ab | 5"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Datatable_returns_its_rows_with_typed_nulls()
    {
        var rows = QueryRunner.Rows("datatable(a:long, b:string, c:datetime) [1, 'x', datetime(2020-01-01), long(null), '', datetime(null)]");
        Assert.Equal(["1 | x | 2020-01-01T00:00:00.0000000Z", "null |  | null"], rows);
    }

    [Fact]
    public void Range_includes_the_end_and_spans_several_batches()
    {
        var result = QueryRunner.Run("range x from 1 to 5000 step 1 | summarize count(), sum(x), min(x), max(x)");
        Assert.Equal(["5000 | 12502500 | 1 | 5000"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Range_over_datetimes_steps_by_timespan()
    {
        var rows = QueryRunner.Rows("range t from datetime(2021-01-01) to datetime(2021-01-01 02:00) step 1h");
        Assert.Equal(["2021-01-01T00:00:00.0000000Z", "2021-01-01T01:00:00.0000000Z", "2021-01-01T02:00:00.0000000Z"], rows);
    }

    [Fact]
    public void Range_with_negative_step_counts_down()
    {
        Assert.Equal(["3", "2", "1"], QueryRunner.Rows("range x from 3 to 1 step -1"));
    }

    [Fact]
    public void Let_bound_scalars_and_tables_are_usable()
    {
        var rows = QueryRunner.Rows("let n = 2; let T = range x from 1 to 5 step 1; T | where x > n | count");
        Assert.Equal(["3"], rows);
    }
}
