using System.Text.Json;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Ingestion;

/// <summary>
/// Turns input records into rows of a <see cref="RowBatch"/> for one table. A record either becomes one whole row
/// or none (the half-written row is rolled back) and then yields a reason. Fills TimeGenerated (and Timestamp, its
/// M365 Defender twin) when a record has none: from the twin when present, else from the ingestion time.
/// </summary>
internal sealed class RecordConverter : IDisposable
{
    private readonly TableSchema _schema;
    private readonly UnknownPropertyPolicy _policy;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, int> _ordinals;
    private readonly bool[] _set;
    private readonly ValueConverter _converter = new();
    private readonly int _timeGenerated;
    private readonly int _timestamp;
    private readonly List<(byte[] Name, int Column)> _recentNames = [];
    private int[]? _csvMap;

    public RecordConverter(TableSchema schema, UnknownPropertyPolicy policy, long ingestionTicks)
    {
        _schema = schema;
        _policy = policy;
        Batch = new RowBatch(schema.Name, schema.Columns, ingestionTicks);
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            _ordinals[schema.Columns[i].Name] = i;
        }

        _lookup = _ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        _set = new bool[schema.Columns.Count];
        _timeGenerated = DateTimeColumn(TableSchema.TimeGeneratedColumn);
        _timestamp = DateTimeColumn(TableSchema.TimestampColumn);
    }

    public RowBatch Batch { get; private set; }

    /// <summary>
    /// Moves on to an empty batch after the current one was handed to the write buffer: <paramref name="candidate"/>
    /// when it was made for this converter's schema, else a new one.
    /// </summary>
    public void ReplaceBatch(RowBatch candidate, long ingestionTicks)
    {
        Batch = ReferenceEquals(candidate.Columns, _schema.Columns) && candidate.RowCount == 0
            ? candidate
            : new RowBatch(_schema.Name, _schema.Columns, ingestionTicks);
        Batch.IngestionTicks = ingestionTicks;
    }

    public void Dispose() => _converter.Dispose();

    public bool TryAddJson(ReadOnlySpan<byte> record, out string? error)
    {
        var start = Batch.RowCount;
        Array.Clear(_set);
        try
        {
            var reader = new Utf8JsonReader(record, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(start, "the record is not a JSON object", out error);
            }

            Span<char> nameBuffer = stackalloc char[256];
            var position = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = ResolveProperty(ref reader, position++, nameBuffer, out var unknownName);
                reader.Read();
                if (column < 0)
                {
                    if (_policy == UnknownPropertyPolicy.RejectRow)
                    {
                        return Fail(start, $"unknown property '{unknownName}'", out error);
                    }

                    reader.Skip();
                    continue;
                }

                var buffer = Batch.Buffers[column];
                if (_set[column])
                {
                    buffer.Truncate(start); // a repeated property: the last one wins
                }

                if (!_converter.TryAppendJson(buffer, ref reader, out var reason))
                {
                    return Fail(start, $"column '{_schema.Columns[column].Name}': {reason}", out error);
                }

                _set[column] = true;
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Fail(start, "malformed JSON record", out error);
            }
        }
        catch (JsonException e)
        {
            return Fail(start, "malformed JSON: " + e.Message, out error);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader reports text it cannot transcode (e.g. an escaped lone surrogate) this way.
            return Fail(start, "invalid JSON text: " + e.Message, out error);
        }

        CompleteRow();
        error = null;
        return true;
    }

    /// <summary>
    /// The column a property names, or -1. Records of one source nearly always list properties in the same order,
    /// so the UTF-8 name seen at each position is remembered and compared first, skipping transcoding and hashing.
    /// </summary>
    private int ResolveProperty(ref Utf8JsonReader reader, int position, scoped Span<char> nameBuffer, out string? unknownName)
    {
        unknownName = null;
        var simple = !reader.ValueIsEscaped && !reader.HasValueSequence;
        if (simple && position < _recentNames.Count && reader.ValueSpan.SequenceEqual(_recentNames[position].Name))
        {
            var cached = _recentNames[position].Column;
            if (cached < 0)
            {
                unknownName = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            }

            return cached;
        }

        var nameLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        var name = nameLength <= nameBuffer.Length ? nameBuffer[..reader.CopyString(nameBuffer)] : reader.GetString().AsSpan();
        var column = _lookup.TryGetValue(name, out var c) ? c : -1;
        if (column < 0)
        {
            unknownName = name.ToString();
        }

        if (simple && position < 1024)
        {
            while (_recentNames.Count <= position)
            {
                _recentNames.Add(([], -2));
            }

            _recentNames[position] = (reader.ValueSpan.ToArray(), column);
        }

        return column;
    }

    /// <summary>Uses a CSV header record to map fields to columns by name.</summary>
    public bool TrySetCsvHeader(CsvRecordReader header, out string? error)
    {
        _csvMap = new int[header.FieldCount];
        for (var i = 0; i < header.FieldCount; i++)
        {
            var name = header.Field(i).Trim();
            _csvMap[i] = _lookup.TryGetValue(name, out var column) ? column : -1;
            if (_csvMap[i] < 0 && _policy == UnknownPropertyPolicy.RejectRow)
            {
                error = $"the header names unknown column '{name}'";
                return false;
            }
        }

        error = null;
        return true;
    }

    public bool TryAddCsv(CsvRecordReader record, out string? error)
    {
        var start = Batch.RowCount;
        Array.Clear(_set);
        var fields = record.FieldCount;
        if (_csvMap is null && fields > _schema.Columns.Count && _policy == UnknownPropertyPolicy.RejectRow)
        {
            return Fail(start, $"{fields} fields but the table has {_schema.Columns.Count} columns", out error);
        }

        for (var i = 0; i < fields; i++)
        {
            var column = _csvMap is null ? (i < _schema.Columns.Count ? i : -1) : (i < _csvMap.Length ? _csvMap[i] : -1);
            if (column < 0 || _set[column])
            {
                continue;
            }

            if (!ValueConverter.TryAppendText(Batch.Buffers[column], record.Field(i), out var reason))
            {
                return Fail(start, $"column '{_schema.Columns[column].Name}' (field {i + 1}): {reason}", out error);
            }

            _set[column] = true;
        }

        CompleteRow();
        error = null;
        return true;
    }

    private void CompleteRow()
    {
        if (_schema.Columns.Count == 0)
        {
            Batch.CountEmptyRow();
            return;
        }

        FillTime(_timeGenerated, _timestamp);
        FillTime(_timestamp, _timeGenerated);
        for (var c = 0; c < _set.Length; c++)
        {
            if (!_set[c])
            {
                var buffer = Batch.Buffers[c];
                if (buffer.Type == ColumnType.String)
                {
                    buffer.AppendUtf8([]); // Kusto strings are never null
                }
                else
                {
                    buffer.AppendNull();
                }
            }
        }

    }

    private void FillTime(int target, int twin)
    {
        if (target < 0)
        {
            return;
        }

        var buffer = Batch.Buffers[target];
        var start = RowStartOf(target);
        if (_set[target] && !buffer.IsNull(start))
        {
            return;
        }

        if (_set[target])
        {
            buffer.Truncate(start);
        }

        if (twin >= 0 && _set[twin] && !Batch.Buffers[twin].IsNull(RowStartOf(twin)))
        {
            buffer.AppendLong(Batch.Buffers[twin].GetLong(RowStartOf(twin)));
        }
        else
        {
            buffer.AppendLong(Batch.IngestionTicks);
        }

        _set[target] = true;
    }

    /// <summary>The index of the current row: the count of any column not yet set for it.</summary>
    private int RowStartOf(int column) => _set[column] ? Batch.Buffers[column].Count - 1 : Batch.Buffers[column].Count;

    private bool Fail(int start, string reason, out string? error)
    {
        foreach (var buffer in Batch.Buffers)
        {
            buffer.Truncate(start);
        }

        error = reason;
        return false;
    }

    private int DateTimeColumn(string name)
    {
        var i = _schema.IndexOf(name);
        return i >= 0 && _schema.Columns[i].Type == ColumnType.DateTime ? i : -1;
    }
}
