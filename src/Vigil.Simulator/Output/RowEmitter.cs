using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigil.Simulator.Output;

/// <summary>
/// Builds rows as JSON lines, one buffer per table, and hands a table's buffer to the sink when it holds a batch:
/// memory stays bounded by (tables x batch) whatever the size of the simulation.
/// </summary>
internal sealed class RowEmitter(IEventSink sink, int batchRows) : IDisposable
{
    private const int BatchBytes = 4 << 20;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // not HTML: keep command lines readable
        SkipValidation = true,
    };

    private readonly Dictionary<string, TableBuffer> _tables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private TableBuffer? _open;
    private long _reportId = 1000;

    /// <summary>Rows emitted per table.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>A new ReportId (unique in the simulation, as the service's are per device).</summary>
    public long NextReportId() => ++_reportId;

    /// <summary>Starts a row of <paramref name="table"/> stamped <paramref name="time"/> (Timestamp and TimeGenerated).</summary>
    public Utf8JsonWriter Begin(string table, DateTime time)
    {
        if (_open is not null)
        {
            throw new InvalidOperationException($"A row of {_open.Table} is still open.");
        }

        if (!_tables.TryGetValue(table, out var buffer))
        {
            buffer = new TableBuffer(table);
            _tables.Add(table, buffer);
        }

        _open = buffer;
        buffer.Writer.Reset(buffer.Bytes);
        buffer.Writer.WriteStartObject();
        buffer.Writer.WriteString("Timestamp", time);
        buffer.Writer.WriteString("TimeGenerated", time);
        return buffer.Writer;
    }

    /// <summary>Ends the open row.</summary>
    public void End()
    {
        var buffer = _open ?? throw new InvalidOperationException("No row is open.");
        _open = null;
        buffer.Writer.WriteEndObject();
        buffer.Writer.Flush();
        buffer.Bytes.GetSpan(1)[0] = (byte)'\n';
        buffer.Bytes.Advance(1);
        buffer.Rows++;
        _counts[buffer.Table] = _counts.GetValueOrDefault(buffer.Table) + 1;
        if (buffer.Rows >= batchRows || buffer.Bytes.WrittenCount >= BatchBytes)
        {
            Send(buffer);
        }
    }

    /// <summary>Hands every partly filled buffer to the sink (tables in name order, for a stable sequence).</summary>
    public void Flush()
    {
        foreach (var table in _tables.Keys.Order(StringComparer.Ordinal))
        {
            Send(_tables[table]);
        }
    }

    public void Dispose()
    {
        foreach (var buffer in _tables.Values)
        {
            buffer.Writer.Dispose();
        }
    }

    private void Send(TableBuffer buffer)
    {
        if (buffer.Rows == 0)
        {
            return;
        }

        sink.Write(buffer.Table, buffer.Bytes.WrittenMemory, buffer.Rows);
        buffer.Bytes.ResetWrittenCount();
        buffer.Rows = 0;
    }

    private sealed class TableBuffer(string table)
    {
        public string Table { get; } = table;

        public ArrayBufferWriter<byte> Bytes { get; } = new(64 * 1024);

        public Utf8JsonWriter Writer { get; } = new(new ArrayBufferWriter<byte>(1), WriterOptions);

        public int Rows { get; set; }
    }
}
