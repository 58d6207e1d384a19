using Vigil.Kql.Binding;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Symbols;
using static Vigil.Kql.Tests.Binding.BinderTestHelpers;

namespace Vigil.Kql.Tests.Binding;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("NoSuchTable | take 1", BindingDiagnostics.UnknownTableCode)]
    [InlineData("T | where nosuch == 1", BindingDiagnostics.UnknownColumnCode)]
    [InlineData("T | summarize count() by a | project b", BindingDiagnostics.UnknownColumnCode)]
    [InlineData("T | project-away nosuch", BindingDiagnostics.UnknownColumnCode)]
    [InlineData("T | extend x = nosuchfunction(a)", BindingDiagnostics.UnknownFunctionCode)]
    [InlineData("T | extend x = FileProfile(a)", BindingDiagnostics.ExternalFunctionCode)]
    [InlineData("T | invoke FileProfile(a, 1000)", BindingDiagnostics.ExternalFunctionCode)]
    [InlineData("T | extend x = strlen(a, b)", BindingDiagnostics.WrongArgumentCountCode)]
    [InlineData("T | extend x = substring(a)", BindingDiagnostics.WrongArgumentCountCode)]
    [InlineData("T | where c > ago('1d')", BindingDiagnostics.WrongArgumentTypeCode)]
    [InlineData("T | extend x = iff(b > 1, 'a', 1)", BindingDiagnostics.WrongArgumentTypeCode)]
    [InlineData("T | extend x = bin(c, 5)", BindingDiagnostics.WrongArgumentTypeCode)]
    [InlineData("T | extend x = a + 1", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("T | where a == 1", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("T | where c > 'x'", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("T | where b", BindingDiagnostics.ExpectedBoolCode)]
    [InlineData("T | where b > 1 and a", BindingDiagnostics.ExpectedBoolCode)]
    [InlineData("T | summarize b + 1", BindingDiagnostics.ExpectedAggregateCode)]
    [InlineData("T | extend n = count()", BindingDiagnostics.AggregateNotAllowedCode)]
    [InlineData("T | evaluate no_such_plugin()", BindingDiagnostics.UnknownPluginCode)]
    [InlineData("T | extend p = prev(b)", BindingDiagnostics.NotSerializedCode)]
    [InlineData("T | summarize count() by a | extend r = row_number()", BindingDiagnostics.NotSerializedCode)]
    [InlineData("T | join kind=sideways U on a", BindingDiagnostics.InvalidParameterValueCode)]
    [InlineData("T | join U on $left.b == $right.b", BindingDiagnostics.JoinKeyTypeMismatchCode)]
    [InlineData("T | join U on b", BindingDiagnostics.JoinKeyTypeMismatchCode)]
    [InlineData("T | join U on a > 1", BindingDiagnostics.InvalidJoinConditionCode)]
    [InlineData("T | where a(1) == 1", BindingDiagnostics.NotAFunctionCode)]
    [InlineData("T | project a, a", BindingDiagnostics.DuplicateColumnCode)]
    [InlineData("let S = U | project a; T | where b in (S)", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("let f = (x:long) { x }; print f()", BindingDiagnostics.WrongArgumentCountCode)]
    [InlineData("T | mv-expand a", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("T | where b has 'x'", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("datatable(a:long, b:string) [1, 2]", BindingDiagnostics.DataTableValueCode)]
    [InlineData("datatable(a:long, b:string) [1, 'x', 2]", BindingDiagnostics.DataTableValueCode)]
    [InlineData("T | where a contains 1", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("T | where b has_any ('x')", BindingDiagnostics.OperatorTypeMismatchCode)]
    [InlineData("T | join (print 1) on b", BindingDiagnostics.UnknownColumnCode)]
    public void Broken_queries_get_a_precise_code(string query, string code) =>
        Assert.Contains(code, ErrorCodes(query));

    [Theory]
    [InlineData("T | where b == 1.5 and f < 3 and e >= b")]
    [InlineData("T | where d.k == 'x' and d['k'] == 1 and d has 'z'")]
    [InlineData("T | where f == true or b != false")]
    [InlineData("T | where c between (ago(1d) .. now()) and c between (datetime(2020-01-01) .. 1d)")]
    [InlineData("T | extend x = c - ago(1h), y = c + 1h, z = 2 * 1h, w = (now() - c) / 1h, q = d.n + 1")]
    [InlineData("T | where a in ('x', 'y') and b !in (1, 2) and a in~ (dynamic(['a'])) and a has_any ('q')")]
    [InlineData("T | extend s = strcat(a, b, c), l = strlen(d), t = tolower(d.k), n = toint(d.n)")]
    [InlineData("T | extend x = iff(isempty(a), d.k, 'default'), y = case(b > 1, 'big', b > 0, 'small', 'none')")]
    [InlineData("T | summarize arg_max(c, *), take_any(*), make_set_if(a, b > 1, 10), percentiles(b, 5, 50) by f")]
    [InlineData("T | where isnotempty(a) | summarize Total = countif(b > 1) * 100.0 / count() by a")]
    [InlineData("DeviceLogonEvents | where AccountName =~ 'x' | project Timestamp, TimeGenerated, DeviceId, MachineGroup")]
    [InlineData("IdentityInfo | where AccountUpn == 'a@b.c' | project AccountUpn, AccountUPN")]
    [InlineData("search 'a' and 'b' | take 1")]
    [InlineData("T | where * has 'x' and d has 'y' and a matches regex '[a-z]+' and a !startswith_cs 'q'")]
    public void Valid_queries_with_Kusto_leniency_bind_without_errors(string query) =>
        Assert.Empty(ErrorCodes(query));

    [Fact]
    public void Unknown_names_become_warnings_with_the_option()
    {
        var options = new BindOptions { UnknownNamesAsWarnings = true };
        var bound = Bind("NoSuchTable | extend x = nosuch(1), y = FileProfile(2) | evaluate nosuchplugin()", options);
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        Assert.Contains(bound.Diagnostics, d => d.Code == BindingDiagnostics.UnknownTableCode && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(bound.Diagnostics, d => d.Code == BindingDiagnostics.UnknownFunctionCode && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(bound.Diagnostics, d => d.Code == BindingDiagnostics.ExternalFunctionCode && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(bound.Diagnostics, d => d.Code == BindingDiagnostics.UnknownPluginCode && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("KQL2002", ErrorCodes("T | where nosuch == 1", options));
    }

    [Fact]
    public void Diagnostics_point_at_the_offending_text()
    {
        const string query = "T | where nosuch == 1";
        var diagnostic = Assert.Single(Bind(query).Diagnostics);
        Assert.Equal("nosuch", query.Substring(diagnostic.Start, diagnostic.Length));
    }

    [Fact]
    public void Semantic_info_records_types_and_referenced_symbols_without_touching_the_tree()
    {
        var tree = Vigil.Kql.Syntax.SyntaxTree.Parse("T | where b > 1 | extend n = strlen(a)");
        var bound = KqlBinder.Bind(tree, Workspace);
        var nodes = tree.Root.DescendantsAndSelf().OfType<Vigil.Kql.Syntax.Expression>().ToList();
        var b = nodes.OfType<Vigil.Kql.Syntax.NameReference>().First(n => n.SimpleName == "b");
        Assert.Equal(ScalarType.Long, bound.GetType(b));
        Assert.Equal("b", bound.GetInfo(b)!.ReferencedColumn!.Name);
        var call = nodes.OfType<Vigil.Kql.Syntax.FunctionCallExpression>().Single();
        Assert.Equal("strlen", bound.GetInfo(call)!.ReferencedFunction!.Name);
        var table = nodes.OfType<Vigil.Kql.Syntax.NameReference>().First(n => n.SimpleName == "T");
        Assert.Equal("T", bound.GetInfo(table)!.ReferencedTable!.Name);
        var extend = nodes.OfType<Vigil.Kql.Syntax.ExtendOperator>().Single();
        Assert.Equal("n", bound.GetSchema(extend)!.Columns[^1].Name);
    }

    [Fact]
    public void Produced_columns_map_each_item_to_its_output_columns()
    {
        var tree = Vigil.Kql.Syntax.SyntaxTree.Parse("T | summarize arg_max(c, *), n = count(), percentiles(b, 5, 95) by a");
        var bound = KqlBinder.Bind(tree, Workspace);
        var summarize = tree.Root.DescendantsAndSelf().OfType<Vigil.Kql.Syntax.SummarizeOperator>().Single();
        Assert.Equal(["c", "b", "d", "e", "f"], bound.GetProducedColumns(summarize.Aggregates[0]).Select(c => c.Name));
        Assert.Equal(["n"], bound.GetProducedColumns(summarize.Aggregates[1]).Select(c => c.Name));
        Assert.Equal(["percentile_b_5", "percentile_b_95"], bound.GetProducedColumns(summarize.Aggregates[2]).Select(c => c.Name));
        Assert.Equal(["a"], bound.GetProducedColumns(summarize.By!.Expressions[0]).Select(c => c.Name));
    }
}
