namespace Vigil.Engine.Tests.Query;

/// <summary>Scalar functions beyond the operators: math, dynamic builders, choice, string editing, date parts.</summary>
public class FunctionTests
{
    [Fact]
    public void Math_functions_compute_in_real_and_keep_kinds_where_kusto_does()
    {
        var rows = QueryRunner.Rows("print a = abs(-3), b = round(2.345, 2), c = sqrt(16), d = pow(2, 10), e = isnan(real(nan)), f = sign(-2.5), g = round(2.5)");
        Assert.Equal(["3 | 2.35 | 4 | 1024 | true | -1 | 3"], rows);
    }

    [Fact]
    public void Dynamic_builders_make_arrays_and_bags()
    {
        var rows = QueryRunner.Rows("print a = pack_array(1, 'x', true), b = bag_pack('k', 2), c = array_length(dynamic([1,2,3])), d = parse_json('{\"a\":1}').a");
        Assert.Equal(["[1,\"x\",true] | {\"k\":2} | 3 | 1"], rows.Take(1).Select(r => r).ToList());
    }

    [Fact]
    public void Coalesce_and_case_pick_the_first_applicable_value()
    {
        var rows = QueryRunner.Rows("print a = coalesce(long(null), 2, 3), b = coalesce('', 'x'), c = case(1 > 2, 'a', 2 > 1, 'b', 'c'), d = case(false, 1, 9)");
        Assert.Equal(["2 | x | b | 9"], rows);
    }

    [Fact]
    public void String_editing_functions_follow_kusto_bounds()
    {
        var rows = QueryRunner.Rows("print a = substring('abcdef', 2, 3), b = substring('abc', 5), c = indexof('abcabc', 'ca'), d = replace_string('a.b.c', '.', '/'), e = split('a,b,c', ',')");
        Assert.Equal(["cde |  | 2 | a/b/c | [\"a\",\"b\",\"c\"]"], rows);
    }

    [Fact]
    public void Date_parts_and_period_starts()
    {
        var rows = QueryRunner.Rows("print a = startofday(datetime(2024-03-05 13:14)), b = startofmonth(datetime(2024-03-05)), c = getyear(datetime(2024-03-05)), d = dayofweek(datetime(2024-03-05)), e = hourofday(datetime(2024-03-05 13:14))");
        Assert.Equal(["2024-03-05T00:00:00.0000000Z | 2024-03-01T00:00:00.0000000Z | 2024 | 2.00:00:00 | 13"], rows);
    }

    [Fact]
    public void Matches_regex_uses_the_pattern_as_a_regular_expression()
    {
        Assert.Equal(["true | false"], QueryRunner.Rows("print a = 'cmd.exe /c whoami' matches regex @'\\bwhoami$', b = 'abc' matches regex '^b'"));
    }

    [Fact]
    public void Extract_returns_the_capture_group_or_empty()
    {
        Assert.Equal(["42 | "], QueryRunner.Rows("print a = extract(@'id=(\\d+)', 1, 'x id=42 y'), b = extract('z(\\d)', 1, 'abc')"));
    }

    [Fact]
    public void Datetime_add_and_diff_count_calendar_periods()
    {
        Assert.Equal(["2024-03-29T00:00:00.0000000Z | 2"], QueryRunner.Rows("print a = datetime_add('month', 1, datetime(2024-02-29)), b = datetime_diff('day', datetime(2024-03-03), datetime(2024-03-01))"));
    }

    [Fact]
    public void Dcountif_counts_distinct_values_where_the_predicate_holds()
    {
        Assert.Equal(["2"], QueryRunner.Rows("datatable(x:long) [1, 2, 2, 3, 4] | summarize dcountif(x, x < 3)"));
    }
}
