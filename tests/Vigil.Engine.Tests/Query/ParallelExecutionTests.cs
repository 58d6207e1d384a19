namespace Vigil.Engine.Tests.Query;

/// <summary>
/// Parallel scans give exactly the serial answer: every combination of a filter and a sink (summarize with
/// order-sensitive aggregates such as make_list and take_any, count, distinct, top-N with ties) runs over the
/// two-extent, twelve-block fixture table with parallelism 1 and with several threads, and rows, row order and scan
/// statistics must be identical.
/// </summary>
public class ParallelExecutionTests(StorageWorkspaceFixture fixture) : IClassFixture<StorageWorkspaceFixture>
{
    private static readonly string[] Filters =
    [
        "",
        "| where Level > 1",
        "| where Message has 'number'",
        "| where Computer != 'host-3' and EventId % 3 == 0",
        "| where TimeGenerated >= datetime(2000-01-01) and isnotnull(Level)",
        "| extend m = strlen(Message) | where m > 20",
        "| where Message has 'needle'",
        "| where EventId < 0",
    ];

    private static readonly string[] Sinks =
    [
        "| count",
        "| summarize count(), sum(EventId), min(TimeGenerated), max(Level) by Computer",
        "| summarize make_list(EventId), make_set(Level), take_any(Message) by bin(TimeGenerated, 1h)",
        "| summarize dcount(EventId), arg_max(TimeGenerated, Message, Level), arg_min(EventId, Computer) by Level",
        "| summarize avg(EventId), countif(Level == 2), count_distinct(Computer) by Computer, Level",
        "| summarize make_list(Computer), count()",
        "| distinct Computer, Level",
        "| top 17 by EventId desc",
        "| top 5 by Level asc nulls first",
        "| top 40 by Computer",
        "| summarize n = count() by EventId | top 3 by n",
    ];

    public static TheoryData<int, int> Combinations()
    {
        var data = new TheoryData<int, int>();
        for (var f = 0; f < Filters.Length; f++)
        {
            for (var s = 0; s < Sinks.Length; s++)
            {
                data.Add(f, s);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Parallel_scans_give_the_serial_result(int filter, int sink)
    {
        var query = $"Events_CL {Filters[filter]} {Sinks[sink]}";
        var serial = QueryRunner.Run(query, fixture.Engine, new QueryOptions { Parallelism = 1 });
        foreach (var threads in new[] { 2, 3, 7, 64 })
        {
            var parallel = QueryRunner.Run(query, fixture.Engine, new QueryOptions { Parallelism = threads });
            Assert.Equal(QueryRunner.Schema(serial), QueryRunner.Schema(parallel));
            Assert.Equal(QueryRunner.Rows(serial), QueryRunner.Rows(parallel));
            Assert.Equal(serial.Statistics.ExtentsScanned, parallel.Statistics.ExtentsScanned);
            Assert.Equal(serial.Statistics.ExtentsSkipped, parallel.Statistics.ExtentsSkipped);
            Assert.Equal(serial.Statistics.BlocksScanned, parallel.Statistics.BlocksScanned);
            Assert.Equal(serial.Statistics.BlocksSkipped, parallel.Statistics.BlocksSkipped);
        }
    }

    [Fact]
    public void Every_row_is_counted_once_whatever_the_split()
    {
        for (var threads = 1; threads <= 13; threads++)
        {
            var rows = QueryRunner.Rows("Events_CL | count", fixture.Engine, new QueryOptions { Parallelism = threads });
            Assert.Equal([StorageWorkspaceFixture.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)], rows);
        }
    }

    [Fact]
    public void A_cancelled_query_stops_with_parallel_parts()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var options = new QueryOptions { Parallelism = 4, Cancellation = cancelled.Token };
        Assert.ThrowsAny<OperationCanceledException>(() => fixture.Engine.Execute("Events_CL | summarize count() by Computer", options));
    }
}
