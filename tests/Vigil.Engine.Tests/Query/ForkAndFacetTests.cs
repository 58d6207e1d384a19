namespace Vigil.Engine.Tests.Query;

/// <summary>fork and facet return several result tables, each with its name.</summary>
public class ForkAndFacetTests
{
    private const string Storms =
        "datatable(State:string, Kind:string, Deaths:long) ['FLORIDA','Flood',2, 'FLORIDA','Hail',0, 'TEXAS','Flood',5, 'FLORIDA','Flood',0]";

    [Fact]
    public void Fork_returns_one_table_per_subquery_named_generic_result()
    {
        var result = QueryRunner.Run(Storms + " | where State == 'FLORIDA' | fork (where Deaths > 1) (summarize n = count() by Kind | order by Kind asc)");
        Assert.Equal(2, result.Tables.Count);
        Assert.Same(result, result.Tables[0]);
        Assert.Equal(["GenericResult", "GenericResult"], result.Tables.Select(t => t.Name));
        Assert.Equal(["FLORIDA | Flood | 2"], QueryRunner.Rows(result.Tables[0]));
        Assert.Equal("Kind:string, n:long", QueryRunner.Schema(result.Tables[1]));
        Assert.Equal(["Flood | 2", "Hail | 1"], QueryRunner.Rows(result.Tables[1]));
    }

    [Fact]
    public void Fork_tables_take_the_given_name_or_a_trailing_as()
    {
        var named = QueryRunner.Run(Storms + " | fork WithDeaths = (where Deaths > 0) Texas = (where State == 'TEXAS' | count)");
        Assert.Equal(["WithDeaths", "Texas"], named.Tables.Select(t => t.Name));
        Assert.Equal(["1"], QueryRunner.Rows(named.Tables[1]));

        var byAs = QueryRunner.Run(Storms + " | fork (where Deaths > 0 | as StormsWithDeaths) (take 1)");
        Assert.Equal(["StormsWithDeaths", "GenericResult"], byAs.Tables.Select(t => t.Name));
        Assert.Equal(2, byAs.Tables[0].RowCount);
    }

    [Fact]
    public void A_single_result_is_the_primary_result()
    {
        var result = QueryRunner.Run("print x = 1");
        Assert.Equal("PrimaryResult", result.Name);
        Assert.Single(result.Tables);
    }

    [Fact]
    public void Fork_followed_by_an_operator_is_refused_not_misread()
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run(Storms + " | fork (take 1) (take 2) | count"));
        Assert.Equal(QueryErrorKind.NotSupported, error.Kind);
    }

    [Fact]
    public void Facet_counts_each_column_after_the_with_table()
    {
        var result = QueryRunner.Run(Storms + " | facet by State, Kind with (where Deaths > 1 | project State, Deaths)");
        Assert.Equal(3, result.Tables.Count);
        Assert.Equal("State:string, Deaths:long", QueryRunner.Schema(result.Tables[0]));
        Assert.Equal(["FLORIDA | 2", "TEXAS | 5"], QueryRunner.Rows(result.Tables[0]));
        Assert.Equal("State:string, count_State:long", QueryRunner.Schema(result.Tables[1]));
        Assert.Equal(["FLORIDA | 3", "TEXAS | 1"], QueryRunner.Rows(result.Tables[1]).Order());
        Assert.Equal("Kind:string, count_Kind:long", QueryRunner.Schema(result.Tables[2]));
        Assert.Equal(["Flood | 3", "Hail | 1"], QueryRunner.Rows(result.Tables[2]).Order());
    }

    [Fact]
    public void Facet_without_with_has_only_the_column_tables()
    {
        var result = QueryRunner.Run(Storms + " | facet by Kind");
        Assert.Single(result.Tables);
        Assert.Equal("Kind:string, count_Kind:long", QueryRunner.Schema(result));
    }
}
