using Vigil.Kql.Binding;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Tests.Binding;

internal static class BinderTestHelpers
{
    /// <summary>A small custom workspace next to the built-in tables: T(a:string, b:long, c:datetime, d:dynamic, e:real, f:int).</summary>
    public static readonly WorkspaceSchema Workspace = WorkspaceSchema.Default.WithTables(
    [
        new TableSymbol("T",
        [
            new ColumnSymbol("a", ScalarType.String),
            new ColumnSymbol("b", ScalarType.Long),
            new ColumnSymbol("c", ScalarType.DateTime),
            new ColumnSymbol("d", ScalarType.Dynamic),
            new ColumnSymbol("e", ScalarType.Real),
            new ColumnSymbol("f", ScalarType.Int),
        ]),
        new TableSymbol("U",
        [
            new ColumnSymbol("a", ScalarType.String),
            new ColumnSymbol("x", ScalarType.Long),
            new ColumnSymbol("b", ScalarType.String),
        ]),
    ]);

    public static BoundQuery Bind(string query, BindOptions? options = null)
    {
        var tree = SyntaxTree.Parse(query);
        Assert.False(tree.HasErrors, $"parse errors: {string.Join("; ", tree.Diagnostics)}");
        return KqlBinder.Bind(tree, Workspace, options);
    }

    /// <summary>The result schema as "(a:string, b:long)" after asserting there is no error.</summary>
    public static string Schema(string query)
    {
        var bound = Bind(query);
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics));
        Assert.NotNull(bound.ResultSchema);
        return bound.ResultSchema!.ToString();
    }

    /// <summary>The codes of the error diagnostics.</summary>
    public static string[] ErrorCodes(string query, BindOptions? options = null) =>
        [.. Bind(query, options).Diagnostics.Where(d => d.IsError).Select(d => d.Code)];
}
