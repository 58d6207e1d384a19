using Vigil.Storage.Format;

namespace Vigil.Storage.Extents;

/// <summary>Where a chunk lives in an extent file and how to check and decode it.</summary>
internal readonly record struct ChunkRef(long Offset, int StoredLength, int RawLength, byte Codec, uint Crc)
{
    public const byte NoCodec = 0;
    public const byte Lz4Codec = 1;
    public const byte ZstdCodec = 2;

    public bool IsEmpty => StoredLength == 0 && RawLength == 0;

    public void WriteTo(Stream s)
    {
        s.I64(Offset);
        s.I32(StoredLength);
        s.I32(RawLength);
        s.U8(Codec);
        s.U32(Crc);
    }

    public static ChunkRef Read(ref BinaryCursor c) => new(c.I64(), c.I32(), c.I32(), c.U8(), c.U32());
}

/// <summary>One block of one column: its data chunk, null count, min/max (as raw 64-bit patterns) and term filter.</summary>
internal sealed class BlockInfo
{
    public ChunkRef Data;
    public int NullCount;
    public bool HasRange;
    public long MinBits;
    public long MaxBits;
    public ChunkRef Terms;
}

/// <summary>A column of an extent: its type, encoding, optional shared dictionary, extent-level range and blocks.</summary>
internal sealed class ExtentColumn
{
    public const byte PlainEncoding = 0;
    public const byte DictionaryEncoding = 1;

    public required string Name;
    public required ColumnType Type;
    public byte Encoding;
    public ChunkRef Dictionary;
    public int DictionaryCount;
    public bool HasRange;
    public long MinBits;
    public long MaxBits;
    public required BlockInfo[] Blocks;
}

/// <summary>The footer of an extent file.</summary>
internal sealed class ExtentMetadata
{
    /// <summary>Name of the hidden per-row ingestion time column (datetime), always the last column.</summary>
    public const string IngestionTimeColumn = "$IngestionTime";

    public required Guid Id;
    public required string Table;
    public required long CreatedTicks;
    public required int RowCount;
    public required int BlockRows;
    public required ExtentColumn[] Columns;

    public int BlockCount => RowCount == 0 ? 0 : (RowCount + BlockRows - 1) / BlockRows;

    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public void WriteTo(Stream s)
    {
        s.Guid(Id);
        s.String(Table);
        s.I64(CreatedTicks);
        s.I32(RowCount);
        s.I32(BlockRows);
        s.I32(Columns.Length);
        foreach (var column in Columns)
        {
            s.String(column.Name);
            s.U8((byte)column.Type);
            s.U8(column.Encoding);
            column.Dictionary.WriteTo(s);
            s.I32(column.DictionaryCount);
            s.U8(column.HasRange ? (byte)1 : (byte)0);
            s.I64(column.MinBits);
            s.I64(column.MaxBits);
            foreach (var block in column.Blocks)
            {
                block.Data.WriteTo(s);
                s.I32(block.NullCount);
                s.U8(block.HasRange ? (byte)1 : (byte)0);
                s.I64(block.MinBits);
                s.I64(block.MaxBits);
                block.Terms.WriteTo(s);
            }
        }
    }

    public static ExtentMetadata Read(ReadOnlySpan<byte> footer, string path)
    {
        var c = new BinaryCursor(footer, path);
        var id = c.Guid();
        var table = c.String();
        var created = c.I64();
        var rows = c.Count(int.MaxValue);
        var blockRows = c.Count(int.MaxValue);
        if (blockRows == 0)
        {
            ThrowHelper.Corrupt(path, "block size 0");
        }

        var blockCount = rows == 0 ? 0 : (rows + blockRows - 1) / blockRows;
        var columns = new ExtentColumn[c.Count(100_000)];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = c.String();
            var type = (ColumnType)c.U8();
            if (!ColumnTypeFacts.IsDefined(type))
            {
                ThrowHelper.Corrupt(path, $"unknown column type {(byte)type}");
            }

            var column = new ExtentColumn { Name = name, Type = type, Blocks = new BlockInfo[blockCount] };
            column.Encoding = c.U8();
            column.Dictionary = ChunkRef.Read(ref c);
            column.DictionaryCount = c.Count(int.MaxValue);
            column.HasRange = c.U8() != 0;
            column.MinBits = c.I64();
            column.MaxBits = c.I64();
            for (var b = 0; b < blockCount; b++)
            {
                var block = new BlockInfo { Data = ChunkRef.Read(ref c), NullCount = c.I32() };
                block.HasRange = c.U8() != 0;
                block.MinBits = c.I64();
                block.MaxBits = c.I64();
                block.Terms = ChunkRef.Read(ref c);
                column.Blocks[b] = block;
            }

            columns[i] = column;
        }

        return new ExtentMetadata
        {
            Id = id,
            Table = table,
            CreatedTicks = created,
            RowCount = rows,
            BlockRows = blockRows,
            Columns = columns,
        };
    }
}

/// <summary>Constants of the extent file format (see README.md).</summary>
internal static class ExtentFormat
{
    /// <summary>"VGEXTNT1" read as a little-endian u64.</summary>
    public const ulong Magic = 0x31544E5458454756UL;
    /// <summary>Version 2 added the Zstd chunk codec; version 1 files are read as before.</summary>
    public const ushort Version = 2;
    public const ushort MinVersion = 1;
    public const int HeaderSize = 16;
    public const int TrailerSize = 24;
    public const string Extension = ".vext";
}
