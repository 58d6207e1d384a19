using static Vigil.Kql.Tests.Binding.BinderTestHelpers;

namespace Vigil.Kql.Tests.Binding;

public sealed class OperatorSchemaTests
{
    [Fact]
    public void Where_keeps_the_schema() =>
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int)", Schema("T | where b > 1 and a has 'x'"));

    [Fact]
    public void Project_names_columns_expressions_paths_and_unnamed_values() =>
        Assert.Equal("(a:string, n:long, d_k:dynamic, Column1:long, b:string)",
            Schema("T | project a, n = b * 2, d.k, b + 1, tostring(b)"));

    [Fact]
    public void Extend_appends_and_replaces_in_place_and_sees_earlier_items() =>
        Assert.Equal("(a:long, b:long, c:datetime, d:dynamic, e:real, f:int, g:long, h:long)",
            Schema("T | extend g = b + 1, h = g * 2, a = strlen(a)"));

    [Fact]
    public void Project_away_keep_rename_reorder()
    {
        Assert.Equal("(a:string, e:real, f:int)", Schema("T | project-away b, c, d*"));
        Assert.Equal("(b:long, c:datetime)", Schema("T | project-keep c, b"));
        Assert.Equal("(a:string, bb:long, c:datetime, d:dynamic, e:real, f:int)", Schema("T | project-rename bb = b"));
        Assert.Equal("(f:int, e:real, a:string, b:long, c:datetime, d:dynamic)", Schema("T | project-reorder f, e"));
    }

    [Fact]
    public void Summarize_puts_by_columns_first_and_names_aggregates_like_Kusto() =>
        Assert.Equal(
            "(a:string, c:datetime, count_:long, dcount_b:long, list_a:dynamic, set_b:dynamic, sum_f:long, avg_b:real, max_c:datetime, countif_:long, n:long)",
            Schema("T | summarize count(), dcount(b), make_list(a), make_set(b), sum(f), avg(b), max(c), countif(b > 1), n = count() by a, bin(c, 1h)"));

    [Fact]
    public void Summarize_duplicate_names_get_numeric_suffixes() =>
        Assert.Equal("(count_:long, count_1:long)", Schema("T | summarize count(), count()"));

    [Fact]
    public void Arg_max_with_star_expands_to_the_row_without_repeating_by_columns() =>
        Assert.Equal("(a:string, c:datetime, b:long, d:dynamic, e:real, f:int)", Schema("T | summarize arg_max(c, *) by a"));

    [Fact]
    public void Named_arg_max_names_its_first_column_and_suffixes_the_others() =>
        Assert.Equal("(a:string, b:datetime, b1:long)", Schema("T | summarize b = arg_max(c, b) by a"));

    [Fact]
    public void Percentiles_expand_to_one_column_per_percentile() =>
        Assert.Equal("(percentile_b_50:long, percentile_e_95:real, percentile_e_99_5:real)",
            Schema("T | summarize percentile(b, 50), percentiles(e, 95, 99.5)"));

    [Fact]
    public void Take_any_names_columns_by_their_own_names() =>
        Assert.Equal("(a:string, b:long)", Schema("T | summarize take_any(a, b)"));

    [Fact]
    public void Count_distinct_and_top_and_sort()
    {
        Assert.Equal("(Count:long)", Schema("T | count"));
        Assert.Equal("(a:string, b:long)", Schema("T | distinct a, b"));
        Assert.Equal("(a:string, x:long, b:string)", Schema("U | distinct *"));
        Assert.Equal("(a:string, x:long, b:string)", Schema("U | top 5 by x desc | sort by a asc | take 3"));
    }

    [Fact]
    public void Join_suffixes_duplicate_right_columns_with_1()
    {
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int, a1:string, x:long, b1:string)",
            Schema("T | join kind=inner U on a"));
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int)", Schema("T | join kind=leftsemi U on a"));
        Assert.Equal("(a:string, x:long, b:string)", Schema("T | join kind=rightanti U on $left.b == $right.x"));
    }

    [Fact]
    public void Join_of_built_in_tables_gives_DeviceId1()
    {
        var bound = Bind("DeviceProcessEvents | join (DeviceNetworkEvents) on DeviceId | project DeviceId1, RemoteIP");
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
    }

    [Fact]
    public void Lookup_drops_the_right_key_columns() =>
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int, x:long, b1:string)", Schema("T | lookup U on a"));

    [Fact]
    public void Union_merges_by_name_and_splits_conflicting_types_with_withsource() =>
        Assert.Equal("(Src:string, a:string, b_long:long, b_string:string, c:datetime, d:dynamic, e:real, f:int, x:long)",
            Schema("union withsource=Src T, U"));

    [Fact]
    public void Union_with_a_wildcard_expands_over_the_workspace_tables()
    {
        var bound = Bind("union Device*Events | where Timestamp > ago(1d) | project DeviceName, ProcessCommandLine, RemoteIP");
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        Assert.Contains(bound.ReferencedTables, t => t.Name == "DeviceNetworkEvents");
        Assert.Contains(bound.ReferencedTables, t => t.Name == "DeviceProcessEvents");
    }

    [Fact]
    public void Mv_expand_keeps_the_column_in_place_with_the_typeof_type()
    {
        Assert.Equal("(a:string, b:long, c:datetime, d:string, e:real, f:int)", Schema("T | mv-expand d to typeof(string)"));
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int, x:long, i:long)",
            Schema("T | mv-expand with_itemindex=i x = d to typeof(long)"));
    }

    [Fact]
    public void Mv_apply_puts_the_subquery_columns_after_the_other_columns() =>
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int, m:long)",
            Schema("T | mv-apply v = d to typeof(long) on (summarize m = max(v))"));

    [Fact]
    public void Parse_adds_typed_columns() =>
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int, user:string, n:long)",
            Schema("T | parse a with * 'user=' user ' n=' n:long *"));

    [Fact]
    public void Make_series_gives_by_columns_series_then_axis() =>
        Assert.Equal("(a:string, n:dynamic, c:dynamic)",
            Schema("T | make-series n = count() default = 0 on c from ago(1d) to now() step 1h by a"));

    [Fact]
    public void Top_nested_gives_aggregated_columns() =>
        Assert.Equal("(a:string, aggregated_a:long, b:long, n:long)",
            Schema("T | top-nested 3 of a by count(), top-nested 2 of b by n = sum(f)"));

    [Fact]
    public void Print_range_datatable_and_getschema()
    {
        Assert.Equal("(print_0:long, x:string)", Schema("print 1, x = 'a'"));
        Assert.Equal("(i:long)", Schema("range i from 1 to 10 step 1"));
        Assert.Equal("(t:datetime)", Schema("range t from ago(1d) to now() step 1h"));
        Assert.Equal("(k:string, v:long)", Schema("datatable(k:string, v:long) ['a', 1, 'b', 2]"));
        Assert.Equal("(ColumnName:string, ColumnOrdinal:int, DataType:string, ColumnType:string)", Schema("T | getschema"));
    }

    [Fact]
    public void Evaluate_bag_unpack_opens_the_schema_and_drops_the_bag()
    {
        var bound = Bind("T | evaluate bag_unpack(d) | where Anything == 'x' | project a, Anything");
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        var schema = Bind("T | evaluate bag_unpack(d)").ResultSchema!;
        Assert.True(schema.IsOpen);
        Assert.False(schema.Contains("d"));
    }

    [Fact]
    public void Serialize_and_window_functions()
    {
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int, rn:long, p:long)",
            Schema("T | serialize rn = row_number() | extend p = prev(b)"));
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int, p:long)", Schema("T | sort by c asc | extend p = prev(b, 1)"));
    }

    [Fact]
    public void Render_and_as_keep_the_schema() =>
        Assert.Equal("(a:string, count_:long)", Schema("T | summarize count() by a | as X | render barchart"));

    [Fact]
    public void Let_statements_of_every_kind()
    {
        Assert.Equal("(a:string, b:long)", Schema("let n = 5; let S = T | where b > n | project a, b; S | take n"));
        Assert.Equal("(k:string)", Schema("let D = datatable(k:string) ['x']; D"));
        Assert.Equal("(a:string, y:long)", Schema("let f = (t:(a:string), k:long) { t | extend y = k }; U | invoke f(3) | project a, y"));
        Assert.Equal("(m:long)", Schema("let g = (x:long) { x * 2 }; print m = g(4)"));
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int)", Schema("let M = materialize(T); M | union M"));
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int)", Schema("let v = view () { T }; v"));
        Assert.Equal("(s:long)", Schema("let total = toscalar(T | summarize count()); print s = total"));
    }

    [Fact]
    public void Externaldata_has_its_declared_schema() =>
        Assert.Equal("(h:string, n:long)", Schema("externaldata(h:string, n:long) [@'https://example/x.csv'] with (format='csv')"));
}
