using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Vigil.Kql.Symbols;

/// <summary>
/// The M365 Defender and Sentinel tables every Vigil workspace has, with their columns in storage order.
/// The definitions come from <c>BuiltInTables.json</c>, an embedded resource generated from
/// <c>shared/schemas/tables.json</c> by <c>scripts/gen-builtin-tables.sh</c> (a test fails when the checked-in file
/// drifts from its source), so the product never reads the shared folder at run time. Columns that Defender spells
/// differently from Sentinel (<c>AccountUpn</c>/<c>AccountUPN</c>) keep Sentinel's name and accept Defender's as an
/// alias (<see cref="TableSchema.Aliases"/>), so portal queries run unmodified.
/// </summary>
public static class BuiltInTables
{
    /// <summary>Name of the embedded resource that holds the definitions.</summary>
    internal const string ResourceName = "Vigil.Kql.Symbols.BuiltInTables.json";

    private static readonly Lazy<Catalog> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every built-in table, in the order of the definitions file.</summary>
    public static ImmutableArray<TableSymbol> All => Loaded.Value.Tables;

    /// <summary>Finds a built-in table by its exact (case-sensitive) name.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out TableSymbol? table) =>
        Loaded.Value.ByName.TryGetValue(name, out table);

    private sealed record Catalog(ImmutableArray<TableSymbol> Tables, FrozenDictionary<string, TableSymbol> ByName);

    private static Catalog Load()
    {
        using var stream = typeof(BuiltInTables).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from Vigil.Kql.");
        using var document = JsonDocument.Parse(stream);
        var tables = ImmutableArray.CreateBuilder<TableSymbol>();
        foreach (var table in document.RootElement.GetProperty("tables").EnumerateArray())
        {
            var name = table.GetProperty("name").GetString()!;
            var category = table.GetProperty("category").GetString()!;
            var columns = new List<ColumnSymbol>();
            foreach (var column in table.GetProperty("columns").EnumerateArray())
            {
                var columnName = column[0].GetString()!;
                var typeName = column[1].GetString()!;
                if (!TypeFacts.TryParse(typeName, out var type))
                {
                    throw new InvalidOperationException($"BuiltInTables.json: {name}.{columnName} has unknown type '{typeName}'.");
                }

                columns.Add(new ColumnSymbol(columnName, type));
            }

            Dictionary<string, string>? aliases = null;
            if (table.TryGetProperty("aliases", out var aliasList))
            {
                aliases = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var alias in aliasList.EnumerateArray())
                {
                    aliases[alias[0].GetString()!] = alias[1].GetString()!;
                }
            }

            tables.Add(new TableSymbol(name, new TableSchema(columns, isOpen: false, aliases), category));
        }

        var all = tables.ToImmutable();
        return new Catalog(all, all.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal));
    }
}
