namespace Vigil.Storage.Ingestion;

/// <summary>
/// Splits a stream into top-level JSON records without parsing them, holding only the current record in memory:
/// either one object per line (JSON lines) or the objects of a top-level array / a concatenation of objects.
/// Records larger than <see cref="MaxRecordBytes"/> are reported and skipped.
/// </summary>
internal sealed class JsonRecordReader
{
    public const int MaxRecordBytes = 64 << 20;

    private readonly Stream _stream;
    private readonly bool _lines;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _row;

    // Array / concatenated mode scanner state.
    private int _scan;
    private int _depth;
    private bool _inString;
    private bool _escape;
    private bool _sawArray;
    private bool _arrayClosed;
    private bool _discarding;

    public JsonRecordReader(Stream stream, bool lines)
    {
        _stream = stream;
        _lines = lines;
    }

    /// <summary>
    /// The next record (valid until the next call), or false at the end. A non-null <paramref name="error"/> means
    /// the row is bad (the record is then empty); <paramref name="fatal"/> means nothing after it can be read.
    /// </summary>
    public bool TryRead(out ReadOnlyMemory<byte> record, out long rowNumber, out string? error, out bool fatal)
    {
        error = null;
        fatal = false;
        return _lines ? TryReadLine(out record, out rowNumber, out error) : TryReadElement(out record, out rowNumber, out error, out fatal);
    }

    private bool TryReadLine(out ReadOnlyMemory<byte> record, out long rowNumber, out string? error)
    {
        error = null;
        var searchFrom = _start;
        var tooLong = false;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = searchFrom + newline;
                var line = _buffer.AsMemory(_start, lineEnd - _start);
                _start = lineEnd + 1;
                rowNumber = ++_row;
                if (tooLong)
                {
                    record = default;
                    error = $"record longer than {MaxRecordBytes} bytes";
                    return true;
                }

                if (IsBlank(line.Span))
                {
                    searchFrom = _start;
                    continue;
                }

                record = TrimCr(line);
                return true;
            }

            searchFrom = _end;
            if (_eof)
            {
                rowNumber = ++_row;
                var rest = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                if (tooLong)
                {
                    record = default;
                    error = $"record longer than {MaxRecordBytes} bytes";
                    return true;
                }

                if (IsBlank(rest.Span))
                {
                    record = default;
                    return false;
                }

                record = TrimCr(rest);
                return true;
            }

            if (_end - _start >= MaxRecordBytes)
            {
                // Drop what we have of the oversized line and keep looking for its end.
                tooLong = true;
                _start = _end;
                searchFrom = _end;
            }

            var consumed = Fill();
            searchFrom -= consumed;
        }
    }

    private bool TryReadElement(out ReadOnlyMemory<byte> record, out long rowNumber, out string? error, out bool fatal)
    {
        error = null;
        fatal = false;
        record = default;
        rowNumber = _row;
        while (true)
        {
            if (_scan == _end)
            {
                if (_eof)
                {
                    if (_depth > 0)
                    {
                        rowNumber = ++_row;
                        error = "truncated JSON: the input ends inside a record";
                        fatal = true;
                        _depth = 0;
                        return true;
                    }

                    return false;
                }

                if (_depth == 0)
                {
                    _start = _scan;
                }
                else if (_scan - _start >= MaxRecordBytes)
                {
                    _discarding = true;
                    _start = _scan;
                }

                var consumed = Fill();
                _scan -= consumed;
                continue;
            }

            var b = _buffer[_scan];
            if (_depth == 0)
            {
                switch (b)
                {
                    case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',':
                        _scan++;
                        continue;
                    case (byte)'[' when !_sawArray && _row == 0:
                        _sawArray = true;
                        _scan++;
                        continue;
                    case (byte)']' when _sawArray && !_arrayClosed:
                        _arrayClosed = true;
                        _scan++;
                        continue;
                    case (byte)'{':
                        _start = _scan;
                        _depth = 1;
                        _scan++;
                        continue;
                    default:
                        rowNumber = ++_row;
                        error = $"unexpected '{(char)b}' between records (each record must be a JSON object)";
                        fatal = true;
                        _scan = _end = _start = 0;
                        _eof = true;
                        return true;
                }
            }

            _scan++;
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                }
                else if (b == (byte)'\\')
                {
                    _escape = true;
                }
                else if (b == (byte)'"')
                {
                    _inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    _depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--_depth == 0)
                    {
                        rowNumber = ++_row;
                        if (_discarding)
                        {
                            _discarding = false;
                            error = $"record longer than {MaxRecordBytes} bytes";
                        }
                        else
                        {
                            record = _buffer.AsMemory(_start, _scan - _start);
                        }

                        _start = _scan;
                        return true;
                    }

                    break;
            }
        }
    }

    /// <summary>Moves the unconsumed bytes to the front, grows if full, reads more; returns how far data moved.</summary>
    private int Fill()
    {
        var moved = _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxRecordBytes + (1 << 16)));
        }

        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n <= 0)
        {
            _eof = true;
        }
        else
        {
            _end += n;
        }

        return moved;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    private static ReadOnlyMemory<byte> TrimCr(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
