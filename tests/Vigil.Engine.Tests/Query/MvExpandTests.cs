namespace Vigil.Engine.Tests.Query;

/// <summary>mv-expand: arrays and bags to rows, zipped columns, typed results, item index, limit, null/empty rules.</summary>
public class MvExpandTests
{
    [Fact]
    public void Array_elements_become_rows_and_other_columns_repeat()
    {
        var result = QueryRunner.Run("datatable(a:int, b:dynamic) [1, dynamic([10, 20]), 2, dynamic(['x'])] | mv-expand b");
        Assert.Equal("a:int, b:dynamic", QueryRunner.Schema(result));
        Assert.Equal(["1 | 10", "1 | 20", "2 | \"x\""], QueryRunner.Rows(result));
    }

    [Fact]
    public void Bag_properties_become_single_property_bags_or_key_value_arrays()
    {
        const string Source = "print b = dynamic({'p1': 'a', 'p2': 2})";
        Assert.Equal(["{\"p1\":\"a\"}", "{\"p2\":2}"], QueryRunner.Rows(Source + " | mv-expand b"));
        Assert.Equal(["[\"p1\",\"a\"]", "[\"p2\",2]"], QueryRunner.Rows(Source + " | mv-expand bagexpansion=array b"));
        Assert.Equal(["[\"p1\",\"a\"]", "[\"p2\",2]"], QueryRunner.Rows(Source + " | mv-expand kind=array b"));
    }

    [Fact]
    public void Several_columns_expand_in_parallel_padding_the_shorter_with_null()
    {
        Assert.Equal(
            ["1 | 5", "2 | 4", "null | 3"],
            QueryRunner.Rows("print b = dynamic([1, 2]), c = dynamic([5, 4, 3]) | mv-expand b, c"));
    }

    [Fact]
    public void Null_gives_one_row_and_empty_array_or_bag_gives_none()
    {
        var rows = QueryRunner.Rows(
            "datatable(a:int, b:dynamic) [1, dynamic(null), 2, dynamic([]), 3, dynamic({}), 4, dynamic(7)] | mv-expand b");
        Assert.Equal(["1 | null", "4 | 7"], rows);
    }

    [Fact]
    public void To_typeof_converts_elements_and_what_does_not_convert_is_null()
    {
        var result = QueryRunner.Run("print b = dynamic([1, '2', 'x', 2.5]) | mv-expand b to typeof(long)");
        Assert.Equal("b:long", QueryRunner.Schema(result));
        Assert.Equal(["1", "2", "null", "2"], QueryRunner.Rows(result));
        Assert.Equal(
            ["2020-01-01T00:00:00.0000000Z"],
            QueryRunner.Rows("print d = dynamic(['2020-01-01']) | mv-expand d to typeof(datetime)"));
        Assert.Equal(["a", "1"], QueryRunner.Rows("print s = dynamic(['a', 1]) | mv-expand s to typeof(string)"));
    }

    [Fact]
    public void Named_expression_adds_a_column_and_item_index_counts_from_zero()
    {
        var result = QueryRunner.Run("print a = dynamic([7, 8]) | mv-expand with_itemindex=i v = a");
        Assert.Equal("a:dynamic, v:dynamic, i:long", QueryRunner.Schema(result));
        Assert.Equal(["[7,8] | 7 | 0", "[7,8] | 8 | 1"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Limit_caps_rows_per_input_row()
    {
        Assert.Equal(
            ["1", "2", "10", "20"],
            QueryRunner.Rows("datatable(b:dynamic) [dynamic([1, 2, 3]), dynamic([10, 20, 30])] | mv-expand b limit 2"));
    }

    [Fact]
    public void Expansion_spans_output_batches()
    {
        var result = QueryRunner.Run(
            "range i from 1 to 4500 step 1 | summarize b = make_list(i) by g = i % 3 | mv-expand b | summarize count(), sum(tolong(b))");
        Assert.Equal(["4500 | 10127250"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Path_expression_is_named_from_its_parts()
    {
        var result = QueryRunner.Run("print d = dynamic({'xs': [1, 2]}) | mv-expand d.xs | project d_xs");
        Assert.Equal(["1", "2"], QueryRunner.Rows(result));
    }
}
