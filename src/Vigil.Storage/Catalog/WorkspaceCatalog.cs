using Vigil.Storage.Format;

namespace Vigil.Storage.Catalog;

/// <summary>A table as the catalog records it.</summary>
internal sealed record CatalogTable(TableSchema Schema, int? RetentionDays, UnknownPropertyPolicy Policy);

/// <summary>
/// The workspace's tables: schemas, retention and unknown-property policy. Immutable; changes make a new catalog
/// which is saved atomically (<c>catalog.vcat</c>, see README.md) before it takes effect.
/// </summary>
internal sealed class WorkspaceCatalog
{
    public const string FileName = "catalog.vcat";
    public const ulong Magic = 0x3154414347495656UL; // "VVIGCAT1"
    public const ushort Version = 1;

    public WorkspaceCatalog(int defaultRetentionDays, IReadOnlyDictionary<string, CatalogTable> tables)
    {
        DefaultRetentionDays = defaultRetentionDays;
        Tables = tables;
    }

    public int DefaultRetentionDays { get; }

    public IReadOnlyDictionary<string, CatalogTable> Tables { get; }

    public int RetentionOf(CatalogTable table) => table.RetentionDays ?? DefaultRetentionDays;

    public WorkspaceCatalog With(CatalogTable table)
    {
        var tables = new Dictionary<string, CatalogTable>(Tables, StringComparer.Ordinal) { [table.Schema.Name] = table };
        return new WorkspaceCatalog(DefaultRetentionDays, tables);
    }

    public WorkspaceCatalog WithDefaultRetention(int days) => new(days, Tables);

    public void Save(string directory)
    {
        using var payload = new MemoryStream();
        payload.I32(DefaultRetentionDays);
        payload.I32(Tables.Count);
        foreach (var table in Tables.Values.OrderBy(t => t.Schema.Name, StringComparer.Ordinal))
        {
            payload.String(table.Schema.Name);
            payload.I32(table.RetentionDays ?? -1);
            payload.U8((byte)table.Policy);
            payload.I32(table.Schema.Columns.Count);
            foreach (var column in table.Schema.Columns)
            {
                payload.String(column.Name);
                payload.U8((byte)column.Type);
            }
        }

        DurableFile.WriteAtomically(Path.Combine(directory, FileName), Envelope.Wrap(Magic, Version, payload.GetBuffer().AsSpan(0, (int)payload.Length)));
    }

    public static WorkspaceCatalog? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var payload = Envelope.Unwrap(path, File.ReadAllBytes(path), Magic, Version, Version, out _);
        var c = new BinaryCursor(payload.Span, path);
        var retention = c.I32();
        var count = c.Count(1_000_000);
        var tables = new Dictionary<string, CatalogTable>(StringComparer.Ordinal);
        for (var t = 0; t < count; t++)
        {
            var name = c.String();
            var tableRetention = c.I32();
            var policy = (UnknownPropertyPolicy)c.U8();
            var columns = new ColumnDefinition[c.Count(100_000)];
            for (var i = 0; i < columns.Length; i++)
            {
                var columnName = c.String();
                var type = (ColumnType)c.U8();
                if (!ColumnTypeFacts.IsDefined(type))
                {
                    ThrowHelper.Corrupt(path, $"unknown column type {(byte)type}");
                }

                columns[i] = new ColumnDefinition(columnName, type);
            }

            tables[name] = new CatalogTable(new TableSchema(name, columns), tableRetention < 0 ? null : tableRetention, policy);
        }

        return new WorkspaceCatalog(retention, tables);
    }
}
