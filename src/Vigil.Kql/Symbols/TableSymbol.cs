using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Vigil.Kql.Symbols;

/// <summary>
/// A named table of the workspace: a built-in M365D/Sentinel table or a custom table the caller supplies.
/// Immutable; <see cref="WithColumns"/> and <see cref="AddColumns"/> return new symbols.
/// </summary>
public sealed class TableSymbol
{
    public TableSymbol(string name, IEnumerable<ColumnSymbol> columns, string category = TableCategories.Custom)
        : this(name, new TableSchema(columns), category)
    {
    }

    public TableSymbol(string name, TableSchema schema, string category = TableCategories.Custom)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(category);
        Name = name;
        Schema = schema;
        Category = category;
    }

    public string Name { get; }

    /// <summary>Where the table comes from: <see cref="TableCategories.M365D"/>, <see cref="TableCategories.Sentinel"/>
    /// or <see cref="TableCategories.Custom"/>.</summary>
    public string Category { get; }

    public TableSchema Schema { get; }

    /// <summary>The columns in order (exactly the storage order for built-in tables).</summary>
    public ImmutableArray<ColumnSymbol> Columns => Schema.Columns;

    public bool TryGetColumn(string name, [NotNullWhen(true)] out ColumnSymbol? column) =>
        Schema.TryGetColumn(name, out column);

    /// <summary>The same table with exactly these columns.</summary>
    public TableSymbol WithColumns(IEnumerable<ColumnSymbol> columns) => new(Name, columns, Category);

    /// <summary>The same table with columns appended (or replaced in place when the name exists).</summary>
    public TableSymbol AddColumns(IEnumerable<ColumnSymbol> columns) => new(Name, Schema.WithColumns(columns), Category);

    public TableSymbol WithName(string name) => name == Name ? this : new TableSymbol(name, Schema, Category);

    public override string ToString() => Name + Schema;
}

/// <summary>The categories a <see cref="TableSymbol"/> can have.</summary>
public static class TableCategories
{
    /// <summary>A Microsoft 365 Defender advanced hunting table (as Sentinel stores it).</summary>
    public const string M365D = "m365d";

    /// <summary>A Sentinel / Log Analytics table.</summary>
    public const string Sentinel = "sentinel";

    /// <summary>A table the workspace owner defined.</summary>
    public const string Custom = "custom";
}
