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

    internal BoundQuery(
        QueryBlock root,
        IReadOnlyDictionary<SyntaxNode, SemanticInfo> info,
        IReadOnlyDictionary<SyntaxNode, ImmutableArray<ColumnSymbol>> produced,
        ImmutableArray<Diagnostic> diagnostics,
        TableSchema? resultSchema,
        ImmutableArray<TableSymbol> referencedTables,
        ImmutableArray<TableSymbol> workspaceTables)
    {
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

    /// <summary>What the binder knows about <paramref name="node"/>, or null when it did not bind it.</summary>
    public SemanticInfo? GetInfo(SyntaxNode node) => _info.TryGetValue(node, out var info) ? info : null;

    /// <summary>
    /// The output columns (with their final names) that one item of project, extend, serialize, summarize (aggregates
    /// and by keys), make-series, distinct or print produced: usually one, several for <c>arg_max(X, *)</c>,
    /// <c>percentiles(X, 50, 95)</c> or a tuple-valued function, none for a dropped duplicate. Empty when
    /// <paramref name="item"/> is not such an item.
    /// </summary>
    public ImmutableArray<ColumnSymbol> GetProducedColumns(Expression item) =>
        _produced.TryGetValue(item, out var columns) ? columns : [];

    /// <summary>The scalar type of an expression (Unknown when not bound or tabular).</summary>
    public ScalarType GetType(Expression expression) => GetInfo(expression)?.Type ?? ScalarType.Unknown;

    /// <summary>The result schema of a tabular expression or query operator, or null.</summary>
    public TableSchema? GetSchema(Expression expression) => GetInfo(expression)?.Schema;
}
