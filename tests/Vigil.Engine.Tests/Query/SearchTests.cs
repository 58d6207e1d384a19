namespace Vigil.Engine.Tests.Query;

/// <summary>search over a piped input or named tables: terms in any string column, wildcards, predicates, $table.</summary>
public class SearchTests
{
    private const string Data = "let T = datatable(a:string, n:long, d:dynamic) ['error in disk', 1, dynamic({'x':'ok'}), 'fine', 2, dynamic({'x':'Errors'})]; ";

    [Fact]
    public void Term_matches_rows_where_any_string_column_has_it_case_insensitively()
    {
        var result = QueryRunner.Run(Data + "T | search 'ERROR'");
        Assert.Equal("$table:string, a:string, n:long, d:dynamic", QueryRunner.Schema(result));
        Assert.Equal(["1"], QueryRunner.Rows(Data + "T | search 'ERROR' | project n"));
        Assert.Equal(["1"], QueryRunner.Rows(Data + "T | search kind=case_sensitive 'error' | project n"));
        Assert.Empty(QueryRunner.Rows(Data + "T | search kind=case_sensitive 'ERROR' | project n"));
    }

    [Fact]
    public void Wildcards_select_prefix_suffix_and_contains_matching()
    {
        Assert.Equal(["1", "2"], QueryRunner.Rows(Data + "T | search 'err*' | project n | order by n asc"));
        Assert.Equal(["1"], QueryRunner.Rows(Data + "T | search '*isk' | project n"));
        Assert.Equal(["1", "2"], QueryRunner.Rows(Data + "T | search '*rro*' | project n | order by n asc"));
        Assert.Equal(["1"], QueryRunner.Rows(Data + "T | search 'e*disk' | project n"));
    }

    [Fact]
    public void Terms_combine_with_and_or_and_ordinary_predicates()
    {
        Assert.Equal(["2"], QueryRunner.Rows(Data + "T | search 'fine' and n > 1 | project n"));
        Assert.Equal(["1", "2"], QueryRunner.Rows(Data + "T | search 'fine' or 'disk' | project n | order by n asc"));
    }

    [Fact]
    public void Search_in_tables_names_the_table_of_each_row()
    {
        Assert.Equal(
            ["T | 1", "U | 5"],
            QueryRunner.Rows(Data + "let U = datatable(a:string, n:long, d:dynamic) ['no error', 5, dynamic(null)]; "
                + "search in (T, U) 'error' | project ['$table'], n | order by n asc"));
    }
}
