using System.Buffers.Binary;
using Vigil.Storage.Extents;
using Vigil.Storage.Format;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Tests;

/// <summary>Extent format version 2: Zstd text chunks, and version 1 files still read.</summary>
public sealed class ExtentFormatTests
{
    private static string WriteCommandLines(string directory, int rows)
    {
        var text = new ColumnBuffer(ColumnType.String);
        var times = new ColumnBuffer(ColumnType.DateTime);
        for (var i = 0; i < rows; i++)
        {
            text.AppendString($"powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\scripts\\job{i}.ps1");
            times.AppendLong(638_000_000_000_000_000 + i);
        }

        var path = Path.Combine(directory, "x.vext");
        ExtentWriter.Write(path, Guid.NewGuid(), "T_CL",
            [new ColumnDefinition("C", ColumnType.String), ColumnDefinition.Hidden(ExtentMetadata.IngestionTimeColumn, ColumnType.DateTime)],
            [text, times], rows, 256, 1);
        return path;
    }

    private static List<string> ReadStrings(string path)
    {
        var reader = ExtentReader.Open(path);
        try
        {
            var values = new List<string>();
            using var block = new ColumnBlock();
            for (var b = 0; b < reader.Metadata.BlockCount; b++)
            {
                BlockDecoder.Decode(reader, 0, b, block);
                for (var r = 0; r < block.Count; r++)
                {
                    values.Add((string)TestData.Value(block, r)!);
                }
            }

            reader.Verify();
            return values;
        }
        finally
        {
            reader.Release();
        }
    }

    [Fact]
    public void Text_chunks_are_zstd_compressed_and_read_back()
    {
        using var dir = new TempDirectory();
        var path = WriteCommandLines(dir.Path, 1000);
        var reader = ExtentReader.Open(path);
        try
        {
            var column = reader.Metadata.Columns[0];
            Assert.All(column.Blocks, b => Assert.Equal(ChunkRef.ZstdCodec, b.Data.Codec));
            Assert.All(reader.Metadata.Columns[1].Blocks, b => Assert.NotEqual(ChunkRef.ZstdCodec, b.Data.Codec));
        }
        finally
        {
            reader.Release();
        }

        var values = ReadStrings(path);
        Assert.Equal(1000, values.Count);
        Assert.Equal("powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\scripts\\job999.ps1", values[999]);
    }

    [Fact]
    public void Version_1_extents_are_still_read()
    {
        using var dir = new TempDirectory();
        var path = WriteCommandLines(dir.Path, 300);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(ExtentFormat.Version, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), Crc32C.Compute(bytes.AsSpan(0, 12)));
        File.WriteAllBytes(path, bytes);
        Assert.Equal(300, ReadStrings(path).Count);

        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), ExtentFormat.Version + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), Crc32C.Compute(bytes.AsSpan(0, 12)));
        File.WriteAllBytes(path, bytes);
        Assert.Throws<StorageCorruptionException>(() => ExtentReader.Open(path));
    }
}
