using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using static Vigil.Kql.Tests.Binding.BinderTestHelpers;

namespace Vigil.Kql.Tests.Binding;

public sealed class LetAndFunctionTests
{
    [Fact]
    public void Default_parameters_may_be_omitted_and_typed_parameters_are_checked()
    {
        Assert.Equal("(r:long)", Schema("let f = (x:long, y:long = 10) { x + y }; print r = f(1)"));
        Assert.Equal("(r:long)", Schema("let f = (x:long, y:long = 10) { x + y }; print r = f(1, 2)"));
        Assert.Contains(BindingDiagnostics.WrongArgumentTypeCode, ErrorCodes("let f = (x:long) { x }; print f('a')"));
        Assert.Contains(BindingDiagnostics.WrongArgumentCountCode, ErrorCodes("let f = (x:long) { x }; print f(1, 2)"));
    }

    [Fact]
    public void Functions_call_functions_declared_before_them_and_see_earlier_lets()
    {
        Assert.Equal("(a:string, b:long)",
            Schema("let limit = 5; let src = () { T | where b > limit }; let g = () { src() | project a, b }; g()"));
    }

    [Fact]
    public void A_function_cannot_call_itself()
    {
        Assert.Contains(BindingDiagnostics.NotAFunctionCode, ErrorCodes("let f = (x:long) { f(x) }; print f(1)"));
    }

    [Fact]
    public void Tabular_parameters_take_the_schema_of_the_table_passed()
    {
        const string query = "let cnt = (t:(*)) { t | summarize n = count() by a }; union (cnt(T)), (cnt(U))";
        Assert.Equal("(a:string, n:long)", Schema(query));
    }

    [Fact]
    public void Let_names_shadow_tables_and_columns_shadow_let_names()
    {
        Assert.Equal("(k:long)", Schema("let T = datatable(k:long) [1]; T"));
        var bound = Bind("let b = 'text'; T | where b > 1");
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
    }

    [Fact]
    public void Let_symbols_are_recorded_on_the_declared_names()
    {
        var tree = Vigil.Kql.Syntax.SyntaxTree.Parse("let n = 5; let M = materialize(T); let f = () { M }; f() | take n");
        var bound = KqlBinder.Bind(tree, Workspace);
        var lets = tree.Root.Statements.OfType<Vigil.Kql.Syntax.LetStatement>().ToList();
        Assert.IsType<ScalarVariableSymbol>(bound.GetInfo(lets[0].Name)!.ReferencedLocal);
        var materialized = Assert.IsType<TabularVariableSymbol>(bound.GetInfo(lets[1].Name)!.ReferencedLocal);
        Assert.True(materialized.IsMaterialized);
        Assert.Equal(6, materialized.Schema.Count);
        Assert.IsType<UserFunctionSymbol>(bound.GetInfo(lets[2].Name)!.ReferencedLocal);
        Assert.Equal(ScalarType.Long, ((ScalarVariableSymbol)bound.GetInfo(lets[0].Name)!.ReferencedLocal!).Type);
    }
}
