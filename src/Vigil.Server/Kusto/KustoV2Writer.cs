using System.Text.Json;

namespace Vigil.Server.Kusto;

/// <summary>
/// The v2 response (<c>/v2/rest/query</c>): a JSON array of frames, <c>DataSetHeader</c>, one <c>DataTable</c> per table
/// (<c>FrameType</c>, <c>TableId</c>, <c>TableKind</c>, <c>TableName</c>, <c>Columns</c>, <c>Rows</c>) and
/// <c>DataSetCompletion</c>. Errors raised after the status line (a truncated result, a runtime failure, a timeout) are
/// reported in the data, as Kusto does: an <c>{"OneApiErrors":[...]}</c> object closing the table's rows, and
/// <c>HasErrors</c> plus <c>OneApiErrors</c> on the completion frame.
/// </summary>
internal static class KustoV2Writer
{
    public static void Write(
        Utf8JsonWriter writer, IReadOnlyList<KustoTable> tables, KustoError? error, string? errorInTable, KustoRequestIds ids, bool cancelled)
    {
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteString("FrameType", "DataSetHeader");
        writer.WriteBoolean("IsProgressive", false);
        writer.WriteString("Version", "v2.0");
        writer.WriteBoolean("IsFragmented", false);
        writer.WriteString("ErrorReportingPlacement", "InData");
        writer.WriteEndObject();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            writer.WriteStartObject();
            writer.WriteString("FrameType", "DataTable");
            writer.WriteNumber("TableId", t);
            writer.WriteString("TableKind", table.Kind);
            writer.WriteString("TableName", table.Name);
            writer.WriteStartArray("Columns");
            foreach (var column in table.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("ColumnName", column.Name);
                writer.WriteString("ColumnType", KustoTypes.CslName(column.Type));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Rows");
            table.WriteRows(writer);
            if (error is not null && table.Name == errorInTable)
            {
                writer.WriteStartObject();
                WriteErrors(writer, error, ids);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteStartObject();
        writer.WriteString("FrameType", "DataSetCompletion");
        writer.WriteBoolean("HasErrors", error is not null);
        writer.WriteBoolean("Cancelled", cancelled);
        if (error is not null)
        {
            WriteErrors(writer, error, ids);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteErrors(Utf8JsonWriter writer, KustoError error, KustoRequestIds ids)
    {
        writer.WriteStartArray("OneApiErrors");
        error.Write(writer, ids.ClientRequestId, ids.Activity.ToString());
        writer.WriteEndArray();
    }
}
