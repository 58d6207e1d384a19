using Vigil.Kql.Symbols;
using Vigil.Storage;
using KqlTableSchema = Vigil.Kql.Symbols.TableSchema;
using StorageTableSchema = Vigil.Storage.TableSchema;

namespace Vigil.Engine;

/// <summary>
/// Where the language meets storage: KQL's scalar types and table symbols to storage's column types and table
/// schemas and back. The built-in tables come from <see cref="BuiltInTables"/> (the language's catalog); storage
/// receives them through <see cref="CreateWorkspaceOptions"/>/<see cref="OpenWorkspace"/> and creates a built-in
/// table on first ingestion.
/// </summary>
public static class SchemaMapping
{
    public static ColumnType ToColumnType(ScalarType type) => type switch
    {
        ScalarType.Bool => ColumnType.Bool,
        ScalarType.Int => ColumnType.Int,
        ScalarType.Long => ColumnType.Long,
        ScalarType.Real => ColumnType.Real,
        ScalarType.Decimal => ColumnType.Decimal,
        ScalarType.DateTime => ColumnType.DateTime,
        ScalarType.TimeSpan => ColumnType.TimeSpan,
        ScalarType.String => ColumnType.String,
        ScalarType.Guid => ColumnType.Guid,
        _ => ColumnType.Dynamic,
    };

    public static ScalarType ToScalarType(ColumnType type) => type switch
    {
        ColumnType.Bool => ScalarType.Bool,
        ColumnType.Int => ScalarType.Int,
        ColumnType.Long => ScalarType.Long,
        ColumnType.Real => ScalarType.Real,
        ColumnType.Decimal => ScalarType.Decimal,
        ColumnType.DateTime => ScalarType.DateTime,
        ColumnType.TimeSpan => ScalarType.TimeSpan,
        ColumnType.String => ScalarType.String,
        ColumnType.Guid => ScalarType.Guid,
        _ => ScalarType.Dynamic,
    };

    /// <summary>A KQL table as a storage schema (same column order).</summary>
    public static StorageTableSchema ToStorageSchema(TableSymbol table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<ColumnDefinition>(table.Columns.Length);
        foreach (var column in table.Columns)
        {
            columns.Add(new ColumnDefinition(column.Name, ToColumnType(column.Type)));
        }

        return new StorageTableSchema(table.Name, columns);
    }

    /// <summary>A storage table as a KQL table symbol (custom category).</summary>
    public static TableSymbol ToTableSymbol(StorageTableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<ColumnSymbol>(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            columns.Add(new ColumnSymbol(column.Name, ToScalarType(column.Type)));
        }

        return new TableSymbol(table.Name, new KqlTableSchema(columns));
    }

    /// <summary>The storage definitions of every built-in table.</summary>
    public static IReadOnlyList<StorageTableSchema> BuiltInStorageTables() => BuiltIns.Value;

    /// <summary>Workspace options that know the built-in tables (other settings as given).</summary>
    public static WorkspaceOptions CreateWorkspaceOptions(WorkspaceOptions? template = null)
    {
        template ??= new WorkspaceOptions();
        return new WorkspaceOptions
        {
            BuiltInTables = BuiltIns.Value,
            DefaultRetentionDays = template.DefaultRetentionDays,
            DefaultUnknownPropertyPolicy = template.DefaultUnknownPropertyPolicy,
            TimeProvider = template.TimeProvider,
            BlockRows = template.BlockRows,
            FlushRows = template.FlushRows,
            FlushBytes = template.FlushBytes,
            WalBatchRows = template.WalBatchRows,
            WalSegmentBytes = template.WalSegmentBytes,
            TargetExtentRows = template.TargetExtentRows,
            BackgroundMaintenance = template.BackgroundMaintenance,
            MaintenanceInterval = template.MaintenanceInterval,
            VerifyExtentsOnOpen = template.VerifyExtentsOnOpen,
        };
    }

    /// <summary>Opens (or creates) a storage workspace that knows the built-in tables.</summary>
    public static Workspace OpenWorkspace(string directory, WorkspaceOptions? options = null) =>
        Workspace.Open(directory, CreateWorkspaceOptions(options));

    /// <summary>
    /// What queries over <paramref name="workspace"/> can see: every built-in table (empty until ingested) plus
    /// the workspace's custom tables; null gives the built-in tables only.
    /// </summary>
    public static Kql.Binding.WorkspaceSchema CreateSchema(Workspace? workspace)
    {
        var schema = Kql.Binding.WorkspaceSchema.Default;
        if (workspace is null)
        {
            return schema;
        }

        var custom = new List<TableSymbol>();
        foreach (var table in workspace.Tables)
        {
            if (!BuiltInTables.TryGet(table.Name, out _))
            {
                custom.Add(ToTableSymbol(table));
            }
        }

        return custom.Count == 0 ? schema : schema.WithTables(custom);
    }

    private static readonly Lazy<IReadOnlyList<StorageTableSchema>> BuiltIns = new(() =>
    {
        var list = new List<StorageTableSchema>();
        foreach (var table in BuiltInTables.All)
        {
            list.Add(ToStorageSchema(table));
        }

        return list;
    });
}
