namespace Vigil.Engine.Tests.Query;

/// <summary>parse and parse-where: simple, regex and relaxed kinds, typed captures, wildcards, failed matches.</summary>
public class ParseTests
{
    private const string Lines = "datatable(t:string) ['id=12, user=alice, took=1.5s', 'id=x, user=bob, took=2s', 'garbage']";

    [Fact]
    public void Simple_pattern_extracts_typed_columns_and_a_failed_row_is_null()
    {
        var result = QueryRunner.Run(Lines + " | parse t with 'id=' id:long ', user=' user ', took=' took:timespan 's' | project id, user, took");
        Assert.Equal("id:long, user:string, took:timespan", QueryRunner.Schema(result));
        Assert.Equal(["12 | alice | 1.12:00:00", "null |  | null", "null |  | null"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Pattern_is_anchored_at_the_start_unless_it_begins_with_a_wildcard()
    {
        Assert.Equal(["null"], QueryRunner.Rows("print t = 'x id=5' | parse t with 'id=' id:long | project id"));
        Assert.Equal(["5"], QueryRunner.Rows("print t = 'x id=5' | parse t with * 'id=' id:long | project id"));
    }

    [Fact]
    public void Last_column_takes_the_rest_and_inner_columns_stop_at_the_first_delimiter()
    {
        Assert.Equal(["a | b,c"], QueryRunner.Rows("print t = 'a,b,c' | parse t with x ',' y | project x, y"));
    }

    [Fact]
    public void Relaxed_kind_nulls_only_the_columns_that_do_not_convert()
    {
        Assert.Equal(
            ["null | bob"],
            QueryRunner.Rows("print t = 'id=x, user=bob' | parse kind=relaxed t with 'id=' id:long ', user=' user | project id, user"));
    }

    [Fact]
    public void Regex_kind_uses_literals_as_regexes_and_captures_strings_greedily()
    {
        Assert.Equal(["a=1, b=2"], QueryRunner.Rows("print t = 'x: a=1, b=2, c' | parse kind=regex t with @'\\w+: ' v ',' * | project v"));
        Assert.Equal(["a=1"], QueryRunner.Rows("print t = 'x: a=1, b=2, c' | parse kind=regex flags=U t with @'\\w+: ' v ',' * | project v"));
        Assert.Equal(["7"], QueryRunner.Rows("print t = 'N=7' | parse kind=regex flags=i t with 'n=' n:long | project n"));
    }

    [Fact]
    public void Relaxed_kind_still_reads_a_number_before_a_wildcard()
    {
        Assert.Equal(
            ["null | 15"],
            QueryRunner.Rows("print t = 'a=x, b=15, c' | parse kind=relaxed t with 'a=' a:long ', b=' b:long * | project a, b"));
    }

    [Fact]
    public void Regex_kind_captures_typed_values_greedily_up_to_the_next_literal()
    {
        Assert.Equal(
            ["2016-02-17T08:40:00.0000000Z"],
            QueryRunner.Rows("print t = 'at=02/17/2016 08:40:00 x' | parse kind=regex t with 'at=' d:datetime ' x' | project d"));
    }

    [Fact]
    public void Parse_where_keeps_only_rows_that_parse()
    {
        Assert.Equal(["12 | alice"], QueryRunner.Rows(Lines + " | parse-where t with 'id=' id:long ', user=' user ',' * | project id, user"));
    }

    [Fact]
    public void Non_string_source_is_parsed_as_its_text()
    {
        Assert.Equal(["12 | 4"], QueryRunner.Rows("print n = 1234 | parse n with a:int '3' b | project a, b"));
    }

    [Fact]
    public void Invalid_regex_is_a_semantic_error()
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run("print t = 'a' | parse kind=regex t with '(' v"));
        Assert.Equal(QueryErrorKind.Semantic, error.Kind);
    }
}
