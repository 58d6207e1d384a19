using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using K4os.Compression.LZ4;
using Microsoft.Win32.SafeHandles;
using Vigil.Storage.Format;

namespace Vigil.Storage.Extents;

/// <summary>
/// An open extent file. Opening checks the header, the trailer and the footer checksum; every chunk read checks its
/// own checksum, so flipped bytes surface as <see cref="StorageCorruptionException"/>, never as data.
/// Reference-counted: snapshots hold references; the handle closes when the last one goes (the file may already be
/// deleted or moved aside by then, which Unix and FileShare.Delete allow).
/// </summary>
internal sealed class ExtentReader
{
    private readonly SafeFileHandle _handle;
    private readonly StringDictionary?[] _dictionaries;
    private int _references = 1;

    private ExtentReader(string path, SafeFileHandle handle, ExtentMetadata metadata, long length)
    {
        Path = path;
        _handle = handle;
        Metadata = metadata;
        FileLength = length;
        _dictionaries = new StringDictionary?[metadata.Columns.Length];
    }

    public string Path { get; private set; }

    public ExtentMetadata Metadata { get; }

    public long FileLength { get; }

    public static ExtentReader Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            var length = RandomAccess.GetLength(handle);
            if (length < ExtentFormat.HeaderSize + ExtentFormat.TrailerSize)
            {
                ThrowHelper.Corrupt(path, "extent too short (truncated)");
            }

            Span<byte> header = stackalloc byte[ExtentFormat.HeaderSize];
            ReadExactly(handle, header, 0, path);
            if (BinaryPrimitives.ReadUInt64LittleEndian(header) != ExtentFormat.Magic
                || BinaryPrimitives.ReadUInt32LittleEndian(header[12..]) != Crc32C.Compute(header[..12]))
            {
                ThrowHelper.Corrupt(path, "bad extent header");
            }

            var version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            if (version is < ExtentFormat.MinVersion or > ExtentFormat.Version)
            {
                ThrowHelper.Corrupt(path, $"unsupported extent format version {version}");
            }

            Span<byte> trailer = stackalloc byte[ExtentFormat.TrailerSize];
            ReadExactly(handle, trailer, length - ExtentFormat.TrailerSize, path);
            var footerOffset = BinaryPrimitives.ReadInt64LittleEndian(trailer);
            var footerLength = BinaryPrimitives.ReadInt32LittleEndian(trailer[8..]);
            var footerCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer[12..]);
            if (BinaryPrimitives.ReadUInt64LittleEndian(trailer[16..]) != ExtentFormat.Magic
                || footerLength < 0 || footerOffset < ExtentFormat.HeaderSize
                || footerOffset + footerLength != length - ExtentFormat.TrailerSize)
            {
                ThrowHelper.Corrupt(path, "bad extent trailer (truncated?)");
            }

            var footer = new byte[footerLength];
            ReadExactly(handle, footer, footerOffset, path);
            if (Crc32C.Compute(footer) != footerCrc)
            {
                ThrowHelper.Corrupt(path, "extent footer checksum mismatch");
            }

            var metadata = ExtentMetadata.Read(footer, path);
            foreach (var column in metadata.Columns)
            {
                CheckChunk(column.Dictionary, footerOffset, path);
                foreach (var block in column.Blocks)
                {
                    CheckChunk(block.Data, footerOffset, path);
                    CheckChunk(block.Terms, footerOffset, path);
                }
            }

            return new ExtentReader(path, handle, metadata, length);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public bool TryAddReference()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _handle.Dispose();
        }
    }

    /// <summary>Notes that the file was moved (quarantine); the open handle keeps working.</summary>
    public void Moved(string newPath) => Path = newPath;

    /// <summary>Reads every chunk and checks its checksum.</summary>
    public void Verify()
    {
        var buffer = Array.Empty<byte>();
        try
        {
            foreach (var column in Metadata.Columns)
            {
                ReadStored(column.Dictionary, ref buffer);
                foreach (var block in column.Blocks)
                {
                    ReadStored(block.Data, ref buffer);
                    ReadStored(block.Terms, ref buffer);
                }
            }
        }
        finally
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads, checks and (if compressed) decompresses a chunk into <paramref name="raw"/>; returns it.</summary>
    public ReadOnlySpan<byte> ReadChunk(ChunkRef chunk, ref byte[] stored, ref byte[] raw)
    {
        var storedSpan = ReadStored(chunk, ref stored);
        if (chunk.Codec == ChunkRef.NoCodec)
        {
            return storedSpan;
        }

        if (chunk.Codec is not (ChunkRef.Lz4Codec or ChunkRef.ZstdCodec))
        {
            ThrowHelper.Corrupt(Path, $"unknown chunk codec {chunk.Codec}");
        }

        var target = ColumnBlock.Ensure(ref raw, Math.Max(1, chunk.RawLength));
        var decoded = chunk.Codec == ChunkRef.Lz4Codec
            ? LZ4Codec.Decode(storedSpan, target.AsSpan(0, chunk.RawLength))
            : ZstdChunk.Decode(storedSpan, target.AsSpan(0, chunk.RawLength));
        if (decoded != chunk.RawLength)
        {
            ThrowHelper.Corrupt(Path, "chunk does not decompress to its recorded length");
        }

        return target.AsSpan(0, chunk.RawLength);
    }

    public StringDictionary GetDictionary(int column, ref byte[] stored, ref byte[] raw)
    {
        var cached = Volatile.Read(ref _dictionaries[column]);
        if (cached is not null)
        {
            return cached;
        }

        var info = Metadata.Columns[column];
        var bytes = ReadChunk(info.Dictionary, ref stored, ref raw);
        var cursor = new BinaryCursor(bytes, Path);
        var count = cursor.Count(info.DictionaryCount);
        var lengths = new long[count];
        var used = IntegerCodec.Decode(bytes[cursor.Position..], lengths, Path);
        var data = bytes[(cursor.Position + used)..];
        var offsets = new int[count + 1];
        for (var i = 0; i < count; i++)
        {
            var next = offsets[i] + lengths[i];
            if (lengths[i] < 0 || next > data.Length)
            {
                ThrowHelper.Corrupt(Path, "dictionary lengths overrun the data");
            }

            offsets[i + 1] = (int)next;
        }

        var dictionary = new StringDictionary(data[..offsets[count]].ToArray(), offsets);
        Interlocked.CompareExchange(ref _dictionaries[column], dictionary, null);
        return _dictionaries[column]!;
    }

    /// <summary>Reads the term filter of a block; false when the chunk is empty (not a text column).</summary>
    public bool TryReadTermFilter(int column, int block, ref byte[] stored, ref byte[] raw, out ReadOnlySpan<ulong> filter)
    {
        var chunk = Metadata.Columns[column].Blocks[block].Terms;
        if (chunk.IsEmpty)
        {
            filter = default;
            return false;
        }

        filter = MemoryMarshal.Cast<byte, ulong>(ReadChunk(chunk, ref stored, ref raw));
        return true;
    }

    private ReadOnlySpan<byte> ReadStored(ChunkRef chunk, ref byte[] stored)
    {
        var buffer = ColumnBlock.Ensure(ref stored, Math.Max(1, chunk.StoredLength));
        var span = buffer.AsSpan(0, chunk.StoredLength);
        ReadExactly(_handle, span, chunk.Offset, Path);
        if (Crc32C.Compute(span) != chunk.Crc)
        {
            ThrowHelper.Corrupt(Path, $"chunk checksum mismatch at offset {chunk.Offset}");
        }

        return span;
    }

    private static void CheckChunk(ChunkRef chunk, long footerOffset, string path)
    {
        if (chunk.StoredLength < 0 || chunk.RawLength < 0 || chunk.Offset < 0 || chunk.Offset + chunk.StoredLength > footerOffset)
        {
            ThrowHelper.Corrupt(path, "chunk reference out of bounds");
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n <= 0)
            {
                ThrowHelper.Corrupt(path, "unexpected end of file");
            }

            total += n;
        }
    }
}
