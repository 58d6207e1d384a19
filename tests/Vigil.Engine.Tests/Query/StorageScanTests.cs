using Vigil.Engine.Optimizer;

namespace Vigil.Engine.Tests.Query;

/// <summary>Queries over tables in a real storage workspace: scans, pruning, dictionary strings, built-in tables.</summary>
public class StorageScanTests(StorageWorkspaceFixture fixture) : IClassFixture<StorageWorkspaceFixture>
{
    private static readonly QueryOptions NoPushdown = new() { DisabledOptimizerPasses = new HashSet<string> { PredicatePushdown.PassName } };

    private QueryResult Run(string query, QueryOptions? options = null) => QueryRunner.Run(query, fixture.Engine, options);

    [Fact]
    public void Count_reads_every_row_of_every_extent()
    {
        Assert.Equal([StorageWorkspaceFixture.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)], QueryRunner.Rows(Run("Events_CL | count")));
    }

    [Fact]
    public void Time_range_filter_skips_blocks_and_keeps_exactly_the_matching_rows()
    {
        var query = $"Events_CL | where TimeGenerated >= {fixture.At(2900)} | summarize count(), min(EventId)";
        var pruned = Run(query);
        Assert.Equal(["100 | 4600"], QueryRunner.Rows(pruned));
        Assert.True(pruned.Statistics.ExtentsSkipped >= 1, "the first extent holds only earlier times");
        Assert.True(pruned.Statistics.BlocksSkipped > 0);
        Assert.Equal(QueryRunner.Rows(pruned), QueryRunner.Rows(Run(query, NoPushdown)));
    }

    [Fact]
    public void Has_on_a_rare_term_uses_the_term_index_to_skip_blocks()
    {
        var result = Run("Events_CL | where Message has 'needle' | project Computer, EventId");
        Assert.Equal(["host-2 | 4604"], QueryRunner.Rows(result));
        Assert.True(result.Statistics.BlocksSkipped > 0, "blocks without the term are skipped");
        Assert.Equal(QueryRunner.Rows(result), QueryRunner.Rows(Run("Events_CL | where Message has 'needle' | project Computer, EventId", NoPushdown)));
    }

    [Fact]
    public void String_predicates_on_dictionary_encoded_columns_match_per_value()
    {
        var rows = QueryRunner.Rows(Run("Events_CL | where Computer == 'host-3' or Computer in~ ('HOST-4') | summarize count() by Computer | sort by Computer asc"));
        Assert.Equal(["host-3 | 429", "host-4 | 428"], rows);
    }

    [Fact]
    public void Null_ints_from_storage_are_null_in_comparisons_and_aggregates()
    {
        var rows = QueryRunner.Rows(Run("Events_CL | summarize nulls = countif(isnull(Level)), nonzero = countif(Level != 0), total = count()"));
        // 2,100 rows have a non-zero Level; the 300 null ones count too, since null != 0 is true in Kusto.
        Assert.Equal(["300 | 2400 | 3000"], rows);
    }

    [Fact]
    public void Summarize_by_hour_bins_over_a_scan()
    {
        var result = Run("Events_CL | summarize n = count() by bin(TimeGenerated, 1h) | summarize hours = count(), rows = sum(n)");
        Assert.Equal(["50 | 3000"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Top_by_time_returns_the_latest_rows_first()
    {
        var rows = QueryRunner.Rows(Run("Events_CL | top 2 by TimeGenerated | project EventId, tostring(Data)"));
        Assert.Equal(["4629 | {\"n\":2999}", "4628 | {\"n\":2998}"], rows);
    }

    [Fact]
    public void Built_in_tables_are_queryable_and_empty_until_ingested()
    {
        Assert.Equal(["pc-2 | powershell.exe"], QueryRunner.Rows(Run("DeviceProcessEvents | where FileName endswith '.exe' | top 1 by Timestamp | project DeviceName, FileName")));
        Assert.Equal(["0"], QueryRunner.Rows(Run("SecurityEvent | count")));
    }

    [Fact]
    public void Results_are_the_same_with_every_optimizer_pass_disabled()
    {
        var query = $"Events_CL | where TimeGenerated between ({fixture.At(100)} .. {fixture.At(700)}) and Message has 'number' | extend L = Level * 2"
                    + " | summarize c = count(), s = sum(L) by Computer | top 3 by c desc";
        var expected = QueryRunner.Rows(Run(query));
        foreach (var pass in QueryOptimizer.Passes)
        {
            var options = new QueryOptions { DisabledOptimizerPasses = new HashSet<string> { pass.Name } };
            Assert.Equal(expected, QueryRunner.Rows(Run(query, options)));
        }
    }
}
