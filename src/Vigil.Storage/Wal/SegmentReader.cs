using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Vigil.Storage.Format;

namespace Vigil.Storage.Wal;

/// <summary>
/// Reads the records of one WAL segment in order through a window of the file (a record at a time, never the whole
/// segment): checks each record's length and CRC; after a damaged record, looks for the next one that checks out
/// (with a higher sequence) and resumes there; when none does, the rest was a torn tail.
/// </summary>
internal sealed class SegmentReader : IDisposable
{
    private const int WindowBytes = 1 << 20;

    private readonly string _path;
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private readonly Action<string> _reportProblem;
    private byte[] _window = new byte[WindowBytes];
    private long _windowStart;
    private int _windowLength;
    private long _position = WriteAheadLog.SegmentHeaderSize;
    private long _previous;
    private bool _done;

    private SegmentReader(string path, SafeFileHandle handle, Action<string> reportProblem)
    {
        _path = path;
        _handle = handle;
        _length = RandomAccess.GetLength(handle);
        _reportProblem = reportProblem;
    }

    /// <summary>A reader positioned after the segment header, or null when the header is missing or bad (reported).</summary>
    public static SegmentReader? Open(string path, Action<string> reportProblem)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var reader = new SegmentReader(path, handle, reportProblem);
        if (reader._length < WriteAheadLog.SegmentHeaderSize)
        {
            // Created but its header never reached the disk: nothing in it was acknowledged.
            reader.Dispose();
            return null;
        }

        var header = reader.Bytes(0, WriteAheadLog.SegmentHeaderSize);
        if (BinaryPrimitives.ReadUInt64LittleEndian(header) != WriteAheadLog.Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(header[12..]) != Crc32C.Compute(header[..12]))
        {
            reportProblem($"{path}: bad WAL segment header; segment skipped");
            reader.Dispose();
            return null;
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(header[8..]) is < WriteAheadLog.MinVersion or > WriteAheadLog.Version)
        {
            reportProblem($"{path}: unsupported WAL version; segment skipped");
            reader.Dispose();
            return null;
        }

        return reader;
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>The next record that checks out, or false at the end of the segment.</summary>
    public bool TryNext(out (long Sequence, byte[] Payload) record)
    {
        record = default;
        while (!_done && _position + WriteAheadLog.RecordOverhead <= _length)
        {
            if (TryRecordAt(_position, out var sequence, out var length))
            {
                record = (sequence, Bytes(_position + 12, length).ToArray());
                _previous = sequence;
                _position += length + WriteAheadLog.RecordOverhead;
                return true;
            }

            // A bad record: look for the next one that checks out (its CRC makes a false match vanishingly rare), so
            // damage in the middle loses only the damaged record, not everything after it.
            var resume = -1L;
            for (var candidate = _position + 1; candidate + WriteAheadLog.RecordOverhead <= _length; candidate++)
            {
                if (TryRecordAt(candidate, out _, out _))
                {
                    resume = candidate;
                    break;
                }
            }

            if (resume < 0)
            {
                break;
            }

            _reportProblem($"{_path}: corrupt WAL record at byte {_position}; resumed at byte {resume}");
            _position = resume;
        }

        if (!_done && _position < _length)
        {
            _reportProblem($"{_path}: torn or corrupt WAL tail at byte {_position} of {_length}; later bytes dropped");
        }

        _done = true;
        return false;
    }

    private bool TryRecordAt(long position, out long sequence, out int length)
    {
        sequence = 0;
        length = BinaryPrimitives.ReadInt32LittleEndian(Bytes(position, 4));
        if (length < 0 || position + (long)length + WriteAheadLog.RecordOverhead > _length)
        {
            return false;
        }

        var framed = Bytes(position, length + WriteAheadLog.RecordOverhead);
        if (BinaryPrimitives.ReadUInt32LittleEndian(framed[^4..]) != Crc32C.Compute(framed[..^4]))
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadInt64LittleEndian(framed[4..]);
        return sequence > _previous;
    }

    /// <summary>File bytes [position, position + count), through the window (moved, or grown for a big record).</summary>
    private ReadOnlySpan<byte> Bytes(long position, int count)
    {
        if (position < _windowStart || position + count > _windowStart + _windowLength)
        {
            if (count > _window.Length)
            {
                _window = new byte[count];
            }

            _windowStart = position;
            _windowLength = 0;
            var want = (int)Math.Min(_window.Length, _length - position);
            while (_windowLength < want)
            {
                var n = RandomAccess.Read(_handle, _window.AsSpan(_windowLength, want - _windowLength), position + _windowLength);
                if (n <= 0)
                {
                    throw new IOException($"{_path}: unexpected end of file");
                }

                _windowLength += n;
            }
        }

        return _window.AsSpan((int)(position - _windowStart), count);
    }
}
