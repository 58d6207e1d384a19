using Vigil.Storage.Catalog;

namespace Vigil.Storage.Tests;

public sealed class CorruptionTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TableSchema Schema = new("Logs_CL", [
        new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
        new ColumnDefinition("N", ColumnType.Long),
        new ColumnDefinition("Text", ColumnType.String),
    ]);

    /// <summary>Three extents of 100 rows each (N = 0..299).</summary>
    private static void Populate(string directory)
    {
        using var ws = Workspace.Open(directory, TestData.Options(new ManualClock(Now), blockRows: 32));
        ws.CreateTable(Schema);
        for (var e = 0; e < 3; e++)
        {
            var text = new System.Text.StringBuilder();
            for (var i = e * 100; i < (e + 1) * 100; i++)
            {
                text.Append("{\"N\":").Append(i).Append(",\"Text\":\"row number ").Append(i).Append("\"}\n");
            }

            ws.Ingest("Logs_CL", TestData.Utf8(text.ToString()), IngestFormat.JsonLines);
        }
    }

    private static string[] ExtentFiles(string directory) =>
        [.. Directory.GetFiles(Path.Combine(directory, "extents"), "*.vext").Order(StringComparer.Ordinal)];

    private static void FlipByte(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0x5A));
    }

    [Fact]
    public void Flipped_byte_in_a_data_chunk_is_detected_on_read_quarantined_and_other_extents_still_serve()
    {
        using var dir = new TempDirectory();
        Populate(dir.Path);
        var victim = ExtentFiles(dir.Path)[1];
        FlipByte(victim, 40); // inside the first data chunk, right after the 16-byte header

        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        using (var snapshot = ws.GetSnapshot())
        {
            var table = snapshot.GetTable("Logs_CL")!;
            Assert.Equal(3, table.Extents.Count); // the footer is intact: the damage shows only when read
            var failures = 0;
            var rows = 0;
            using var block = new ColumnBlock();
            foreach (var extent in table.Extents)
            {
                try
                {
                    for (var b = 0; b < extent.BlockCount; b++)
                    {
                        extent.ReadBlock(0, b, block);
                        extent.ReadBlock(1, b, block);
                        extent.ReadBlock(2, b, block);
                        rows += block.Count;
                    }
                }
                catch (StorageCorruptionException e)
                {
                    failures++;
                    Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
                }
            }

            Assert.Equal(1, failures);
            Assert.True(rows >= 200);
        }

        var problem = Assert.Single(ws.Problems);
        Assert.Equal(victim, problem.Path);
        Assert.False(File.Exists(victim));
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "quarantine")));
        using (var after = ws.GetSnapshot())
        {
            var values = TestData.ReadRows(after, "Logs_CL").Select(r => (long)r[1]!).Order().ToList();
            Assert.Equal(200, values.Count);
        }
    }

    [Fact]
    public void Verify_finds_damage_anywhere_in_an_extent()
    {
        using var dir = new TempDirectory();
        Populate(dir.Path);
        var victim = ExtentFiles(dir.Path)[0];
        FlipByte(victim, new FileInfo(victim).Length / 3);
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        Assert.Equal(1, ws.Verify());
        using var snapshot = ws.GetSnapshot();
        Assert.Equal(2, snapshot.GetTable("Logs_CL")!.Extents.Count);
        Assert.Equal(200, TestData.ReadRows(snapshot, "Logs_CL").Count);
    }

    [Fact]
    public void Damaged_footer_or_truncated_extent_is_quarantined_at_open()
    {
        using var dir = new TempDirectory();
        Populate(dir.Path);
        var files = ExtentFiles(dir.Path);
        FlipByte(files[0], new FileInfo(files[0]).Length - 40); // in the footer
        using (var stream = new FileStream(files[2], FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        Assert.Equal(2, ws.Problems.Count);
        using var snapshot = ws.GetSnapshot();
        var values = TestData.ReadRows(snapshot, "Logs_CL").Select(r => (long)r[1]!).Order().ToList();
        Assert.Equal(Enumerable.Range((int)values[0], 100).Select(i => (long)i), values); // one whole extent remains
        Assert.Equal(0, values[0] % 100);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dir.Path, "quarantine")).Length);

        // Reopening does not bring the quarantined extents back or report them again.
        ws.Dispose();
        using var again = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        Assert.Empty(again.Problems);
    }

    [Fact]
    public void Torn_wal_tail_drops_only_the_last_record()
    {
        using var dir = new TempDirectory();
        var walDirectory = Path.Combine(dir.Path, "wal");
        Directory.CreateDirectory(walDirectory);
        // Build a segment by hand through the WAL API, without flushing to extents.
        var catalog = new WorkspaceCatalog(90, new Dictionary<string, CatalogTable> { ["Logs_CL"] = new(Schema, null, UnknownPropertyPolicy.Drop) });
        catalog.Save(dir.Path);
        using (var wal = Wal.WriteAheadLog.StartFresh(walDirectory, 0, 1 << 20))
        {
            for (var i = 0; i < 3; i++)
            {
                var batch = new Memory.RowBatch("Logs_CL", Schema.Columns, Now.UtcTicks);
                batch.Buffers[0].AppendLong(Now.UtcTicks);
                batch.Buffers[1].AppendLong(i);
                batch.Buffers[2].AppendString("wal row " + i);
                using var payload = new MemoryStream();
                batch.WriteTo(payload);
                wal.WaitDurable(wal.Append(payload.ToArray()));
            }
        }

        var segment = Assert.Single(Directory.GetFiles(walDirectory));
        using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(stream.Length - 7); // tear the last record
        }

        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        Assert.Contains(ws.Problems, p => p.Message.Contains("torn", StringComparison.Ordinal));
        using var snapshot = ws.GetSnapshot();
        Assert.Equal([0L, 1L], TestData.ReadRows(snapshot, "Logs_CL").Select(r => (long)r[1]!));

        // The replayed records are now in an extent; a second open must not replay them again.
        ws.Dispose();
        using var again = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        using var snapshot2 = again.GetSnapshot();
        Assert.Equal(2, TestData.ReadRows(snapshot2, "Logs_CL").Count);
    }

    [Fact]
    public void Corrupt_catalog_or_manifest_is_reported_not_served()
    {
        using var dir = new TempDirectory();
        Populate(dir.Path);
        var manifest = Path.Combine(dir.Path, Manifest.FileName);
        FlipByte(manifest, 20);
        var error = Assert.Throws<StorageCorruptionException>(() => Workspace.Open(dir.Path, TestData.Options()));
        Assert.Equal(manifest, error.FilePath);

        var catalog = Path.Combine(dir.Path, WorkspaceCatalog.FileName);
        FlipByte(catalog, 18);
        Assert.Throws<StorageCorruptionException>(() => Workspace.Open(dir.Path, TestData.Options()));
    }
}
