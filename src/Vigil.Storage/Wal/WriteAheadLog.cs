using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Vigil.Storage.Format;

namespace Vigil.Storage.Wal;

/// <summary>
/// The write-ahead log: numbered segment files of checksummed records, each a serialized row batch with a
/// sequence number. Appends go to the OS under a short lock; <see cref="WaitDurable"/> implements group commit:
/// the first waiter fsyncs everything appended so far and every waiter whose record that covers returns, so
/// concurrent appenders share one fsync.
/// </summary>
/// <remarks>
/// Segment: <c>magic u64 "VGWALSG1" | version u16 | reserved u16 | crc32c u32 (of the 12 bytes before)</c>, then
/// records <c>length u32 | sequence u64 | payload | crc32c u32 (of length, sequence and payload)</c>.
/// A record that fails its length or checksum is skipped up to the next record that checks out; with none after
/// it, it is a torn tail and the segment ends there. Either way it is reported.
/// </remarks>
internal sealed class WriteAheadLog : IDisposable
{
    public const ulong Magic = 0x3147535F4C415747UL; // "GWAL_SG1"
    public const ushort Version = 2;

    /// <summary>Version 1 records lack the uniform-column flags of row batches; they replay unchanged.</summary>
    public const ushort MinVersion = 1;
    internal const int SegmentHeaderSize = 16;
    internal const int RecordOverhead = 16;
    private const string Extension = ".wal";

    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly object _appendLock = new();
    private readonly object _syncLock = new();
    private readonly List<Segment> _closed = [];
    private Segment _active;
    private long _lastSequence;
    private long _durableSequence;
    private bool _disposed;

    private WriteAheadLog(string directory, long segmentBytes, long lastSequence, Segment active)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _lastSequence = lastSequence;
        _durableSequence = lastSequence;
        _active = active;
    }

    public long LastSequence => Interlocked.Read(ref _lastSequence);

    /// <summary>Number of fsyncs <see cref="WaitDurable"/> issued (group commit makes it less than the waits).</summary>
    public long SyncCount => Interlocked.Read(ref _syncCount);

    private long _syncCount;

    /// <summary>
    /// Every record that checks out, segment by segment in order (see <see cref="Replay"/>), collected in a list.
    /// </summary>
    public static List<(long Sequence, byte[] Payload)> ReadAll(string directory, Action<string> reportProblem) =>
        [.. Replay(directory, reportProblem)];

    /// <summary>
    /// The records of every segment in order, read lazily: a segment is streamed through a bounded window, never
    /// read whole, and each payload is handed out as it is read (the caller decides what to keep). Damaged records
    /// are reported and skipped; a torn tail ends its segment.
    /// </summary>
    public static IEnumerable<(long Sequence, byte[] Payload)> Replay(string directory, Action<string> reportProblem)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var path in SegmentPaths(directory))
        {
            SegmentReader? reader;
            try
            {
                reader = SegmentReader.Open(path, reportProblem);
            }
            catch (IOException e)
            {
                reportProblem($"{path}: unreadable WAL segment: {e.Message}");
                continue;
            }

            if (reader is null)
            {
                continue;
            }

            using (reader)
            {
                while (true)
                {
                    (long Sequence, byte[] Payload) record;
                    try
                    {
                        if (!reader.TryNext(out record))
                        {
                            break;
                        }
                    }
                    catch (IOException e)
                    {
                        reportProblem($"{path}: unreadable WAL segment: {e.Message}");
                        break;
                    }

                    yield return record;
                }
            }
        }
    }

    /// <summary>
    /// Starts a fresh segment after <paramref name="lastSequence"/> and deletes the old segments. Call only once
    /// their records are safely in extents (after replay and flush).
    /// </summary>
    public static WriteAheadLog StartFresh(string directory, long lastSequence, long segmentBytes)
    {
        Directory.CreateDirectory(directory);
        foreach (var path in SegmentPaths(directory))
        {
            File.Delete(path);
        }

        var active = Segment.Create(directory, lastSequence + 1);
        DurableFile.SyncDirectory(directory);
        return new WriteAheadLog(directory, segmentBytes, lastSequence, active);
    }

    /// <summary>Bytes a caller of <see cref="AppendFramed"/> leaves free before the payload (length, sequence).</summary>
    public const int RecordHeaderBytes = 12;

    /// <summary>Bytes a caller of <see cref="AppendFramed"/> leaves free after the payload (checksum).</summary>
    public const int RecordTrailerBytes = 4;

    /// <summary>Appends a record and returns its sequence number; durable only after <see cref="WaitDurable"/>.</summary>
    public long Append(ReadOnlySpan<byte> payload)
    {
        var record = new byte[payload.Length + RecordOverhead];
        payload.CopyTo(record.AsSpan(RecordHeaderBytes));
        return AppendFramed(record);
    }

    /// <summary>
    /// Appends a record whose payload the caller already put in place, between <see cref="RecordHeaderBytes"/> and
    /// <see cref="RecordTrailerBytes"/> free bytes that this fills in: no copy of the payload is made.
    /// </summary>
    public long AppendFramed(Span<byte> record)
    {
        BinaryPrimitives.WriteInt32LittleEndian(record, record.Length - RecordOverhead);
        lock (_appendLock)
        {
            if (_disposed)
            {
                ThrowHelper.ObjectDisposed(nameof(WriteAheadLog));
            }

            var sequence = _lastSequence + 1;
            BinaryPrimitives.WriteInt64LittleEndian(record[4..], sequence);
            BinaryPrimitives.WriteUInt32LittleEndian(record[^4..], Crc32C.Compute(record[..^4]));
            if (_active.Length > SegmentHeaderSize && _active.Length + record.Length > _segmentBytes)
            {
                Roll(sequence);
            }

            RandomAccess.Write(_active.Handle, record, _active.Length);
            _active.Length += record.Length;
            _active.LastSequence = sequence;
            Volatile.Write(ref _lastSequence, sequence);
            return sequence;
        }
    }

    /// <summary>Returns once record <paramref name="sequence"/> (and all before it) is on disk.</summary>
    public void WaitDurable(long sequence)
    {
        if (Interlocked.Read(ref _durableSequence) >= sequence)
        {
            return;
        }

        lock (_syncLock)
        {
            if (Interlocked.Read(ref _durableSequence) >= sequence)
            {
                return;
            }

            long target;
            Segment segment;
            lock (_appendLock)
            {
                target = _lastSequence;
                segment = _active;
            }

            // Earlier segments were fsynced when they were rolled, so syncing the active one covers `target`.
            try
            {
                segment.Sync();
                Interlocked.Increment(ref _syncCount);
            }
            catch (ObjectDisposedException)
            {
                // Rolled meanwhile: Roll fsyncs a segment before closing it, so `target` is already durable.
            }

            Interlocked.Exchange(ref _durableSequence, target);
        }
    }

    /// <summary>Deletes closed segments whose records are all at or below <paramref name="sequence"/>.</summary>
    public void DeleteThrough(long sequence)
    {
        List<Segment> doomed;
        lock (_appendLock)
        {
            doomed = _closed.FindAll(s => s.LastSequence <= sequence);
            _closed.RemoveAll(s => s.LastSequence <= sequence);
        }

        foreach (var segment in doomed)
        {
            File.Delete(segment.Path);
        }

        if (doomed.Count > 0)
        {
            DurableFile.SyncDirectory(_directory);
        }
    }

    public void Dispose()
    {
        lock (_appendLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _active.Sync();
            _active.Handle.Dispose();
        }
    }

    /// <summary>
    /// Starts a new segment when every record of the active one is at or below <paramref name="sequence"/> (spent) and
    /// it holds at least <paramref name="minBytes"/>, so that <see cref="DeleteThrough"/> can free its space rather
    /// than leave it on disk until the segment fills up.
    /// </summary>
    public void RollIfSpent(long sequence, long minBytes)
    {
        lock (_appendLock)
        {
            if (!_disposed && _active.LastSequence > 0 && _active.LastSequence <= sequence && _active.Length >= minBytes)
            {
                Roll(_lastSequence + 1);
            }
        }
    }

    private void Roll(long nextSequence)
    {
        _active.Sync();
        _active.Handle.Dispose();
        _closed.Add(_active);
        _active = Segment.Create(_directory, nextSequence);
        DurableFile.SyncDirectory(_directory);
    }

    private static string[] SegmentPaths(string directory)
    {
        var paths = Directory.GetFiles(directory, "*" + Extension);
        Array.Sort(paths, StringComparer.Ordinal);
        return paths;
    }

    private sealed class Segment
    {
        public required string Path;
        public required SafeFileHandle Handle;
        public long Length;
        public long LastSequence;

        public static Segment Create(string directory, long firstSequence)
        {
            var path = System.IO.Path.Combine(directory, firstSequence.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + Extension);
            var handle = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
            Span<byte> header = stackalloc byte[SegmentHeaderSize];
            BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
            BinaryPrimitives.WriteUInt32LittleEndian(header[12..], Crc32C.Compute(header[..12]));
            RandomAccess.Write(handle, header, 0);
            var segment = new Segment { Path = path, Handle = handle, Length = SegmentHeaderSize, LastSequence = firstSequence - 1 };
            segment.Sync();
            return segment;
        }

        public void Sync() => RandomAccess.FlushToDisk(Handle);
    }
}
