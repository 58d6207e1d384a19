namespace Vigil.Storage;

/// <summary>A named, typed column of a table.</summary>
public sealed record ColumnDefinition
{
    public ColumnDefinition(string name, ColumnType type)
        : this(name, type, hidden: false)
    {
    }

    private ColumnDefinition(string name, ColumnType type, bool hidden)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ColumnTypeFacts.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type.");
        }

        if (!hidden && name.StartsWith('$'))
        {
            throw new ArgumentException($"Column names starting with '$' are reserved: '{name}'.", nameof(name));
        }

        Name = name;
        Type = type;
    }

    /// <summary>A storage-internal column (its name starts with '$').</summary>
    internal static ColumnDefinition Hidden(string name, ColumnType type) => new(name, type, hidden: true);

    /// <summary>The column name (case-sensitive, as in Kusto).</summary>
    public string Name { get; }

    /// <summary>The column's storage type.</summary>
    public ColumnType Type { get; }

    public override string ToString() => $"{Name}:{ColumnTypeFacts.Name(Type)}";
}
