using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Engine;
using Vigil.Server.Wire;
using Vigil.Storage;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Stores rows in a workspace table through <see cref="Workspace.Ingest"/>, which returns only once every accepted row
/// is durable (in the fsynced write-ahead log): callers acknowledge the request after this returns. Rows are handed
/// over as JSON lines (cells as the Kusto formats write them).
/// </summary>
internal static class TableIngestion
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Table creation and widening are check-then-act on the catalog: one at a time.</summary>
    private static readonly Lock SchemaLock = new();

    /// <summary>
    /// Makes sure a custom table (<c>_CL</c>) exists with these columns: created on first use (with
    /// <c>TimeGenerated</c> first), widened with the columns it lacks. Built-in tables keep their definition.
    /// </summary>
    public static void EnsureCustomTable(Workspace workspace, string table, IReadOnlyList<ColumnDefinition> columns)
    {
        if (!table.EndsWith("_CL", StringComparison.Ordinal))
        {
            return;
        }

        lock (SchemaLock)
        {
            var existing = workspace.GetTable(table);
            if (existing is null)
            {
                var ordered = new List<ColumnDefinition>();
                if (!columns.Any(c => c.Name == TableSchema.TimeGeneratedColumn))
                {
                    ordered.Add(new ColumnDefinition(TableSchema.TimeGeneratedColumn, ColumnType.DateTime));
                }

                ordered.AddRange(columns);
                workspace.CreateTable(new TableSchema(table, ordered));
                return;
            }

            var missing = columns.Where(c => existing.IndexOf(c.Name) < 0).ToList();
            if (missing.Count > 0)
            {
                workspace.AddColumns(table, missing);
            }
        }
    }

    /// <summary>The engine's rows into <paramref name="table"/>: columns the table does not have are left out.</summary>
    public static IngestResult Ingest(Workspace workspace, string table, QueryResult rows)
    {
        var schema = workspace.GetTable(table);
        var kept = new List<ResultColumn>(rows.Columns.Count);
        foreach (var column in rows.Columns)
        {
            if (schema is null || schema.IndexOf(column.Name) >= 0)
            {
                kept.Add(column);
            }
        }

        using var data = new MemoryStream();
        for (var r = 0; r < rows.RowCount; r++)
        {
            using (var writer = new Utf8JsonWriter(data, JsonOptions))
            {
                writer.WriteStartObject();
                foreach (var column in kept)
                {
                    writer.WritePropertyName(column.Name);
                    ResultCells.Write(writer, column, r, DynamicCells.JsonValue);
                }

                writer.WriteEndObject();
            }

            data.WriteByte((byte)'\n');
        }

        data.Position = 0;
        return workspace.Ingest(table, data, IngestFormat.JsonLines);
    }

    /// <summary>JSON lines already shaped for the table.</summary>
    public static IngestResult IngestLines(Workspace workspace, string table, MemoryStream lines)
    {
        lines.Position = 0;
        return workspace.Ingest(table, lines, IngestFormat.JsonLines);
    }
}
