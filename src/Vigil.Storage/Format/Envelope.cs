using System.Buffers.Binary;

namespace Vigil.Storage.Format;

/// <summary>
/// The frame of small metadata files (catalog, manifest):
/// <c>magic u64 | version u16 | reserved u16 | payloadLength u32 | payload | crc32c u32 (over all before it) | magic u64</c>.
/// </summary>
internal static class Envelope
{
    private const int HeaderSize = 16;
    private const int TrailerSize = 12;

    public static byte[] Wrap(ulong magic, ushort version, ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[HeaderSize + payload.Length + TrailerSize];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, magic);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), payload.Length);
        payload.CopyTo(bytes.AsSpan(HeaderSize));
        var end = HeaderSize + payload.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(end), Crc32C.Compute(bytes.AsSpan(0, end)));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(end + 4), magic);
        return bytes;
    }

    /// <summary>Checks both magics, the version range, the length and the checksum; returns the payload.</summary>
    public static ReadOnlyMemory<byte> Unwrap(string path, byte[] bytes, ulong magic, ushort minVersion, ushort maxVersion, out ushort version)
    {
        if (bytes.Length < HeaderSize + TrailerSize || BinaryPrimitives.ReadUInt64LittleEndian(bytes) != magic)
        {
            ThrowHelper.Corrupt(path, "bad magic or too short");
        }

        version = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        if (version < minVersion || version > maxVersion)
        {
            ThrowHelper.Corrupt(path, $"format version {version} is not in [{minVersion}, {maxVersion}]");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (length < 0 || HeaderSize + (long)length + TrailerSize != bytes.Length)
        {
            ThrowHelper.Corrupt(path, "length mismatch (truncated?)");
        }

        var end = HeaderSize + length;
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end)) != Crc32C.Compute(bytes.AsSpan(0, end))
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(end + 4)) != magic)
        {
            ThrowHelper.Corrupt(path, "checksum mismatch");
        }

        return bytes.AsMemory(HeaderSize, length);
    }
}
