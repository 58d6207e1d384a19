namespace Vigil.Engine.Tests.Query;

/// <summary>parse-kv: delimited pairs, quotes and escapes, greedy values, loose and regex modes, missing keys.</summary>
public class ParseKvTests
{
    [Fact]
    public void Delimited_pairs_fill_typed_columns_and_missing_keys_are_null()
    {
        var result = QueryRunner.Run(
            "print s = 'a:1, b: x y , a:2' | parse-kv s as (a:long, b:string, c:long, d:string) with (pair_delimiter=',', kv_delimiter=':') | project-away s");
        Assert.Equal("a:long, b:string, c:long, d:string", QueryRunner.Schema(result));
        Assert.Equal(["1 | x y | null | "], QueryRunner.Rows(result));
    }

    [Fact]
    public void Quoted_keys_and_values_keep_delimiters_and_resolve_escapes()
    {
        Assert.Equal(
            ["a \"b\" c | 5"],
            QueryRunner.Rows("print s = @'msg=\"a \\\"b\\\" c\" \"n k\"=5' | parse-kv s as (msg:string, ['n k']:long) "
                + "with (pair_delimiter=' ', kv_delimiter='=', quote='\"', escape='\\\\') | project-away s"));
        Assert.Equal(
            ["x y"],
            QueryRunner.Rows("print s = 'm=(x y) n=1' | parse-kv s as (m:string) with (pair_delimiter=' ', kv_delimiter='=', quote='()') | project m"));
    }

    [Fact]
    public void Greedy_values_run_to_the_next_key()
    {
        const string Source = "print s = 'name=John Doe city=New York'";
        Assert.Equal(["John | New"], QueryRunner.Rows(Source + " | parse-kv s as (name:string, city:string) with (pair_delimiter=' ', kv_delimiter='=') | project name, city"));
        Assert.Equal(
            ["John Doe | New York"],
            QueryRunner.Rows(Source + " | parse-kv s as (name:string, city:string) with (pair_delimiter=' ', kv_delimiter='=', greedy=true) | project name, city"));
    }

    [Fact]
    public void Without_delimiters_keys_are_found_before_any_punctuation()
    {
        Assert.Equal(
            ["Started | 45 | 10.0.0.1"],
            QueryRunner.Rows("print s = '[INFO] Id:45, Ip=10.0.0.1; Text: Started' | parse-kv s as (Text:string, Id:long, Ip:string) | project-away s"));
    }

    [Fact]
    public void Regex_mode_takes_key_and_value_from_the_two_groups()
    {
        Assert.Equal(
            ["1 | two"],
            QueryRunner.Rows("print s = 'k1 -> 1; k2 -> two' | parse-kv s as (k1:int, k2:string) with (regex=@'(\\w+) -> (\\w+)') | project-away s"));
    }

    [Fact]
    public void Empty_source_gives_nulls()
    {
        Assert.Equal(["null | "], QueryRunner.Rows("print s = '' | parse-kv s as (a:long, b:string) with (pair_delimiter=',', kv_delimiter='=') | project-away s"));
    }
}
