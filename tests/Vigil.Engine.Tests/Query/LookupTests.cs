namespace Vigil.Engine.Tests.Query;

/// <summary>lookup: leftouter by default, inner on request; the right side's key columns are not repeated.</summary>
public class LookupTests
{
    private const string Facts = "datatable(k:string, a:long) ['x', 1, 'x', 2, 'z', 4]";
    private const string Dimension = "datatable(k:string, name:string) ['x', 'ex', 'y', 'why']";

    [Fact]
    public void Lookup_keeps_every_left_row_and_drops_the_right_key()
    {
        var result = QueryRunner.Run(Facts + " | lookup (" + Dimension + ") on k | order by a asc");
        Assert.Equal("k:string, a:long, name:string", QueryRunner.Schema(result));
        Assert.Equal(["x | 1 | ex", "x | 2 | ex", "z | 4 | "], QueryRunner.Rows(result));
    }

    [Fact]
    public void Inner_lookup_drops_left_rows_without_a_match()
    {
        Assert.Equal(["x | 1 | ex", "x | 2 | ex"], QueryRunner.Rows(Facts + " | lookup kind=inner (" + Dimension + ") on k | order by a asc"));
    }

    [Fact]
    public void Lookup_on_differently_named_keys_keeps_the_left_key()
    {
        var result = QueryRunner.Run(Facts + " | lookup (datatable(key:string, name:string) ['z', 'zed']) on $left.k == $right.key | where a == 4");
        Assert.Equal("k:string, a:long, name:string", QueryRunner.Schema(result));
        Assert.Equal(["z | 4 | zed"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Right_columns_colliding_with_left_names_get_a_suffix()
    {
        var result = QueryRunner.Run(Facts + " | lookup (datatable(k:string, a:long) ['x', 7]) on k | where a == 1");
        Assert.Equal("k:string, a:long, a1:long", QueryRunner.Schema(result));
        Assert.Equal(["x | 1 | 7"], QueryRunner.Rows(result));
    }
}
