using System.Buffers.Binary;
using System.Text;

namespace Vigil.Storage.Format;

/// <summary>A bounds-checked little-endian reader over a byte span; overruns surface as corruption.</summary>
internal ref struct BinaryCursor
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _path;
    private int _position;

    public BinaryCursor(ReadOnlySpan<byte> data, string path)
    {
        _data = data;
        _path = path;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public ReadOnlySpan<byte> Bytes(int count)
    {
        if ((uint)count > (uint)(_data.Length - _position))
        {
            ThrowHelper.Corrupt(_path, "record overruns its bounds");
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    public byte U8() => Bytes(1)[0];

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

    public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

    public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

    public double F64() => BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));

    public Guid Guid() => new(Bytes(16));

    public int Count(int max)
    {
        var n = I32();
        if (n < 0 || n > max)
        {
            ThrowHelper.Corrupt(_path, $"count {n} out of range");
        }

        return n;
    }

    public string String()
    {
        var length = Count(Remaining);
        return Encoding.UTF8.GetString(Bytes(length));
    }
}

/// <summary>Little-endian writer helpers over a growable buffer.</summary>
internal static class BinaryOut
{
    public static void U8(this Stream s, byte v) => s.WriteByte(v);

    public static void U16(this Stream s, ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        s.Write(b);
    }

    public static void I32(this Stream s, int v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, v);
        s.Write(b);
    }

    public static void U32(this Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        s.Write(b);
    }

    public static void I64(this Stream s, long v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, v);
        s.Write(b);
    }

    public static void U64(this Stream s, ulong v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, v);
        s.Write(b);
    }

    public static void F64(this Stream s, double v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, v);
        s.Write(b);
    }

    public static void Guid(this Stream s, Guid v)
    {
        Span<byte> b = stackalloc byte[16];
        v.TryWriteBytes(b);
        s.Write(b);
    }

    public static void String(this Stream s, string v)
    {
        var bytes = Encoding.UTF8.GetBytes(v);
        s.I32(bytes.Length);
        s.Write(bytes);
    }
}
