namespace Vigil.Engine.Tests.Query;

/// <summary>
/// The limits a query runs under: the per-query memory budget (a query over it fails cleanly, naming the operator;
/// the same query under it succeeds), Log Analytics' result truncation (500,000 rows or 64 MB, a partial-result
/// flag; <c>set notruncation</c>, <c>truncationmaxrecords</c>, <c>truncationmaxsize</c>), timeout and cancellation.
/// </summary>
public class QueryLimitTests
{
    private static readonly QueryOptions OneMegabyte = new() { MemoryBudget = 1 << 20 };

    [Theory]
    [InlineData("range x from 1 to 200000 step 1 | summarize count() by x", "summarize")]
    [InlineData("range x from 1 to 200000 step 1 | summarize make_set(x)", "summarize")]
    [InlineData("range x from 1 to 200000 step 1 | distinct x", "summarize")]
    [InlineData("range x from 1 to 200000 step 1 | sort by x desc", "sort")]
    [InlineData("range x from 1 to 100000 step 1 | join kind=inner (range x from 1 to 100000 step 1) on x | count", "join")]
    [InlineData("let m = materialize(range x from 1 to 200000 step 1 | extend s = tostring(x)); m | count", "materialize")]
    [InlineData("range x from 1 to 200000 step 1 | extend s = strcat('row ', x)", "result")]
    public void A_query_over_its_memory_budget_fails_naming_the_operator(string query, string operatorName)
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run(query, options: OneMegabyte));
        Assert.Equal(QueryErrorKind.Runtime, error.Kind);
        Assert.Contains("exceeded its memory budget of 1 MB in operator " + operatorName, error.Message, StringComparison.Ordinal);

        // The same query fits the default budget, and a failed query leaves nothing charged to the next one.
        Assert.NotEqual(0, QueryRunner.Run(query).RowCount);
    }

    [Theory]
    [InlineData("range x from 1 to 200000 step 1 | top 10 by x desc")]
    [InlineData("range x from 1 to 200000 step 1 | summarize count() by x % 10")]
    [InlineData("range x from 1 to 200000 step 1 | summarize sum(x), dcount(x)")]
    public void A_query_under_its_memory_budget_succeeds(string query)
    {
        Assert.NotEqual(0, QueryRunner.Run(query, options: OneMegabyte).RowCount);
    }

    [Fact]
    public void Results_are_truncated_at_500000_rows_with_the_partial_flag()
    {
        var result = QueryRunner.Run("range x from 1 to 600000 step 1");
        Assert.Equal(500_000, result.RowCount);
        Assert.True(result.IsTruncated);
    }

    [Fact]
    public void Set_notruncation_returns_every_row()
    {
        var result = QueryRunner.Run("set notruncation; range x from 1 to 600000 step 1");
        Assert.Equal(600_000, result.RowCount);
        Assert.False(result.IsTruncated);
    }

    [Fact]
    public void Truncationmaxrecords_sets_the_row_limit()
    {
        var result = QueryRunner.Run("set truncationmaxrecords = 10; range x from 1 to 100 step 1");
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], QueryRunner.Rows(result));
        Assert.True(result.IsTruncated);
        Assert.False(QueryRunner.Run("set truncationmaxrecords = 100; range x from 1 to 100 step 1").IsTruncated);
    }

    [Fact]
    public void Truncationmaxsize_and_the_64_MB_default_limit_result_bytes()
    {
        var small = QueryRunner.Run("set truncationmaxsize = 100000; range x from 1 to 100000 step 1");
        Assert.True(small.IsTruncated);
        Assert.InRange(small.RowCount, 1, 99_999);

        // 200,000 strings of 1,000 characters are far more than 64 MB.
        var wide = QueryRunner.Run("range x from 1 to 200000 step 1 | extend s = strrep('a', 1000)");
        Assert.True(wide.IsTruncated);
        Assert.InRange(wide.RowCount, 1, 199_999);

        var unlimited = QueryRunner.Run("set notruncation; range x from 1 to 50000 step 1 | extend s = strrep('a', 1000)");
        Assert.False(unlimited.IsTruncated);
        Assert.Equal(50_000, unlimited.RowCount);
    }

    [Fact]
    public void A_limit_option_needs_a_constant()
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run("set truncationmaxrecords = 'many'; print 1"));
        Assert.Contains("truncationmaxrecords", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_query_throws_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new QueryEngine().Execute("range x from 1 to 100000 step 1 | summarize count() by x", new QueryOptions { Cancellation = cancelled.Token }));
    }

    [Fact]
    public void A_query_past_its_timeout_fails_with_a_query_exception()
    {
        var error = Assert.Throws<QueryException>(() =>
            new QueryEngine().Execute("range x from 1 to 100000 step 1 | summarize count() by x", new QueryOptions { Timeout = TimeSpan.Zero }));
        Assert.Equal(QueryErrorKind.Runtime, error.Kind);
        Assert.Contains("timeout", error.Message, StringComparison.Ordinal);
    }
}
