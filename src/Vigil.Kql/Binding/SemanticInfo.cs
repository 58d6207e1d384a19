using Vigil.Kql.Symbols;

namespace Vigil.Kql.Binding;

/// <summary>
/// What the binder learned about one syntax node, kept in <see cref="BoundQuery"/>'s side table (nodes are never
/// changed). A scalar expression has a <see cref="Type"/>; a tabular expression or query operator has a
/// <see cref="Schema"/>. At most one of the <c>Referenced*</c> properties is set.
/// </summary>
public sealed class SemanticInfo
{
    internal SemanticInfo(ScalarType type, TableSchema? schema, bool isSerialized)
    {
        Type = type;
        Schema = schema;
        IsSerialized = isSerialized;
    }

    /// <summary>The scalar type of a scalar expression (Unknown for tabular ones and when it cannot be known).</summary>
    public ScalarType Type { get; }

    /// <summary>The result schema of a tabular expression or query operator; null for scalar expressions.</summary>
    public TableSchema? Schema { get; }

    public bool IsTabular => Schema is not null;

    /// <summary>For tabular results: whether the rows are serialized (ordered), as window functions require.</summary>
    public bool IsSerialized { get; }

    /// <summary>The column a name refers to.</summary>
    public ColumnSymbol? ReferencedColumn { get; internal init; }

    /// <summary>The workspace table a name refers to.</summary>
    public TableSymbol? ReferencedTable { get; internal init; }

    /// <summary>The built-in function, aggregate or plugin a call refers to.</summary>
    public FunctionSymbol? ReferencedFunction { get; internal init; }

    /// <summary>The let-bound name, parameter or user function a name or call refers to.</summary>
    public LocalSymbol? ReferencedLocal { get; internal init; }

    /// <summary>For a name in a <c>join</c>/<c>lookup</c> condition: 0 for the left side, 1 for the right; else -1.</summary>
    public int JoinSide { get; internal init; } = -1;

    /// <summary>True for a call of an aggregate function.</summary>
    public bool IsAggregate => ReferencedFunction?.Kind == FunctionKind.Aggregate;

    public override string ToString() => Schema?.ToString() ?? TypeFacts.GetName(Type);
}
