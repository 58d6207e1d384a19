using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Kql.Tests.Symbols;

/// <summary>
/// Turns <c>shared/schemas/tables.json</c> into Vigil's own <c>src/Vigil.Kql/Symbols/BuiltInTables.json</c>.
/// Rules (from shared/schemas/README.md and the file's <c>_meta</c>):
/// <list type="bullet">
/// <item>a table whose columns carry <c>present_in</c> is an M365D table, every other one a Sentinel table;</item>
/// <item>M365D tables get <c>Timestamp</c> (datetime) first when missing, except the two DeviceTvm inventory tables
/// that Defender documents without a time column;</item>
/// <item>Device* tables that the Streaming API delivers (all but DeviceTvm*) get <c>MachineGroup</c>;</item>
/// <item>every table gets the Sentinel standard columns it lacks, appended in <see cref="StandardColumns"/> order;</item>
/// <item>a column Defender spells differently (<c>m365d_name</c>, e.g. AccountUpn for AccountUPN) gets that spelling
/// as an alias.</item>
/// </list>
/// Column order and types are otherwise exactly the source's.
/// </summary>
internal static class BuiltInTablesGenerator
{
    private static readonly (string Name, string Type)[] StandardColumns =
    [
        ("TimeGenerated", "datetime"),
        ("TenantId", "string"),
        ("Type", "string"),
        ("SourceSystem", "string"),
        ("_ResourceId", "string"),
        ("_SubscriptionId", "string"),
        ("_BilledSize", "real"),
        ("_IsBillable", "string"),
    ];

    private static readonly HashSet<string> TablesWithoutTimestamp = new(StringComparer.Ordinal)
    {
        "DeviceTvmSoftwareInventory",
        "DeviceTvmSoftwareVulnerabilities",
    };

    public static string Generate(string tablesJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(tablesJsonPath));
        var output = new StringBuilder();
        output.Append("{\n");
        output.Append("  \"format\": \"vigil.builtin-tables/1\",\n");
        output.Append("  \"note\": \"Generated from shared/schemas/tables.json by scripts/gen-builtin-tables.sh. Do not edit.\",\n");
        output.Append("  \"tables\": [");
        var firstTable = true;
        foreach (var table in document.RootElement.EnumerateObject())
        {
            if (table.Name.StartsWith('_'))
            {
                continue;
            }

            var columns = new List<(string Name, string Type)>();
            var aliases = new List<(string Alias, string Name)>();
            var isM365D = false;
            foreach (var column in table.Value.EnumerateArray())
            {
                var name = column.GetProperty("name").GetString()!;
                columns.Add((name, column.GetProperty("type").GetString()!));
                isM365D |= column.TryGetProperty("present_in", out _);
                if (column.TryGetProperty("m365d_name", out var m365dName) && m365dName.GetString() is { } alias && alias != name)
                {
                    aliases.Add((alias, name));
                }
            }

            AddDerivedColumns(table.Name, isM365D, columns);
            output.Append(firstTable ? "\n" : ",\n");
            firstTable = false;
            output.Append("    {\n");
            output.Append(CultureInfo.InvariantCulture, $"      \"name\": {Quote(table.Name)},\n");
            output.Append(CultureInfo.InvariantCulture, $"      \"category\": {Quote(isM365D ? "m365d" : "sentinel")},\n");
            output.Append("      \"columns\": [\n");
            for (var i = 0; i < columns.Count; i++)
            {
                output.Append(CultureInfo.InvariantCulture, $"        [{Quote(columns[i].Name)}, {Quote(columns[i].Type)}]");
                output.Append(i + 1 < columns.Count ? ",\n" : "\n");
            }

            output.Append(aliases.Count > 0 ? "      ],\n" : "      ]\n");
            if (aliases.Count > 0)
            {
                output.Append("      \"aliases\": [\n");
                for (var i = 0; i < aliases.Count; i++)
                {
                    output.Append(CultureInfo.InvariantCulture, $"        [{Quote(aliases[i].Alias)}, {Quote(aliases[i].Name)}]");
                    output.Append(i + 1 < aliases.Count ? ",\n" : "\n");
                }

                output.Append("      ]\n");
            }

            output.Append("    }");
        }

        output.Append("\n  ]\n}\n");
        return output.ToString();
    }

    private static void AddDerivedColumns(string table, bool isM365D, List<(string Name, string Type)> columns)
    {
        bool Has(string name) => columns.Exists(c => c.Name == name);

        if (isM365D && !Has("Timestamp") && !TablesWithoutTimestamp.Contains(table))
        {
            columns.Insert(0, ("Timestamp", "datetime"));
        }

        foreach (var (name, type) in StandardColumns)
        {
            if (!Has(name))
            {
                columns.Add((name, type));
            }
        }

        if (table.StartsWith("Device", StringComparison.Ordinal) && !table.StartsWith("DeviceTvm", StringComparison.Ordinal)
            && !Has("MachineGroup"))
        {
            columns.Add(("MachineGroup", "string"));
        }
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
