namespace Vigil.Engine.Tests.Query;

/// <summary>mv-expand, mv-apply, parse and lookup over data read from storage (dictionary-encoded strings, many batches).</summary>
public class StoredDataOperatorTests(StorageWorkspaceFixture fixture) : IClassFixture<StorageWorkspaceFixture>
{
    private List<string> Rows(string query) => QueryRunner.Rows(query, fixture.Engine);

    [Fact]
    public void Mv_expand_repeats_stored_columns_for_every_element()
    {
        Assert.Equal(["6000 | 7"], Rows("Events_CL | extend part = split(Computer, '-') | mv-expand part | summarize count(), dcount(Computer)"));
        Assert.Equal(["n | 3000"], Rows("Events_CL | mv-expand kind=array Data | summarize count() by k = tostring(Data[0])"));
    }

    [Fact]
    public void Parse_reads_stored_messages_and_parse_where_keeps_the_matches()
    {
        Assert.Equal(["2999 | 49"], Rows("Events_CL | parse Message with 'event number ' n:long ' on ' host | where isnotnull(n) | summarize count(), max(n)"));
        Assert.Equal(["host-2 |  here"], Rows("Events_CL | parse-where Message with * 'needle' rest | project Computer, rest"));
    }

    [Fact]
    public void Mv_apply_runs_per_stored_row()
    {
        Assert.Equal(["3000 | 2"], Rows("Events_CL | extend a = pack_array(EventId, 1, 2) | mv-apply a to typeof(long) on (where a < 4000 | summarize c = count()) | summarize count(), max(c)"));
    }

    [Fact]
    public void Lookup_enriches_stored_rows_from_a_small_table()
    {
        Assert.Equal(
            ["host-0 | zero | 429", "host-1 | one | 429"],
            Rows("Events_CL | lookup kind=inner (datatable(Computer:string, label:string) ['host-0', 'zero', 'host-1', 'one']) on Computer "
                + "| summarize count() by Computer, label | order by Computer asc"));
    }
}
