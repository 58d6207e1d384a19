using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

/// <summary>
/// Binds a parsed query: resolves names against the workspace and the query's own declarations, types every
/// expression, computes every operator's result schema and reports KQL2xxx diagnostics. Never throws on any tree
/// the parser produces.
/// </summary>
public static class KqlBinder
{
    /// <summary>Binds a parsed query against <paramref name="schema"/> (default: the built-in tables).</summary>
    public static BoundQuery Bind(SyntaxTree tree, WorkspaceSchema? schema = null, BindOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Bind(tree.Root, schema, options);
    }

    /// <summary>Binds <paramref name="root"/> against <paramref name="schema"/> (default: the built-in tables).</summary>
    public static BoundQuery Bind(QueryBlock root, WorkspaceSchema? schema = null, BindOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var binder = new Binder(schema ?? WorkspaceSchema.Default, options ?? BindOptions.Default);
        return binder.BindQuery(root);
    }
}
