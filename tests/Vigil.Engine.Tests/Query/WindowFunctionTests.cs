namespace Vigil.Engine.Tests.Query;

public class WindowFunctionTests
{
    [Fact]
    public void Serialize_with_expressions_extends_and_window_functions_follow_row_order()
    {
        var rows = QueryRunner.Rows(
            "range x from 1 to 5 step 1 | serialize rn = row_number() | extend p = prev(x), n = next(x, 2, -1), cs = row_cumsum(x, x == 3)");
        Assert.Equal(["1 | 1 | null | 3 | 1", "2 | 2 | 1 | 4 | 3", "3 | 3 | 2 | 5 | 3", "4 | 4 | 3 | -1 | 7", "5 | 5 | 4 | -1 | 12"], rows);
    }

    [Fact]
    public void Row_number_takes_a_start_and_counts_in_sorted_order()
    {
        Assert.Equal(["3 | 10", "2 | 11", "1 | 12"], QueryRunner.Rows("range x from 1 to 3 step 1 | order by x desc | project x, r = row_number(10)"));
    }

    [Fact]
    public void Rank_dense_and_rank_min_restart_with_a_nested_prev()
    {
        var rows = QueryRunner.Rows("""
            datatable (Airport:string, Departures:long) ["SEA", 3, "SEA", 100, "SEA", 3, "SEA", 2, "AMS", 1, "AMS", 1, "AMS", 4]
            | sort by Airport desc, Departures asc
            | extend Dense = row_rank_dense(Departures, prev(Airport) != Airport), Min = row_rank_min(Departures, prev(Airport) != Airport)
            """);
        Assert.Equal(["SEA | 2 | 1 | 1", "SEA | 3 | 2 | 2", "SEA | 3 | 2 | 2", "SEA | 100 | 3 | 4", "AMS | 1 | 1 | 1", "AMS | 1 | 1 | 1", "AMS | 4 | 2 | 3"], rows);
    }

    [Fact]
    public void Row_window_session_starts_sessions_by_distance_from_first_and_neighbours()
    {
        var rows = QueryRunner.Rows("""
            datatable (ID:string, T:datetime) ["1", datetime(2024-04-11 10:00), "1", datetime(2024-04-11 11:00),
              "2", datetime(2024-04-11 10:16), "2", datetime(2024-04-11 10:18), "2", datetime(2024-04-11 13:30)]
            | sort by ID asc, T asc
            | extend S = row_window_session(T, 1h, 5m, ID != prev(ID)) | project ID, S = S - datetime(2024-04-11)
            """);
        Assert.Equal(["1 | 10:00:00", "1 | 11:00:00", "2 | 10:16:00", "2 | 10:16:00", "2 | 13:30:00"], rows);
    }

    [Fact]
    public void Window_functions_work_in_where()
    {
        Assert.Equal(["3", "6", "9"], QueryRunner.Rows("range x from 1 to 10 step 1 | where row_number() % 3 == 0"));
    }

    [Fact]
    public void Unnamed_window_calls_in_extend_get_the_next_column_name()
    {
        var result = QueryRunner.Run("range x from 1 to 3 step 1 | extend row_number(), y = prev(x)");
        Assert.Equal("x:long, Column1:long, y:long", QueryRunner.Schema(result));
        Assert.Equal(["1 | 1 | null", "2 | 2 | 1", "3 | 3 | 2"], QueryRunner.Rows(result));
    }
}
