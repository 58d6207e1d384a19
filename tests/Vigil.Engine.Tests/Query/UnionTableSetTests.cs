namespace Vigil.Engine.Tests.Query;

/// <summary>union over table wildcards (<c>Device*</c>), with <c>isfuzzy=true</c> and with <c>kind=inner</c>, over a stored workspace.</summary>
public class UnionTableSetTests(StorageWorkspaceFixture fixture) : IClassFixture<StorageWorkspaceFixture>
{
    private List<string> Rows(string query) => QueryRunner.Rows(query, fixture.Engine);

    [Fact]
    public void A_wildcard_unions_every_matching_table_and_withsource_names_each()
    {
        Assert.Equal(["2"], Rows("union Device* | count"));
        Assert.Equal(
            ["DeviceProcessEvents | 2", "Events_CL | 3000"],
            Rows("union withsource=Source Device*, Events_* | summarize n = count() by Source | where n > 0 | order by Source asc"));
    }

    [Fact]
    public void Isfuzzy_skips_a_table_that_does_not_exist()
    {
        Assert.Equal(["2"], Rows("union isfuzzy=true DeviceProcessEvents, NoSuchTable_CL | count"));
    }

    [Fact]
    public void Kind_inner_keeps_only_the_columns_every_input_has()
    {
        var result = QueryRunner.Run("union kind=inner (print a = 1, b = 'x'), (print a = 2, c = 3.5) | order by a asc", fixture.Engine);
        Assert.Equal("a:long", QueryRunner.Schema(result));
        Assert.Equal(["1", "2"], QueryRunner.Rows(result));
    }
}
