using Vigil.Engine.Optimizer;

namespace Vigil.Engine.Tests.Query;

/// <summary>What each optimizer pass does to the plan (through EXPLAIN), and that disabling it keeps results.</summary>
public class OptimizerTests(StorageWorkspaceFixture fixture) : IClassFixture<StorageWorkspaceFixture>
{
    private string Explain(string query, params string[] disabled) =>
        fixture.Engine.Explain(query, new QueryOptions { Now = QueryRunner.Now, DisabledOptimizerPasses = new HashSet<string>(disabled) });

    private static string Optimized(string explain) => explain[(explain.IndexOf("optimized plan:", StringComparison.Ordinal) + 16)..];

    [Fact]
    public void Constant_folding_evaluates_ago_at_plan_time()
    {
        var plan = Optimized(Explain("Events_CL | where TimeGenerated > ago(1h) | count"));
        Assert.Contains("datetime(2024-05-01T11:00:00.0000000Z)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("ago(", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Predicate_pushdown_moves_filters_into_the_scan_with_a_time_range()
    {
        var plan = Optimized(Explain("Events_CL | extend x = 1 | where TimeGenerated > ago(1h) and Message has 'needle' | project Computer"));
        Assert.DoesNotContain("Filter", plan, StringComparison.Ordinal);
        Assert.Contains("prune: TimeGenerated in [", plan, StringComparison.Ordinal);
        Assert.Contains("Message has_any(needle)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_pushdown_the_filter_stays_above_the_scan()
    {
        var plan = Optimized(Explain("Events_CL | where EventId == 4600 | count", PredicatePushdown.PassName));
        Assert.Contains("Filter (EventId == 4600)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Projection_pruning_scans_only_the_columns_used()
    {
        var plan = Optimized(Explain("Events_CL | where EventId == 4600 | project Computer"));
        Assert.Contains("Scan Events_CL [Computer]", plan, StringComparison.Ordinal);
        var unpruned = Optimized(Explain("Events_CL | where EventId == 4600 | project Computer", ProjectionPruning.PassName));
        Assert.Contains("Scan Events_CL [TimeGenerated, Computer, EventId, Level, Message, Data]", unpruned, StringComparison.Ordinal);
    }

    [Fact]
    public void Sort_then_take_becomes_top_n()
    {
        Assert.Contains("TopN 5 by", Optimized(Explain("Events_CL | sort by EventId | take 5")), StringComparison.Ordinal);
        Assert.DoesNotContain("TopN", Optimized(Explain("Events_CL | sort by EventId | take 5", TopNConversion.PassName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Optimizer_passes_are_named_and_run_in_order()
    {
        Assert.Equal(
            [ConstantFolding.PassName, PredicatePushdown.PassName, TopNConversion.PassName, ProjectionPruning.PassName],
            QueryOptimizer.Passes.Select(p => p.Name));
    }
}
