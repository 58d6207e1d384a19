using System.Text.Json;

namespace Vigil.Server.Kusto;

/// <summary>
/// The v1 response (<c>/v1/rest/query</c>, <c>/v1/rest/mgmt</c>): <c>{"Tables":[{"TableName","Columns":[{"ColumnName",
/// "DataType","ColumnType"}],"Rows":[[...]]}]}</c>, tables named <c>Table_0</c>, <c>Table_1</c>... in order.
/// </summary>
internal static class KustoV1Writer
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<KustoTable> tables)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("Tables");
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            writer.WriteStartObject();
            writer.WriteString("TableName", "Table_" + t.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteStartArray("Columns");
            foreach (var column in table.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("ColumnName", column.Name);
                writer.WriteString("DataType", KustoTypes.DataType(column.Type));
                writer.WriteString("ColumnType", KustoTypes.CslName(column.Type));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Rows");
            table.WriteRows(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
