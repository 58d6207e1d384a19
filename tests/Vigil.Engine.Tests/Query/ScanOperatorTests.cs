namespace Vigil.Engine.Tests.Query;

public class ScanOperatorTests
{
    [Fact]
    public void Single_step_reads_its_own_previous_match_and_starts_from_the_declared_default()
    {
        var rows = QueryRunner.Rows("range x from 1 to 5 step 1 | scan declare (cumulative_x:long=0) with (step s1: true => cumulative_x = x + s1.cumulative_x;)");
        Assert.Equal(["1 | 1", "2 | 3", "3 | 6", "4 | 10", "5 | 15"], rows);
    }

    [Fact]
    public void Fill_forward_keeps_the_last_non_empty_value()
    {
        var rows = QueryRunner.Rows("""
            datatable (Ts: timespan, Event: string) [0m, "A", 1m, "", 2m, "B", 3m, ""]
            | sort by Ts asc
            | scan declare (Filled: string = "") with (step s1: true => Filled = iff(isempty(Event), s1.Filled, Event);)
            | project Event, Filled
            """);
        Assert.Equal(["A | A", " | A", "B | B", " | B"], rows);
    }

    [Fact]
    public void Output_none_step_closes_a_session_and_the_first_step_opens_a_new_match_id()
    {
        var rows = QueryRunner.Rows("""
            datatable (Ts: timespan) [0m, 1m, 32m, 36m, 75m]
            | sort by Ts asc
            | scan with_match_id=session_id declare (sessionStart: timespan) with
            (
                step inSession: true => sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart);
                step endSession output=none: Ts - inSession.sessionStart > 30m;
            )
            """);
        Assert.Equal(["00:00:00 | 00:00:00 | 0", "00:01:00 | 00:00:00 | 0", "00:32:00 | 00:32:00 | 1", "00:36:00 | 00:32:00 | 1", "01:15:00 | 01:15:00 | 2"], rows);
    }

    [Fact]
    public void Sequences_advance_step_by_step_and_a_new_sequence_replaces_the_last_steps_state()
    {
        var rows = QueryRunner.Rows("""
            datatable (Ts: timespan, Event: string) [0m, "A", 1m, "Start", 2m, "B", 4m, "Stop", 6m, "C", 8m, "Start", 11m, "E", 12m, "Stop"]
            | sort by Ts asc
            | scan with_match_id=m_id with
            (
                step s1: Event == "Start";
                step s2: Event != "Start" and Event != "Stop" and Ts - s1.Ts <= 5m;
                step s3: Event == "Stop" and Ts - s1.Ts <= 5m;
            )
            | project Event, m_id
            """);
        Assert.Equal(["Start | 0", "B | 0", "Stop | 0", "Start | 1", "E | 1", "Stop | 1"], rows);
    }

    [Fact]
    public void Output_last_emits_only_the_last_of_a_run_of_matches()
    {
        Assert.Equal(["3", "4", "5"], QueryRunner.Rows("range x from 1 to 5 step 1 | scan with (step a output=last: x <= 3; step b: x > 3;)"));
    }

    [Fact]
    public void Partition_runs_the_subquery_per_key_value()
    {
        var rows = QueryRunner.Rows("range x from 1 to 10 step 1 | extend k = x % 3 | partition hint.strategy=shuffle by k (top 1 by x) | order by k asc");
        Assert.Equal(["9 | 0", "10 | 1", "8 | 2"], rows);
    }

    [Fact]
    public void Partition_of_no_rows_gives_no_rows()
    {
        Assert.Empty(QueryRunner.Rows("datatable(x:long)[] | partition by x (count)"));
    }
}
