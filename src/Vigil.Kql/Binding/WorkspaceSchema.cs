using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Vigil.Kql.Symbols;

namespace Vigil.Kql.Binding;

/// <summary>
/// What a query can see besides its own declarations: the workspace's tables (the built-in M365D/Sentinel tables and
/// the caller's custom tables) and the names of functions that exist outside the query (Defender functions such as
/// <c>FileProfile</c>, stored functions) so calls to them are reported as such. Immutable.
/// </summary>
public sealed class WorkspaceSchema
{
    /// <summary>Functions Microsoft 365 Defender advanced hunting provides outside any query.</summary>
    public static readonly ImmutableArray<string> DefenderFunctions = ["FileProfile", "DeviceFromIP", "AssignedIPAddresses", "SeenBy"];

    private static readonly Lazy<WorkspaceSchema> BuiltIn = new(() => new WorkspaceSchema(BuiltInTables.All, DefenderFunctions));

    private readonly FrozenDictionary<string, TableSymbol> _tables;
    private readonly FrozenSet<string> _externalFunctions;

    private WorkspaceSchema(IEnumerable<TableSymbol> tables, IEnumerable<string> externalFunctions)
    {
        var byName = new Dictionary<string, TableSymbol>(StringComparer.Ordinal);
        var ordered = ImmutableArray.CreateBuilder<TableSymbol>();
        foreach (var table in tables)
        {
            if (byName.TryGetValue(table.Name, out var existing))
            {
                ordered[ordered.IndexOf(existing)] = table;
            }
            else
            {
                ordered.Add(table);
            }

            byName[table.Name] = table;
        }

        Tables = ordered.ToImmutable();
        _tables = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _externalFunctions = externalFunctions.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The built-in tables and the Defender functions.</summary>
    public static WorkspaceSchema Default => BuiltIn.Value;

    /// <summary>A schema with exactly these tables and external function names.</summary>
    public static WorkspaceSchema Create(IEnumerable<TableSymbol> tables, IEnumerable<string>? externalFunctions = null) =>
        new(tables, externalFunctions ?? []);

    public ImmutableArray<TableSymbol> Tables { get; }

    public IReadOnlySet<string> ExternalFunctions => _externalFunctions;

    /// <summary>This schema plus custom tables (a table with an existing name replaces it).</summary>
    public WorkspaceSchema WithTables(IEnumerable<TableSymbol> tables) => new([.. Tables, .. tables], _externalFunctions);

    /// <summary>This schema plus names of functions that exist outside queries.</summary>
    public WorkspaceSchema WithExternalFunctions(IEnumerable<string> names) => new(Tables, [.. _externalFunctions, .. names]);

    public bool TryGetTable(string name, [NotNullWhen(true)] out TableSymbol? table) => _tables.TryGetValue(name, out table);

    public bool IsExternalFunction(string name) => _externalFunctions.Contains(name);
}
