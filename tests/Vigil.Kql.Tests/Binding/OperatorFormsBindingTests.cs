using Vigil.Kql.Syntax;
using static Vigil.Kql.Tests.Binding.BinderTestHelpers;

namespace Vigil.Kql.Tests.Binding;

/// <summary>Result schemas of the less common operator forms (see OperatorFormsParsingTests).</summary>
public sealed class OperatorFormsBindingTests
{
    [Fact]
    public void Toscalar_with_kind_takes_the_first_column_type()
    {
        Assert.Equal("(x:long)", Schema("print x = toscalar kind=nooptimization (T | summarize max(b))"));
        Assert.Equal("(a:string)", Schema("let m = toscalar kind=nooptimization (T | summarize max(b)); T | where b == m | project a"));
    }

    [Fact]
    public void Assert_schema_passes_the_input_schema_through()
    {
        Assert.Equal("(a:string, b:long)", Schema("T | project a, b | assert-schema (a:string, b:long)"));
        Assert.Equal("(a:string, b:long)", Schema("T | assert-schema (a:string) | project a, b"));
    }

    [Fact]
    public void Project_by_names_gives_an_open_schema()
    {
        var bound = Bind("T | project-by-names 'a', strcat('b', '') | where Anything == 1");
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        var schema = Bind("T | project-by-names 'a'").ResultSchema!;
        Assert.True(schema.IsOpen);
        Assert.Empty(schema.Columns);
    }

    [Fact]
    public void Project_by_names_binds_its_arguments_against_the_input()
    {
        Assert.Contains("KQL2002", ErrorCodes("T | project-by-names nosuchcolumn"));
    }

    [Fact]
    public void Macro_expand_takes_the_subquery_schema()
    {
        Assert.Equal("(Count:long)", Schema("macro-expand entity_group [database('a'), database('b')] as X (X.T | count)"));
        Assert.Equal("(n:long)", Schema(
            "let g = entity_group [database('a')]; macro-expand isfuzzy=true g as X (let k = 1; X.T | summarize n = count() | where n > k)"));
    }

    [Fact]
    public void Macro_expand_alias_is_open_and_scoped_to_the_subquery()
    {
        var bound = Bind("macro-expand entity_group [database('a')] as X (X.T | where Whatever == 1)");
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        Assert.True(bound.ResultSchema!.IsOpen);
        // Outside the subquery X is an unknown name.
        Assert.Contains("KQL2001", ErrorCodes("macro-expand entity_group [database('a')] as X (X.T | count); X"));
    }

    [Fact]
    public void Macro_expand_records_the_operator_schema()
    {
        var bound = Bind("macro-expand entity_group [database('a')] as X (print y = 1) | extend z = y + 1");
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        Assert.Equal("(y:long, z:long)", bound.ResultSchema!.ToString());
        var macro = bound.Root.DescendantsAndSelf().OfType<MacroExpandOperator>().Single();
        Assert.Equal("(y:long)", bound.GetSchema(macro)!.ToString());
    }

    [Fact]
    public void Partition_with_legacy_in_clause_takes_the_subquery_schema()
    {
        Assert.Equal("(a:string, b:long)", Schema("T | partition by a in dynamic(['x', 'y']) (top 1 by b | project a, b)"));
        Assert.Equal("(a:string, b:long, c:datetime, d:dynamic, e:real, f:int)", Schema("T | partition hint.strategy=native by a (take 1)"));
        Assert.Equal("(a:string, Count:long)", Schema("T | partition hint.strategy=shuffle by a (summarize Count = count() by a)"));
    }

    [Fact]
    public void Partition_with_source_takes_its_query_schema_and_sees_the_key_through_toscalar()
    {
        Assert.Equal("(x:long, k:string)", Schema("T | partition hint.strategy=legacy by a { U | where a == toscalar(a) | project x, k = toscalar(a) }"));
        Assert.Equal("(n:long)", Schema("T | partition by a in dynamic(['p']) { U | summarize n = count() }"));
    }

    [Fact]
    public void Totable_with_kind_is_a_table()
    {
        Assert.Equal("(a:string)", Schema("totable kind=nooptimization (T | project a)"));
    }

    [Fact]
    public void Summarize_legacy_bin_keeps_the_key_columns()
    {
        Assert.Equal("(b:long, count_:long)", Schema("T | summarize count() by b bin=10"));
        Assert.Equal("(c:datetime, b:long, n:long)", Schema("T | summarize n = count() by c, b bin=1h"));
    }
}
