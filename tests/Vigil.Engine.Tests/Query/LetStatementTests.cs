namespace Vigil.Engine.Tests.Query;

public class LetStatementTests
{
    [Fact]
    public void Scalar_user_function_is_called_per_row_with_column_arguments()
    {
        var rows = QueryRunner.Rows("let f = (x:long, n:long) { x * n }; range a from 1 to 3 step 1 | extend b = f(a, 5)");
        Assert.Equal(["1 | 5", "2 | 10", "3 | 15"], rows);
    }

    [Fact]
    public void Missing_arguments_take_the_parameter_default()
    {
        Assert.Equal(["20 | 6"], QueryRunner.Rows("let f = (x:long, y:long = 10) { x * y }; print f(2), f(2, 3)"));
    }

    [Fact]
    public void Tabular_parameter_takes_the_table_passed()
    {
        var rows = QueryRunner.Rows("let T = datatable(x:long)[1, 2, 3]; let g = (T:(x:long)) { T | summarize s = sum(x) }; g(T)");
        Assert.Equal(["6"], rows);
    }

    [Fact]
    public void Function_bodies_can_call_earlier_functions()
    {
        var rows = QueryRunner.Rows("""
            let foo1 = (_start:long, _end:long, _step:long) { range x from _start to _end step _step };
            let foo2 = (_step:long) { foo1(1, 100, _step) };
            foo2(2) | count
            """);
        Assert.Equal(["50"], rows);
    }

    [Fact]
    public void Function_body_lets_and_toscalar_see_the_arguments()
    {
        var rows = QueryRunner.Rows("""
            let clipped = (T:(x:long), low:long, high:long)
            {
                let hi = toscalar(T | summarize max(x)) - high;
                T | where x > low and x < hi | summarize c = count()
            };
            range x from 1 to 10 step 1 | invoke clipped(2, 2)
            """);
        Assert.Equal(["5"], rows);
    }

    [Fact]
    public void A_view_is_referenced_by_name()
    {
        Assert.Equal(["2"], QueryRunner.Rows("let v = view () { range x from 1 to 2 step 1 }; v | count"));
    }

    [Fact]
    public void A_scalar_last_statement_returns_one_row()
    {
        var result = QueryRunner.Run("let x = 5; x * 2");
        Assert.Equal(["10"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Toscalar_of_a_subquery_takes_the_first_cell_and_null_when_empty()
    {
        Assert.Equal(["3 | null"], QueryRunner.Rows(
            "print a = toscalar(range x from 1 to 3 step 1 | summarize max(x)), b = toscalar(range x from 1 to 3 step 1 | where x > 5)"));
    }

    [Fact]
    public void In_with_a_subquery_matches_its_first_column()
    {
        var rows = QueryRunner.Rows("let S = datatable(y:long)[2, 3]; range x from 1 to 5 step 1 | where x in ((S | project y))");
        Assert.Equal(["2", "3"], rows);
        Assert.Equal(["1", "4", "5"], QueryRunner.Rows("let S = datatable(y:long)[2, 3]; range x from 1 to 5 step 1 | where x !in (S)"));
    }

    [Fact]
    public void Has_any_with_a_subquery_uses_its_values_as_terms()
    {
        var rows = QueryRunner.Rows("""
            let S = datatable(y:string)["abc", "x"];
            datatable(s:string)["abc def", "qq", "x y"] | where s has_any (S)
            """);
        Assert.Equal(["abc def", "x y"], rows);
    }

    [Fact]
    public void Materialize_computes_once_and_can_be_read_twice()
    {
        var rows = QueryRunner.Rows("let M = materialize(range x from 1 to 3 step 1); M | join M on x | count");
        Assert.Equal(["3"], rows);
    }

    [Fact]
    public void As_names_the_rows_for_later_operators_and_union_source()
    {
        var rows = QueryRunner.Rows("union withsource=T (range x from 1 to 2 step 1 | as A), (range x from 1 to 1 step 1 | as B)");
        Assert.Equal(["A | 1", "A | 2", "B | 1"], rows.Order().ToList());
        Assert.Equal(["4"], QueryRunner.Rows("range x from 1 to 2 step 1 | as T | union T | count"));
    }

    [Fact]
    public void Views_in_a_union_with_one_name_of_two_types_fill_the_type_suffixed_columns()
    {
        var result = QueryRunner.Run("""
            let View_1 = view () { print x=1 };
            let View_2 = view () { print x=toint(2) };
            let View_3 = view () { print x_long=3 };
            union withsource=TableName View_1, View_2, View_3
            """);
        Assert.Equal("TableName:string, x_long1:long, x_int:int, x_long:long", QueryRunner.Schema(result));
        Assert.Equal(["View_1 | 1 | null | null", "View_2 | null | 2 | null", "View_3 | null | null | 3"], QueryRunner.Rows(result));
    }
}
