using System.Buffers.Binary;
using Vigil.Storage.Format;

namespace Vigil.Storage.Extents;

/// <summary>Decodes one block of one extent column into a <see cref="ColumnBlock"/>.</summary>
internal static class BlockDecoder
{
    public static void Decode(ExtentReader reader, int column, int block, ColumnBlock destination)
    {
        var metadata = reader.Metadata;
        var info = metadata.Columns[column];
        var count = Math.Min(metadata.BlockRows, metadata.RowCount - block * metadata.BlockRows);
        var path = reader.Path;
        destination.Type = info.Type;
        destination.Count = count;
        destination.Dictionary = null;
        if (info.Encoding == ExtentColumn.DictionaryEncoding)
        {
            // Decode the dictionary first: it shares the scratch buffers with the block read below.
            destination.Dictionary = reader.GetDictionary(column, ref destination.Scratch, ref destination.Scratch2);
        }

        var dictionary = destination.Dictionary;
        destination.Dictionary = null;
        var bytes = reader.ReadChunk(info.Blocks[block].Data, ref destination.Scratch, ref destination.Scratch2);
        var cursor = new BinaryCursor(bytes, path);
        var words = (count + 63) >> 6;
        destination.HasNulls = cursor.U8() != 0;
        if (destination.HasNulls)
        {
            var nulls = ColumnBlock.Ensure(ref destination.Nulls, words);
            for (var w = 0; w < words; w++)
            {
                nulls[w] = cursor.U64();
            }
        }

        var rest = bytes[cursor.Position..];
        switch (info.Type)
        {
            case ColumnType.Real:
                {
                    var values = ColumnBlock.Ensure(ref destination.Doubles, count);
                    Need(rest, count * 8L, path);
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = BinaryPrimitives.ReadDoubleLittleEndian(rest[(i * 8)..]);
                    }

                    break;
                }

            case ColumnType.Decimal:
                {
                    var values = ColumnBlock.Ensure(ref destination.Decimals, count);
                    Need(rest, count * 16L, path);
                    Span<int> bits = stackalloc int[4];
                    for (var i = 0; i < count; i++)
                    {
                        var s = rest[(i * 16)..];
                        bits[0] = BinaryPrimitives.ReadInt32LittleEndian(s);
                        bits[1] = BinaryPrimitives.ReadInt32LittleEndian(s[4..]);
                        bits[2] = BinaryPrimitives.ReadInt32LittleEndian(s[8..]);
                        bits[3] = BinaryPrimitives.ReadInt32LittleEndian(s[12..]);
                        try
                        {
                            values[i] = new decimal(bits);
                        }
                        catch (ArgumentException e)
                        {
                            throw new StorageCorruptionException(path, "invalid decimal: " + e.Message);
                        }
                    }

                    break;
                }

            case ColumnType.Guid:
                {
                    var values = ColumnBlock.Ensure(ref destination.Guids, count);
                    Need(rest, count * 16L, path);
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = new Guid(rest.Slice(i * 16, 16));
                    }

                    break;
                }

            case ColumnType.String or ColumnType.Dynamic:
                DecodeText(rest, count, dictionary, destination, path);
                break;
            default:
                DecodeIntegers(rest, count, info.Type, destination, path);
                break;
        }
    }

    private static void DecodeIntegers(ReadOnlySpan<byte> data, int count, ColumnType type, ColumnBlock destination, string path)
    {
        var longs = ColumnBlock.Ensure(ref destination.Longs, Math.Max(1, count));
        IntegerCodec.Decode(data, longs.AsSpan(0, count), path);
        if (type == ColumnType.Int)
        {
            var ints = ColumnBlock.Ensure(ref destination.Ints, count);
            for (var i = 0; i < count; i++)
            {
                ints[i] = unchecked((int)longs[i]);
            }
        }
        else if (type == ColumnType.Bool)
        {
            var bools = ColumnBlock.Ensure(ref destination.Bools, count);
            for (var i = 0; i < count; i++)
            {
                bools[i] = longs[i] != 0;
            }
        }

        if (destination.HasNulls)
        {
            // Null rows carry a filler value in the file; expose the documented default instead.
            for (var i = 0; i < count; i++)
            {
                if (destination.IsNull(i))
                {
                    longs[i] = 0;
                    if (type == ColumnType.Int)
                    {
                        destination.Ints[i] = 0;
                    }
                    else if (type == ColumnType.Bool)
                    {
                        destination.Bools[i] = false;
                    }
                }
            }
        }
    }

    private static void DecodeText(ReadOnlySpan<byte> data, int count, StringDictionary? dictionary, ColumnBlock destination, string path)
    {
        var longs = ColumnBlock.Ensure(ref destination.Longs, Math.Max(1, count));
        var used = IntegerCodec.Decode(data, longs.AsSpan(0, count), path);
        if (dictionary is not null)
        {
            var codes = ColumnBlock.Ensure(ref destination.Codes, count);
            for (var i = 0; i < count; i++)
            {
                var code = longs[i];
                if ((ulong)code >= (ulong)dictionary.Count && !destination.IsNull(i))
                {
                    ThrowHelper.Corrupt(path, "dictionary code out of range");
                }

                codes[i] = (ulong)code < (ulong)dictionary.Count ? (int)code : 0;
            }

            destination.Dictionary = dictionary;
            return;
        }

        var text = data[used..];
        var offsets = ColumnBlock.Ensure(ref destination.Offsets, count + 1);
        offsets[0] = 0;
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            total += longs[i];
            if (longs[i] < 0 || total > text.Length)
            {
                ThrowHelper.Corrupt(path, "string lengths overrun the block");
            }

            offsets[i + 1] = (int)total;
        }

        var utf8 = ColumnBlock.Ensure(ref destination.Utf8, Math.Max(1, (int)total));
        text[..(int)total].CopyTo(utf8);
        destination.Utf8Length = (int)total;
    }

    private static void Need(ReadOnlySpan<byte> data, long bytes, string path)
    {
        if (data.Length < bytes)
        {
            ThrowHelper.Corrupt(path, "block shorter than its values");
        }
    }
}
