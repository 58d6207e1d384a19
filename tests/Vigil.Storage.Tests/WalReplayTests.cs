using Vigil.Storage.Memory;
using Vigil.Storage.Wal;

namespace Vigil.Storage.Tests;

/// <summary>Replay streams segments (a window at a time) and flushes replayed rows as write buffers fill.</summary>
public sealed class WalReplayTests
{
    [Fact]
    public void Segments_larger_than_the_read_window_replay_with_a_damaged_record_skipped()
    {
        using var dir = new TempDirectory();
        using (var wal = WriteAheadLog.StartFresh(dir.Path, 0, 64L << 20))
        {
            for (var i = 0; i < 3000; i++)
            {
                var payload = new byte[i == 2000 ? 3 << 20 : 1000]; // one record bigger than the window
                BitConverter.TryWriteBytes(payload, i);
                payload[^1] = (byte)i;
                wal.Append(payload);
            }

            wal.WaitDurable(wal.LastSequence);
        }

        var path = Assert.Single(Directory.GetFiles(dir.Path));
        var bytes = File.ReadAllBytes(path);
        var damaged = 16 + (1500 * 1016) + 100; // inside record 1501's payload, well past the first window
        bytes[damaged] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var problems = new List<string>();
        var records = WriteAheadLog.Replay(dir.Path, problems.Add).ToList();
        Assert.Equal(Enumerable.Range(1, 3000).Where(s => s != 1501).Select(s => (long)s), records.Select(r => r.Sequence));
        Assert.All(records, r => Assert.Equal((int)r.Sequence - 1, BitConverter.ToInt32(r.Payload)));
        Assert.Equal(3 << 20, records.Single(r => r.Sequence == 2001).Payload.Length);
        Assert.Equal((byte)(2000 % 256), records.Single(r => r.Sequence == 2001).Payload[^1]);
        Assert.Contains("resumed", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_segment_ends_at_its_last_whole_record()
    {
        using var dir = new TempDirectory();
        using (var wal = WriteAheadLog.StartFresh(dir.Path, 0, 64L << 20))
        {
            for (var i = 0; i < 10; i++)
            {
                wal.Append(new byte[100]);
            }

            wal.WaitDurable(wal.LastSequence);
        }

        var path = Assert.Single(Directory.GetFiles(dir.Path));
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 50);
        }

        var problems = new List<string>();
        Assert.Equal(9, WriteAheadLog.Replay(dir.Path, problems.Add).Count());
        Assert.Contains("torn", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_flushes_extents_as_buffers_fill_and_keeps_every_row_once()
    {
        using var dir = new TempDirectory();
        var schema = new TableSchema("Replay_CL", [
            new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
            new ColumnDefinition("N", ColumnType.Long),
        ]);
        var clock = new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using (var ws = Workspace.Open(dir.Path, TestData.Options(clock)))
        {
            ws.CreateTable(schema);
        }

        // Acknowledged rows that never reached an extent: only the log has them.
        var walPath = Path.Combine(dir.Path, Workspace.WalDirectory);
        using (var wal = WriteAheadLog.StartFresh(walPath, 0, 1 << 16))
        {
            for (var r = 0; r < 25; r++)
            {
                var batch = new RowBatch("Replay_CL", schema.Columns, clock.Now.UtcTicks);
                for (var i = 0; i < 40; i++)
                {
                    batch.Buffers[0].AppendLong(clock.Now.UtcTicks);
                    batch.Buffers[1].AppendLong((r * 40) + i);
                }

                var payload = new MemoryStream();
                batch.WriteTo(payload);
                wal.Append(payload.ToArray());
            }

            wal.WaitDurable(wal.LastSequence);
        }

        using var reopened = Workspace.Open(dir.Path, new WorkspaceOptions
        {
            BackgroundMaintenance = false,
            TimeProvider = clock,
            FlushRows = 200,
        });
        Assert.Empty(reopened.Problems);
        using var snapshot = reopened.GetSnapshot();
        var table = snapshot.GetTable("Replay_CL")!;
        Assert.Equal(5, table.Extents.Count); // 1000 rows, flushed every 200 while replaying
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), TestData.ReadRows(snapshot, "Replay_CL").Select(r => (long)r[1]!));
        Assert.DoesNotContain(Directory.GetFiles(walPath), f => new FileInfo(f).Length > 16);
    }
}
