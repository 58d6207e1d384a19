using System.Text;

namespace Vigil.Storage.Ingestion;

/// <summary>
/// A streaming RFC 4180 reader: fields separated by commas, records by CRLF or LF, double quotes around fields
/// that hold commas, quotes ("" inside) or line breaks. Holds one record at a time.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    public const int MaxRecordChars = 32 << 20;

    private readonly TextReader _reader;
    private readonly char[] _input = new char[1 << 16];
    private int _position;
    private int _length;
    private readonly StringBuilder _field = new();
    private readonly List<(int Start, int Length)> _spans = [];
    private char[] _chars = new char[1024];
    private int _charCount;

    public CsvRecordReader(Stream stream)
    {
        _reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
    }

    public int FieldCount => _spans.Count;

    /// <summary>The size of the current record's fields, in characters (a measure of input consumed).</summary>
    public int RecordBytes => _charCount + _spans.Count;

    /// <summary>True when the record is an empty line.</summary>
    public bool IsBlank => _spans.Count == 1 && _spans[0].Length == 0;

    public void Dispose() => _reader.Dispose();

    public ReadOnlySpan<char> Field(int index) => _chars.AsSpan(_spans[index].Start, _spans[index].Length);

    /// <summary>Reads the next record; false at the end of input. <paramref name="error"/> flags a malformed record.</summary>
    public bool TryRead(out string? error)
    {
        error = null;
        _spans.Clear();
        _charCount = 0;
        if (!Ensure())
        {
            return false;
        }

        while (true)
        {
            var quoted = false;
            _field.Clear();
            if (Ensure() && _input[_position] == '"')
            {
                quoted = true;
                _position++;
                while (true)
                {
                    if (!Ensure())
                    {
                        error = "unterminated quoted field";
                        AddField();
                        return true;
                    }

                    var c = _input[_position++];
                    if (c == '"')
                    {
                        if (Ensure() && _input[_position] == '"')
                        {
                            _field.Append('"');
                            _position++;
                            continue;
                        }

                        break;
                    }

                    if (_field.Length < MaxRecordChars)
                    {
                        _field.Append(c);
                    }
                    else
                    {
                        error ??= $"field longer than {MaxRecordChars} characters";
                    }
                }
            }

            // Unquoted part (or text after a closing quote, kept as Kusto's reader does).
            while (Ensure())
            {
                var c = _input[_position];
                if (c is ',' or '\n' or '\r')
                {
                    break;
                }

                if (c == '"' && !quoted)
                {
                    error ??= "quote inside an unquoted field";
                }

                if (_field.Length < MaxRecordChars)
                {
                    _field.Append(c);
                }
                else
                {
                    error ??= $"field longer than {MaxRecordChars} characters";
                }

                _position++;
            }

            AddField();
            if (!Ensure())
            {
                return true;
            }

            var separator = _input[_position++];
            if (separator == ',')
            {
                continue;
            }

            if (separator == '\r' && Ensure() && _input[_position] == '\n')
            {
                _position++;
            }

            return true;
        }
    }

    private void AddField()
    {
        var length = _field.Length;
        if (_charCount + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + length));
        }

        _field.CopyTo(0, _chars.AsSpan(_charCount), length);
        _spans.Add((_charCount, length));
        _charCount += length;
    }

    private bool Ensure()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = _reader.Read(_input, 0, _input.Length);
        _position = 0;
        return _length > 0;
    }
}
