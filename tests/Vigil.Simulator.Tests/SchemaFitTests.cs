using System.Globalization;
using System.Text.Json;
using Vigil.Engine;
using Vigil.Storage;

namespace Vigil.Simulator.Tests;

/// <summary>Every generated row fits its table's schema: known columns, values of the column's type, hashes of the right length.</summary>
public sealed class SchemaFitTests
{
    private static readonly SimulationOptions Options = new()
    {
        Seed = 3,
        Days = 2,
        Devices = 8,
        End = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Every_generated_table_is_a_built_in_table_and_every_one_gets_rows()
    {
        var builtIns = SchemaMapping.BuiltInStorageTables().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var sink = MemorySink.Generate(Options);
        foreach (var table in DefenderSimulator.Tables)
        {
            Assert.Contains(table, builtIns);
            Assert.True(sink.Rows(table).Any(), $"{table} got no rows");
        }

        Assert.Equal(DefenderSimulator.Tables.Order(StringComparer.Ordinal), sink.Tables.Keys);
    }

    [Fact]
    public void Every_value_has_its_column_s_type()
    {
        var schemas = SchemaMapping.BuiltInStorageTables().ToDictionary(t => t.Name, StringComparer.Ordinal);
        var sink = MemorySink.Generate(Options);
        foreach (var (table, _) in sink.Tables)
        {
            var columns = schemas[table].Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
            foreach (var row in sink.Rows(table))
            {
                using var document = JsonDocument.Parse(row);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    Assert.True(columns.TryGetValue(property.Name, out var type), $"{table} has no column {property.Name}");
                    var problem = Misfit(property.Name, property.Value, type);
                    Assert.True(problem is null, $"{table}.{property.Name}: {problem} in {row}");
                }
            }
        }
    }

    private static string? Misfit(string name, JsonElement value, ColumnType type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (type)
        {
            case ColumnType.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    return "not a string";
                }

                var expected = name.EndsWith("SHA256", StringComparison.Ordinal) ? 64
                    : name.EndsWith("SHA1", StringComparison.Ordinal) ? 40
                    : name.EndsWith("MD5", StringComparison.Ordinal) ? 32 : 0;
                var text = value.GetString()!;
                return expected > 0 && (text.Length != expected || !text.All(Uri.IsHexDigit)) ? $"'{text}' is not {expected} hex digits" : null;
            case ColumnType.DateTime:
                return value.ValueKind == JsonValueKind.String && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
                    ? null : "not a datetime";
            case ColumnType.Int:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null : "not an int";
            case ColumnType.Long:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) ? null : "not a long";
            case ColumnType.Real:
                return value.ValueKind == JsonValueKind.Number ? null : "not a real";
            case ColumnType.Bool:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "not a bool";
            case ColumnType.Guid:
                return value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out _) ? null : "not a guid";
            case ColumnType.Dynamic:
                return value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? null : "a dynamic column given a scalar";
            default:
                return $"unexpected column type {type}";
        }
    }
}
