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
