namespace Vigil.Engine.Tests.Query;

/// <summary>Kusto semantics of the operators, each test named for the behaviour it pins down.</summary>
public class OperatorSemanticsTests
{
    private const string People = "datatable(Name:string, Age:long, City:string) ['ann', 30, 'Oslo', 'bob', long(null), 'Rome', 'cid', 25, 'Oslo', 'dan', 41, '']";

    [Fact]
    public void Where_drops_rows_whose_predicate_is_null()
    {
        Assert.Equal(["ann", "dan"], QueryRunner.Rows(People + " | where Age > 26 | project Name"));
        Assert.Equal(["cid"], QueryRunner.Rows(People + " | where not(Age > 26) | project Name"));
    }

    [Fact]
    public void Equality_with_null_is_false_and_inequality_true()
    {
        var rows = QueryRunner.Rows("print a = long(null) == 1, b = long(null) != 1, c = isnull(long(null) == long(null)), d = isnull(long(null) < 1)");
        Assert.Equal(["false | true | true | true"], rows);
    }

    [Fact]
    public void And_or_follow_three_valued_logic()
    {
        var rows = QueryRunner.Rows("print a = false and bool(null), b = true or bool(null), c = isnull(true and bool(null)), d = isnull(false or bool(null))");
        Assert.Equal(["false | true | true | true"], rows);
    }

    [Fact]
    public void Sort_defaults_to_descending_with_nulls_last()
    {
        Assert.Equal(["dan", "ann", "cid", "bob"], QueryRunner.Rows(People + " | sort by Age | project Name"));
    }

    [Fact]
    public void Sort_ascending_puts_nulls_first_unless_told_otherwise()
    {
        Assert.Equal(["bob", "cid", "ann", "dan"], QueryRunner.Rows(People + " | order by Age asc | project Name"));
        Assert.Equal(["cid", "ann", "dan", "bob"], QueryRunner.Rows(People + " | order by Age asc nulls last | project Name"));
    }

    [Fact]
    public void Sort_by_several_keys_breaks_ties_with_the_next_key()
    {
        Assert.Equal(["Rome | bob", "Oslo | ann", "Oslo | cid", " | dan"], QueryRunner.Rows(People + " | sort by City desc, Name asc | project City, Name"));
    }

    [Fact]
    public void Top_returns_the_first_n_rows_in_sort_order()
    {
        Assert.Equal(["dan | 41", "ann | 30"], QueryRunner.Rows(People + " | top 2 by Age | project Name, Age"));
    }

    [Fact]
    public void Take_returns_at_most_n_rows()
    {
        Assert.Equal(2, QueryRunner.Run(People + " | take 2").RowCount);
        Assert.Equal(4, QueryRunner.Run(People + " | limit 10").RowCount);
        Assert.Equal(0, QueryRunner.Run(People + " | take 0").RowCount);
    }

    [Fact]
    public void Summarize_names_columns_like_kusto()
    {
        var result = QueryRunner.Run(People + " | summarize count(), sum(Age), avg(Age), max(Age), dcount(City), n = countif(Age > 26) by City");
        Assert.Equal("City:string, count_:long, sum_Age:long, avg_Age:real, max_Age:long, dcount_City:long, n:long", QueryRunner.Schema(result));
        Assert.Contains("Oslo | 2 | 55 | 27.5 | 30 | 1 | 1", QueryRunner.Rows(result));
        Assert.Contains("Rome | 1 | null | null | null | 1 | 0", QueryRunner.Rows(result));
    }

    [Fact]
    public void Summarize_without_by_over_no_rows_gives_one_row()
    {
        Assert.Equal(["0"], QueryRunner.Rows(People + " | where Age > 100 | summarize count()"));
        Assert.Empty(QueryRunner.Rows(People + " | where Age > 100 | summarize count() by City"));
    }

    [Fact]
    public void Summarize_by_bin_groups_datetimes_into_buckets()
    {
        var rows = QueryRunner.Rows(
            "datatable(T:datetime) [datetime(2024-01-01 10:05), datetime(2024-01-01 10:55), datetime(2024-01-01 11:00)]"
            + " | summarize n = count() by bin(T, 1h) | sort by T asc");
        Assert.Equal(["2024-01-01T10:00:00.0000000Z | 2", "2024-01-01T11:00:00.0000000Z | 1"], rows);
    }

    [Fact]
    public void Arg_max_with_star_returns_the_whole_row_of_the_maximum()
    {
        var result = QueryRunner.Run(People + " | summarize arg_max(Age, *) by City | sort by City asc");
        Assert.Equal("City:string, Age:long, Name:string", QueryRunner.Schema(result));
        Assert.Equal(["Oslo | 30 | ann", "Rome | null | bob", " | 41 | dan"], QueryRunner.Rows(result).OrderBy(r => r.Split(" | ")[0] == "" ? "zzz" : r, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Make_set_and_make_list_collect_values_as_dynamic_arrays()
    {
        var rows = QueryRunner.Rows("datatable(k:string, v:long) ['a', 1, 'a', 2, 'a', 1, 'b', 3] | summarize s = make_set(v), l = make_list(v) by k | sort by k asc");
        Assert.Equal(["a | [1,2] | [1,2,1]", "b | [3] | [3]"], rows);
    }

    [Fact]
    public void Count_operator_counts_rows_as_Count()
    {
        var result = QueryRunner.Run(People + " | count");
        Assert.Equal("Count:long", QueryRunner.Schema(result));
        Assert.Equal(["4"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Distinct_keeps_one_row_per_combination()
    {
        Assert.Equal(2, QueryRunner.Run(People + " | where isnotempty(City) | distinct City").RowCount);
        Assert.Equal(4, QueryRunner.Run(People + " | distinct *").RowCount);
    }

    [Fact]
    public void Project_away_rename_keep_and_reorder_reshape_columns()
    {
        Assert.Equal("Name:string, City:string", QueryRunner.Schema(QueryRunner.Run(People + " | project-away Age")));
        Assert.Equal("Who:string, Age:long, City:string", QueryRunner.Schema(QueryRunner.Run(People + " | project-rename Who = Name")));
        Assert.Equal("Age:long", QueryRunner.Schema(QueryRunner.Run(People + " | project-keep Age")));
    }

    [Fact]
    public void Extend_replaces_an_existing_column_in_place()
    {
        var result = QueryRunner.Run(People + " | extend Age = Age * 2, Next = Age + 1 | take 1");
        Assert.Equal("Name:string, Age:long, City:string, Next:long", QueryRunner.Schema(result));
    }

    [Fact]
    public void String_operators_follow_kusto_case_and_term_rules()
    {
        var rows = QueryRunner.Rows(
            "print a = 'Hello World' has 'world', b = 'HelloWorld' has 'world', c = 'Hello World' contains 'LO W', d = 'Hello' startswith 'he',"
            + " e = 'Hello' endswith_cs 'LO', f = 'abc' =~ 'ABC', g = 'abc' == 'ABC', h = 'a-b.c' has 'b', i = 'Hello' !has 'hell'");
        Assert.Equal(["true | false | true | true | false | true | false | true | true"], rows);
    }

    [Fact]
    public void In_operators_compare_case_sensitively_or_not()
    {
        var rows = QueryRunner.Rows("print a = 'x' in ('X', 'y'), b = 'x' in~ ('X', 'y'), c = 2 in (1, 2, 3), d = 'x' !in ('y'), e = 'a b' has_any ('b', 'z'), f = 'a b' has_all ('b', 'z')");
        Assert.Equal(["false | true | true | true | true | false"], rows);
    }

    [Fact]
    public void Between_includes_both_ends()
    {
        Assert.Equal(["1", "2", "3"], QueryRunner.Rows("range x from 0 to 4 step 1 | where x between (1 .. 3)"));
        Assert.Equal(["0", "4"], QueryRunner.Rows("range x from 0 to 4 step 1 | where x !between (1 .. 3)"));
    }

    [Fact]
    public void Arithmetic_follows_kusto_integer_and_null_rules()
    {
        var rows = QueryRunner.Rows("print a = 7 / 2, b = -14 % 12, c = 7 / 2.0, d = isnull(1 / 0), e = datetime(2024-01-02) - datetime(2024-01-01), f = 1h * 2");
        Assert.Equal(["3 | 10 | 3.5 | true | 1.00:00:00 | 02:00:00"], rows);
    }

    [Fact]
    public void Ago_and_now_use_one_fixed_now_per_query()
    {
        var rows = QueryRunner.Rows("print a = now() - ago(1h), b = now() == now()");
        Assert.Equal(["01:00:00 | true"], rows);
    }

    [Fact]
    public void Iff_isempty_and_conversions_work_together()
    {
        var rows = QueryRunner.Rows(
            "print a = iff(1 > 2, 'y', 'n'), b = isempty(''), c = isnotnull(long(null)), d = tolong('12'), e = toint(2.9), f = toreal('1.5'),"
            + " g = todatetime('2024-01-01'), h = tostring(12), i = isnull(tolong('x')), j = toupper('ab'), k = tolower('AB')");
        Assert.Equal(["n | true | false | 12 | 2 | 1.5 | 2024-01-01T00:00:00.0000000Z | 12 | true | AB | ab"], rows);
    }

    [Fact]
    public void Render_is_reported_with_the_result()
    {
        var result = QueryRunner.Run("range x from 1 to 3 step 1 | render timechart with (title='T')");
        Assert.Equal("timechart", result.Visualization?.ChartType);
        Assert.Equal("T", result.Visualization?.Properties["title"]);
        Assert.Equal(3, result.RowCount);
    }

    [Fact]
    public void Rows_beyond_the_limit_are_cut_and_flagged()
    {
        var result = QueryRunner.Run("range x from 1 to 10000 step 1", options: new QueryOptions { MaxRows = 2500 });
        Assert.True(result.IsTruncated);
        Assert.Equal(2500, result.RowCount);
    }

    [Theory]
    [InlineData("print (1", QueryErrorKind.Syntax)]
    [InlineData("NoSuchTable | take 1", QueryErrorKind.Semantic)]
    [InlineData("print x = 1 | consume", QueryErrorKind.NotSupported)]
    public void Invalid_or_unsupported_queries_raise_a_query_exception(string query, QueryErrorKind kind)
    {
        var e = Assert.Throws<QueryException>(() => QueryRunner.Run(query));
        Assert.Equal(kind, e.Kind);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Summarize_items_may_compute_with_aggregates()
    {
        var result = QueryRunner.Run(People + " | summarize twice = count() * 2, tostring(max(Age)), n = count() by City | sort by City asc");
        Assert.Equal("City:string, twice:long, max_Age:string, n:long", QueryRunner.Schema(result));
        Assert.Equal([" | 2 | 41 | 1", "Oslo | 4 | 30 | 2", "Rome | 2 |  | 1"], QueryRunner.Rows(result));
    }

    [Fact]
    public void In_and_has_any_accept_a_dynamic_array_as_the_list()
    {
        var rows = QueryRunner.Rows("let names = dynamic(['ann', 'CID']); " + People + " | where Name in~ (names) or City has_any (dynamic(['rome'])) | project Name");
        Assert.Equal(["ann", "bob", "cid"], rows);
    }
}
