using System.Collections.Immutable;
using Vigil.Kql.Diagnostics;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Kql.Binding;

/// <summary>
/// The binder's result: the syntax tree it bound, a side table of <see cref="SemanticInfo"/> per node (types,
/// schemas, referenced symbols), and the binding diagnostics. The engine plans from this.
/// </summary>
public sealed class BoundQuery
{
    private readonly IReadOnlyDictionary<SyntaxNode, SemanticInfo> _info;
    private readonly IReadOnlyDictionary<SyntaxNode, ImmutableArray<ColumnSymbol>> _produced;
    private readonly IReadOnlyDictionary<SyntaxNode, CallSiteBinding> _callSites;

    /// <summary>The bindings of the user-function bodies entered (innermost first), or null at the top level.</summary>
    private readonly ImmutableStack<CallSiteBinding> _bodies = ImmutableStack<CallSiteBinding>.Empty;

    internal BoundQuery(
        QueryBlock root,
        IReadOnlyDictionary<SyntaxNode, SemanticInfo> info,
        IReadOnlyDictionary<SyntaxNode, ImmutableArray<ColumnSymbol>> produced,
        ImmutableArray<Diagnostic> diagnostics,
        TableSchema? resultSchema,
        ImmutableArray<TableSymbol> referencedTables,
        ImmutableArray<TableSymbol> workspaceTables,
        IReadOnlyDictionary<SyntaxNode, CallSiteBinding> callSites)
    {
        _callSites = callSites;
        WorkspaceTables = workspaceTables;
        Root = root;
        _info = info;
        _produced = produced;
        Diagnostics = diagnostics;
        ResultSchema = resultSchema;
        ReferencedTables = referencedTables;
    }

    public QueryBlock Root { get; }

    /// <summary>Binding diagnostics (KQL2xxx) ordered by position; the parser's are in the tree.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The schema of the last tabular statement's result (what the query returns), or null.</summary>
    public TableSchema? ResultSchema { get; }

    /// <summary>The workspace tables the query reads, each once, in order of first reference.</summary>
    public ImmutableArray<TableSymbol> ReferencedTables { get; }

    /// <summary>Every table the query was bound against (find and search without <c>in</c> look in all of them).</summary>
    public ImmutableArray<TableSymbol> WorkspaceTables { get; }

    /// <summary>The referenced tables whose names match a wildcard pattern such as <c>Device*</c> (union, search).</summary>
    public IEnumerable<TableSymbol> TablesMatching(string pattern)
    {
        foreach (var table in ReferencedTables)
        {
            if (Binder.MatchesWildcard(table.Name, pattern))
            {
                yield return table;
            }
        }
    }

    private BoundQuery(BoundQuery outer, ImmutableStack<CallSiteBinding> bodies)
    {
        Root = outer.Root;
        _info = outer._info;
        _produced = outer._produced;
        _callSites = outer._callSites;
        Diagnostics = outer.Diagnostics;
        ResultSchema = outer.ResultSchema;
        ReferencedTables = outer.ReferencedTables;
        WorkspaceTables = outer.WorkspaceTables;
        _bodies = bodies;
    }

    /// <summary>
    /// This query as seen inside the body of the user function called at <paramref name="site"/>: the body's nodes
    /// have the types that call's arguments gave them (each call binds the body anew).
    /// </summary>
    public BoundQuery ForCallSite(SyntaxNode site)
    {
        var sites = _bodies.IsEmpty ? _callSites : _bodies.Peek().Sites;
        return sites.TryGetValue(site, out var binding) ? new BoundQuery(this, _bodies.Push(binding)) : this;
    }

    /// <summary>What the binder knows about <paramref name="node"/>, or null when it did not bind it.</summary>
    public SemanticInfo? GetInfo(SyntaxNode node)
    {
        foreach (var body in _bodies)
        {
            if (body.Info.TryGetValue(node, out var inBody))
            {
                return inBody;
            }
        }

        return _info.TryGetValue(node, out var info) ? info : null;
    }

    /// <summary>
    /// The output columns (with their final names) that one item of project, extend, serialize, summarize (aggregates
    /// and by keys), make-series, distinct or print produced: usually one, several for <c>arg_max(X, *)</c>,
    /// <c>percentiles(X, 50, 95)</c> or a tuple-valued function, none for a dropped duplicate. Empty when
    /// <paramref name="item"/> is not such an item.
    /// </summary>
    public ImmutableArray<ColumnSymbol> GetProducedColumns(Expression item)
    {
        foreach (var body in _bodies)
        {
            if (body.Produced.TryGetValue(item, out var inBody))
            {
                return inBody;
            }
        }

        return _produced.TryGetValue(item, out var columns) ? columns : [];
    }

    /// <summary>The scalar type of an expression (Unknown when not bound or tabular).</summary>
    public ScalarType GetType(Expression expression) => GetInfo(expression)?.Type ?? ScalarType.Unknown;

    /// <summary>The result schema of a tabular expression or query operator, or null.</summary>
    public TableSchema? GetSchema(Expression expression) => GetInfo(expression)?.Schema;
}
