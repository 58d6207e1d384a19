using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Vigil.Storage.Extents;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Tests;

/// <summary>Values written to an extent come back identical, for every type, with nulls, across encodings.</summary>
public sealed class RoundTripPropertyTests
{
    private static List<object?> RoundTrip(ColumnType type, int count, Action<ColumnBuffer> fill, int blockRows, out ExtentColumn column)
    {
        using var dir = new TempDirectory();
        var buffer = new ColumnBuffer(type);
        fill(buffer);
        var times = new ColumnBuffer(ColumnType.DateTime);
        for (var i = 0; i < count; i++)
        {
            times.AppendLong(638_000_000_000_000_000 + i);
        }

        var path = Path.Combine(dir.Path, "x.vext");
        var id = Guid.NewGuid();
        ExtentWriter.Write(path, id, "T_CL",
            [new ColumnDefinition("C", type), ColumnDefinition.Hidden(ExtentMetadata.IngestionTimeColumn, ColumnType.DateTime)],
            [buffer, times], count, blockRows, 1);
        var reader = ExtentReader.Open(path);
        try
        {
            Assert.Equal(id, reader.Metadata.Id);
            Assert.Equal(count, reader.Metadata.RowCount);
            column = reader.Metadata.Columns[0];
            var values = new List<object?>();
            using var block = new ColumnBlock();
            for (var b = 0; b < reader.Metadata.BlockCount; b++)
            {
                BlockDecoder.Decode(reader, 0, b, block);
                for (var r = 0; r < block.Count; r++)
                {
                    values.Add(TestData.Value(block, r));
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

    private static int Block(byte b) => 1 + (b % 40);

    private static List<object?> Expected<T>(T?[] values, Func<T, object> box)
        where T : struct => values.Select(v => v.HasValue ? box(v.Value) : null).ToList();

    [Property(MaxTest = 60)]
    public bool Longs_round_trip(long?[] values, byte blockRows) =>
        RoundTrip(ColumnType.Long, values.Length, b => Fill(b, values, v => b.AppendLong(v)), Block(blockRows), out _)
            .SequenceEqual(Expected(values, v => v));

    [Property(MaxTest = 40)]
    public bool Sorted_longs_take_delta_encoding_and_round_trip(long[] deltas, long start)
    {
        var values = new long?[deltas.Length];
        var current = start;
        for (var i = 0; i < deltas.Length; i++)
        {
            current = unchecked(current + (deltas[i] & 0xFFFF));
            values[i] = current;
        }

        return RoundTrip(ColumnType.Long, values.Length, b => Fill(b, values, v => b.AppendLong(v)), 1000, out _)
            .SequenceEqual(Expected(values, v => v));
    }

    [Property(MaxTest = 40)]
    public bool Ints_round_trip(int?[] values, byte blockRows) =>
        RoundTrip(ColumnType.Int, values.Length, b => Fill(b, values, v => b.AppendLong(v)), Block(blockRows), out _)
            .SequenceEqual(Expected(values, v => v));

    [Property(MaxTest = 40)]
    public bool Bools_round_trip(bool?[] values, byte blockRows) =>
        RoundTrip(ColumnType.Bool, values.Length, b => Fill(b, values, v => b.AppendLong(v ? 1 : 0)), Block(blockRows), out _)
            .SequenceEqual(Expected(values, v => v));

    [Property(MaxTest = 40)]
    public bool Reals_round_trip(double?[] values, byte blockRows) =>
        RoundTrip(ColumnType.Real, values.Length, b => Fill(b, values, v => b.AppendDouble(v)), Block(blockRows), out _)
            .SequenceEqual(Expected(values, v => v));

    [Property(MaxTest = 40)]
    public bool Decimals_round_trip(decimal?[] values, byte blockRows) =>
        RoundTrip(ColumnType.Decimal, values.Length, b => Fill(b, values, v => b.AppendDecimal(v)), Block(blockRows), out _)
            .SequenceEqual(Expected(values, v => v));

    [Property(MaxTest = 40)]
    public bool Datetimes_round_trip(DateTime?[] values, byte blockRows)
    {
        var utc = values.Select(v => v.HasValue ? new DateTime(v.Value.Ticks, DateTimeKind.Utc) : (DateTime?)null).ToArray();
        return RoundTrip(ColumnType.DateTime, utc.Length, b => Fill(b, utc, v => b.AppendLong(v.Ticks)), Block(blockRows), out _)
            .SequenceEqual(Expected(utc, v => v));
    }

    [Property(MaxTest = 40)]
    public bool Timespans_round_trip(TimeSpan?[] values, byte blockRows) =>
        RoundTrip(ColumnType.TimeSpan, values.Length, b => Fill(b, values, v => b.AppendLong(v.Ticks)), Block(blockRows), out _)
            .SequenceEqual(Expected(values, v => v));

    [Property(MaxTest = 40)]
    public bool Guids_round_trip(Guid?[] values, byte blockRows) =>
        RoundTrip(ColumnType.Guid, values.Length, b => Fill(b, values, v => b.AppendGuid(v)), Block(blockRows), out _)
            .SequenceEqual(Expected(values, v => v));

    [Property(MaxTest = 60)]
    public bool Arbitrary_strings_round_trip(string?[] values, byte blockRows, bool dynamic)
    {
        // Lone surrogates cannot be UTF-8: compare with what UTF-8 can carry.
        var expected = values.Select(v => v is null ? null : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(v))).ToList<object?>();
        var actual = RoundTrip(dynamic ? ColumnType.Dynamic : ColumnType.String, values.Length, b =>
        {
            foreach (var v in values)
            {
                if (v is null)
                {
                    b.AppendNull();
                }
                else
                {
                    b.AppendString(v);
                }
            }
        }, Block(blockRows), out _);
        return actual.SequenceEqual(expected);
    }

    [Property(MaxTest = 40)]
    public bool Low_cardinality_strings_are_dictionary_encoded_and_round_trip(byte[] picks, byte blockRows)
    {
        string?[] pool = [null, string.Empty, "alpha", "Beta gamma", "δέλτα", "x"];
        var values = picks.Select(p => pool[p % pool.Length]).ToArray();
        var actual = RoundTrip(ColumnType.String, values.Length, b =>
        {
            foreach (var v in values)
            {
                if (v is null)
                {
                    b.AppendNull();
                }
                else
                {
                    b.AppendString(v);
                }
            }
        }, Block(blockRows), out var column);
        var dictionaryExpected = values.Any(v => v is not null);
        return actual.SequenceEqual(values) && (column.Encoding == ExtentColumn.DictionaryEncoding) == dictionaryExpected;
    }

    [Fact]
    public void High_cardinality_strings_use_plain_encoding()
    {
        var values = Enumerable.Range(0, 500).Select(i => $"value {i} {new string('z', i % 13)}").ToArray();
        var actual = RoundTrip(ColumnType.String, values.Length, b =>
        {
            foreach (var v in values)
            {
                b.AppendString(v);
            }
        }, 64, out var column);
        Assert.Equal(ExtentColumn.PlainEncoding, column.Encoding);
        Assert.Equal(values, actual);
    }

    [Fact]
    public void Block_and_extent_ranges_cover_exactly_the_non_null_values()
    {
        long?[] values = [5, null, -3, 9, null, null, 100, 7];
        RoundTrip(ColumnType.Long, values.Length, b => Fill(b, values, v => b.AppendLong(v)), 3, out var column);
        Assert.True(column.HasRange);
        Assert.Equal((-3L, 100L), (column.MinBits, column.MaxBits));
        Assert.Equal((-3L, 9L), (column.Blocks[0].MinBits, column.Blocks[1].MaxBits)); // [5,null,-3] and [9,null,null]
        Assert.False(column.Blocks[1].HasRange && column.Blocks[1].MinBits != 9);
        Assert.Equal(2, column.Blocks[1].NullCount);
        Assert.Equal((7L, 100L), (column.Blocks[2].MinBits, column.Blocks[2].MaxBits));
    }

    [Property(MaxTest = 100)]
    public bool Bit_packing_round_trips_at_every_width(ulong[] raw, byte widthSeed)
    {
        var width = widthSeed % 65;
        var mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        var values = raw.Select(v => v & mask).ToArray();
        var packed = new byte[BitPacking.PackedBytes(values.Length, width)];
        BitPacking.Pack(values, width, packed);
        var back = new ulong[values.Length];
        BitPacking.Unpack(packed, width, back);
        return back.SequenceEqual(values);
    }

    private static void Fill<T>(ColumnBuffer buffer, T?[] values, Action<T> append)
        where T : struct
    {
        foreach (var v in values)
        {
            if (v.HasValue)
            {
                append(v.Value);
            }
            else
            {
                buffer.AppendNull();
            }
        }
    }
}
