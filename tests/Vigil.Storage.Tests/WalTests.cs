using Vigil.Storage.Wal;

namespace Vigil.Storage.Tests;

public sealed class WalTests
{
    [Fact]
    public void One_fsync_covers_every_record_appended_before_it()
    {
        using var dir = new TempDirectory();
        using var wal = WriteAheadLog.StartFresh(dir.Path, 0, 1 << 20);
        var first = wal.Append([1, 2, 3]);
        var second = wal.Append([4]);
        var third = wal.Append([]);
        Assert.Equal([1L, 2L, 3L], new[] { first, second, third });
        wal.WaitDurable(third);
        wal.WaitDurable(first);
        wal.WaitDurable(second);
        Assert.Equal(1, wal.SyncCount);
        wal.WaitDurable(wal.Append([5]));
        Assert.Equal(2, wal.SyncCount);
    }

    [Fact]
    public void Concurrent_waiters_get_every_record_durable_in_sequence_order()
    {
        using var dir = new TempDirectory();
        long appended;
        using (var wal = WriteAheadLog.StartFresh(dir.Path, 10, 4096))
        {
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                var payload = BitConverter.GetBytes(i);
                wal.WaitDurable(wal.Append(payload));
            });
            appended = wal.LastSequence;
            Assert.True(wal.SyncCount <= 400);
        }

        Assert.True(Directory.GetFiles(dir.Path).Length > 1, "small segments roll");
        var records = WriteAheadLog.ReadAll(dir.Path, problem => Assert.Fail(problem));
        Assert.Equal(Enumerable.Range(11, 400).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(410, appended);
        Assert.Equal(Enumerable.Range(0, 400), records.Select(r => BitConverter.ToInt32(r.Payload)).Order());
    }

    [Fact]
    public void Corrupt_record_in_the_middle_is_skipped_and_later_records_are_kept()
    {
        using var dir = new TempDirectory();
        using (var wal = WriteAheadLog.StartFresh(dir.Path, 0, 1 << 20))
        {
            for (var i = 0; i < 5; i++)
            {
                wal.WaitDurable(wal.Append(new byte[10]));
            }
        }

        var path = Assert.Single(Directory.GetFiles(dir.Path));
        var bytes = File.ReadAllBytes(path);
        bytes[16 + 26 * 2 + 14] ^= 1; // inside the third record's payload (records are 26 bytes)
        File.WriteAllBytes(path, bytes);
        var problems = new List<string>();
        var records = WriteAheadLog.ReadAll(dir.Path, problems.Add);
        Assert.Equal([1L, 2L, 4L, 5L], records.Select(r => r.Sequence));
        Assert.Contains("resumed", Assert.Single(problems), StringComparison.Ordinal);
    }
}

public sealed class RowBatchTests
{
    [Fact]
    public void Wal_batches_round_trip_every_type_with_nulls()
    {
        ColumnType[] types = [ColumnType.Bool, ColumnType.Int, ColumnType.Long, ColumnType.Real, ColumnType.Decimal, ColumnType.DateTime,
            ColumnType.TimeSpan, ColumnType.String, ColumnType.Dynamic, ColumnType.Guid];
        var columns = types.Select((t, i) => new ColumnDefinition("C" + i, t)).ToList();
        var batch = new Memory.RowBatch("T_CL", columns, 12345);
        for (var row = 0; row < 70; row++)
        {
            for (var c = 0; c < types.Length; c++)
            {
                var buffer = batch.Buffers[c];
                if ((row + c) % 7 == 0)
                {
                    buffer.AppendNull();
                    continue;
                }

                switch (types[c])
                {
                    case ColumnType.Real: buffer.AppendDouble(row / 3.0); break;
                    case ColumnType.Decimal: buffer.AppendDecimal(row * 1.25m); break;
                    case ColumnType.Guid: buffer.AppendGuid(new Guid(row, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)); break;
                    case ColumnType.String or ColumnType.Dynamic: buffer.AppendString(row % 5 == 0 ? string.Empty : "v" + row); break;
                    default: buffer.AppendLong(row * 1000L - 5); break;
                }
            }
        }

        using var stream = new MemoryStream();
        batch.WriteTo(stream);
        var cursor = new Format.BinaryCursor(stream.ToArray(), "test");
        var back = Memory.RowBatch.ReadFrom(ref cursor);
        Assert.Equal(0, cursor.Remaining);
        Assert.Equal("T_CL", back.Table);
        Assert.Equal(12345, back.IngestionTicks);
        Assert.Equal(70, back.RowCount);
        Assert.Equal(columns, back.Columns);
        for (var c = 0; c < types.Length; c++)
        {
            for (var row = 0; row < 70; row++)
            {
                Assert.Equal(batch.Buffers[c].IsNull(row), back.Buffers[c].IsNull(row));
            }

            Assert.Equal(batch.Buffers[c].Longs.ToArray(), back.Buffers[c].Longs.ToArray());
            Assert.Equal(batch.Buffers[c].Doubles.ToArray(), back.Buffers[c].Doubles.ToArray());
            Assert.Equal(batch.Buffers[c].Decimals.ToArray(), back.Buffers[c].Decimals.ToArray());
            Assert.Equal(batch.Buffers[c].Guids.ToArray(), back.Buffers[c].Guids.ToArray());
            Assert.Equal(batch.Buffers[c].Offsets.ToArray(), back.Buffers[c].Offsets.ToArray());
            Assert.Equal(batch.Buffers[c].Utf8Data.ToArray(), back.Buffers[c].Utf8Data.ToArray());
        }
    }
}
