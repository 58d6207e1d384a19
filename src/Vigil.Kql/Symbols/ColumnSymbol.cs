namespace Vigil.Kql.Symbols;

/// <summary>A column of a table or of an operator's result: a name (case-sensitive in KQL) and a scalar type.</summary>
public sealed class ColumnSymbol : IEquatable<ColumnSymbol>
{
    public ColumnSymbol(string name, ScalarType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public ScalarType Type { get; }

    /// <summary>The same column under another name (project-rename, join's <c>Name1</c> suffixes).</summary>
    public ColumnSymbol WithName(string name) => name == Name ? this : new ColumnSymbol(name, Type);

    /// <summary>The same column with another type.</summary>
    public ColumnSymbol WithType(ScalarType type) => type == Type ? this : new ColumnSymbol(Name, type);

    public bool Equals(ColumnSymbol? other) => other is not null && other.Name == Name && other.Type == Type;

    public override bool Equals(object? obj) => Equals(obj as ColumnSymbol);

    public override int GetHashCode() => HashCode.Combine(Name, Type);

    /// <summary><c>Name:type</c>, as in a KQL schema.</summary>
    public override string ToString() => $"{Name}:{TypeFacts.GetName(Type)}";
}
