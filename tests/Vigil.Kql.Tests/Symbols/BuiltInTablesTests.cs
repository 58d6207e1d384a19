using Vigil.Kql.Symbols;
using Vigil.Testing;

namespace Vigil.Kql.Tests.Symbols;

public sealed class BuiltInTablesTests
{
    [Fact]
    public void Checked_in_definitions_match_a_fresh_generation_from_shared_tables_json()
    {
        // VIGIL_ACCEPT_GOLDEN=1 (scripts/gen-builtin-tables.sh) rewrites the file instead of failing.
        var generated = BuiltInTablesGenerator.Generate(RepositoryPaths.SharedFile("schemas", "tables.json"));
        GoldenFiles.At(Path.Combine(RepositoryPaths.Root, "src", "Vigil.Kql", "Symbols")).Verify("BuiltInTables.json", generated);
    }

    [Fact]
    public void All_has_every_table_of_the_shared_schema()
    {
        Assert.Equal(55, BuiltInTables.All.Length);
        Assert.True(BuiltInTables.TryGet("DeviceProcessEvents", out var table));
        Assert.Equal(TableCategories.M365D, table.Category);
        Assert.True(BuiltInTables.TryGet("SecurityEvent", out var sentinel));
        Assert.Equal(TableCategories.Sentinel, sentinel.Category);
    }

    [Fact]
    public void TryGet_is_case_sensitive_and_rejects_unknown_names()
    {
        Assert.False(BuiltInTables.TryGet("deviceprocessevents", out _));
        Assert.False(BuiltInTables.TryGet("NoSuchTable", out _));
    }

    [Fact]
    public void Every_table_has_the_sentinel_standard_columns_once()
    {
        foreach (var table in BuiltInTables.All)
        {
            foreach (var name in new[] { "TimeGenerated", "TenantId", "Type", "SourceSystem", "_ResourceId", "_SubscriptionId", "_BilledSize", "_IsBillable" })
            {
                Assert.True(table.TryGetColumn(name, out _), $"{table.Name} lacks {name}");
            }

            Assert.Equal(table.Columns.Length, table.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        }

        Assert.True(BuiltInTables.TryGet("SecurityEvent", out var securityEvent));
        Assert.True(securityEvent.TryGetColumn("TimeGenerated", out var timeGenerated));
        Assert.Equal(ScalarType.DateTime, timeGenerated.Type);
    }

    [Fact]
    public void M365D_tables_have_Timestamp_and_streamed_Device_tables_have_MachineGroup()
    {
        foreach (var table in BuiltInTables.All)
        {
            if (table.Category == TableCategories.M365D && !table.Name.StartsWith("DeviceTvmSoftware", StringComparison.Ordinal))
            {
                Assert.True(table.TryGetColumn("Timestamp", out var ts), $"{table.Name} lacks Timestamp");
                Assert.Equal(ScalarType.DateTime, ts.Type);
            }

            var streamed = table.Name.StartsWith("Device", StringComparison.Ordinal) && !table.Name.StartsWith("DeviceTvm", StringComparison.Ordinal);
            Assert.Equal(streamed, table.TryGetColumn("MachineGroup", out _));
        }
    }

    [Fact]
    public void Column_order_and_types_follow_the_source()
    {
        Assert.True(BuiltInTables.TryGet("DeviceEvents", out var table));
        Assert.Equal("Timestamp", table.Columns[0].Name);
        Assert.Equal("DeviceId", table.Columns[1].Name);
        Assert.True(table.TryGetColumn("AdditionalFields", out var additional));
        Assert.Equal(ScalarType.Dynamic, additional.Type);
    }
}
