namespace Vigil.Engine.Tests.Query;

public class TopNestedTests
{
    [Fact]
    public void Levels_without_N_keep_every_value_and_nested_levels_keep_the_top_per_parent()
    {
        var rows = QueryRunner.Rows("""
            datatable(id: string, timestamp: datetime, info: string)
            ["Barak", datetime(2015-01-01), "1", "Barak", datetime(2016-01-01), "2", "Barak", datetime(2017-01-20), "3",
             "Donald", datetime(2017-01-20), "4", "Donald", datetime(2017-01-18), "5", "Donald", datetime(2017-01-19), "6"]
            | top-nested of id by Ignore0=max(1), top-nested 2 of timestamp by Ignore1=max(timestamp), top-nested of info by Ignore2=max(1)
            | project-away Ignore*
            | project id, info
            """);
        Assert.Equal(["Barak | 2", "Barak | 3", "Donald | 4", "Donald | 6"], rows.Order().ToList());
    }

    [Fact]
    public void With_others_adds_the_aggregate_of_the_rest()
    {
        var result = QueryRunner.Run("datatable(s:string, v:long)['a',5,'a',6,'b',3,'c',2,'d',1] | top-nested 2 of s with others='rest' by sum(v)");
        Assert.Equal("s:string, aggregated_s:long", QueryRunner.Schema(result));
        Assert.Equal(["a | 11", "b | 3", "rest | 3"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Ascending_order_and_named_aggregates_apply_per_level()
    {
        var rows = QueryRunner.Rows(
            "datatable(s:string, k:string, v:long)['a','x',5,'a','y',6,'b','x',3,'c','z',2] | top-nested 2 of s by sum(v), top-nested 1 of k by m = max(v) asc");
        Assert.Equal(["a | 11 | x | 5", "b | 3 | x | 3"], rows);
    }
}
