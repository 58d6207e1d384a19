using System.Globalization;
using System.Text.Json;
using Vigil.Engine;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;
using Vigil.Server.Wire;

namespace Vigil.Server.Kusto;

/// <summary>One column of a Kusto response table.</summary>
internal readonly record struct KustoColumn(string Name, ScalarType Type);

/// <summary>
/// A table of a Kusto response (the query's result, or one of the service tables around it): its name, kind
/// (<c>PrimaryResult</c>, <c>QueryProperties</c>, <c>QueryCompletionInformation</c>...), columns, and a writer for its
/// rows so engine results stream from their columns and small service tables from plain values.
/// </summary>
internal sealed class KustoTable(string name, string kind, IReadOnlyList<KustoColumn> columns, Action<Utf8JsonWriter> writeRows, int rowCount)
{
    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public IReadOnlyList<KustoColumn> Columns { get; } = columns;

    public int RowCount { get; } = rowCount;

    /// <summary>Writes every row as a JSON array (the caller writes the enclosing <c>Rows</c> array).</summary>
    public void WriteRows(Utf8JsonWriter writer) => writeRows(writer);

    /// <summary>The engine's result; <paramref name="rows"/> limits how many rows are written (truncation).</summary>
    public static KustoTable FromResult(string name, string kind, QueryResult result, int rows)
    {
        var columns = new KustoColumn[result.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new KustoColumn(result.Columns[c].Name, result.Columns[c].Type);
        }

        var count = Math.Min(rows, result.RowCount);
        return new KustoTable(name, kind, columns, writer =>
        {
            for (var r = 0; r < count; r++)
            {
                writer.WriteStartArray();
                foreach (var column in result.Columns)
                {
                    ResultCells.Write(writer, column, r, DynamicCells.JsonValue);
                }

                writer.WriteEndArray();
            }
        }, count);
    }

    /// <summary>
    /// A service table from values: null, string, bool, int, long, double, DateTime (UTC), Guid, or
    /// <see cref="RawJson"/> for a JSON value written as it is.
    /// </summary>
    public static KustoTable FromValues(string name, string kind, IReadOnlyList<KustoColumn> columns, IReadOnlyList<object?[]> rows) =>
        new(name, kind, columns, writer =>
        {
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (var value in row)
                {
                    WriteValue(writer, value);
                }

                writer.WriteEndArray();
            }
        }, rows.Count);

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case DateTime instant:
                writer.WriteStringValue(DateTimeText.Format(instant.ToUniversalTime().Ticks, DateTimeTextStyle.Trimmed));
                break;
            case Guid id:
                writer.WriteStringValue(id.ToString());
                break;
            case RawJson json:
                writer.WriteRawValue(json.Text);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

/// <summary>A JSON value written into a row as it is (a <c>dynamic</c> cell).</summary>
internal sealed record RawJson(string Text);
