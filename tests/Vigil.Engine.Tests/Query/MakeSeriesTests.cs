namespace Vigil.Engine.Tests.Query;

public class MakeSeriesTests
{
    private const string Data = """
        let data = datatable(timestamp:datetime, metric:real)
        [
          datetime(2016-12-31T06:00), 50, datetime(2017-01-01), 4, datetime(2017-01-02), 3, datetime(2017-01-03), 4,
          datetime(2017-01-03T03:00), 6, datetime(2017-01-05), 8, datetime(2017-01-05T13:40), 13, datetime(2017-01-06), 4,
          datetime(2017-01-07), 3, datetime(2017-01-08), 8, datetime(2017-01-08T21:00), 8, datetime(2017-01-09), 2,
          datetime(2017-01-09T12:00), 11, datetime(2017-01-10T05:00), 5
        ];
        """;

    [Fact]
    public void Series_cover_from_to_exclusive_and_fill_absent_bins_with_zero()
    {
        var result = QueryRunner.Run(Data + "data | make-series avg(metric), c = count() on timestamp from datetime(2017-01-01) to datetime(2017-01-10) step 1d");
        Assert.Equal("avg_metric:dynamic, c:dynamic, timestamp:dynamic", QueryRunner.Schema(result));
        var row = QueryRunner.Rows(result).Single().Split(" | ");
        Assert.Equal("[4.0,3.0,5.0,0.0,10.5,4.0,3.0,8.0,6.5]", row[0]);
        Assert.Equal("[1,1,2,0,2,1,1,2,2]", row[1]);
        Assert.StartsWith("[\"2017-01-01T00:00:00.0000000Z\",\"2017-01-02", row[2], StringComparison.Ordinal);
        Assert.EndsWith("\"2017-01-09T00:00:00.0000000Z\"]", row[2], StringComparison.Ordinal);
    }

    [Fact]
    public void By_keys_share_the_axis_taken_from_the_data_with_a_written_default()
    {
        var rows = QueryRunner.Rows("datatable(t:long, k:string, v:long)[1,'a',10, 2,'a',20, 5,'b',7] | make-series s = sum(v) default = -1 on t step 1 by k");
        Assert.Equal(["a | [10,20,-1,-1,-1] | [1,2,3,4,5]", "b | [-1,-1,-1,-1,7] | [1,2,3,4,5]"], rows);
    }

    [Fact]
    public void Empty_input_gives_no_rows_unless_kind_nonempty()
    {
        Assert.Equal(["0"], QueryRunner.Rows(Data + "data | take 0 | make-series avg(metric) default=1.0 on timestamp from datetime(2017-01-01) to datetime(2017-01-03) step 1d | count"));
        var rows = QueryRunner.Rows(Data + "data | take 0 | make-series kind=nonempty avg(metric) default=1.0 on timestamp from datetime(2017-01-01) to datetime(2017-01-03) step 1d");
        Assert.Equal(["[1.0,1.0] | [\"2017-01-01T00:00:00.0000000Z\",\"2017-01-02T00:00:00.0000000Z\"]"], rows);
    }

    [Fact]
    public void In_range_bins_with_bin_and_includes_the_stop()
    {
        Assert.Equal(["[0,1,0,2,0] | [0,2,4,6,8]"], QueryRunner.Rows("datatable(t:long, v:long)[3,1, 7,2] | make-series s = sum(v) on t in range(1, 9, 2)"));
    }
}
