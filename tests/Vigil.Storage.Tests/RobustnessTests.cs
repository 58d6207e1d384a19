using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Vigil.Storage.Extents;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Tests;

public sealed class RobustnessTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Fuzz target for the extent reader: any single damaged byte is caught, never served as other data.</summary>
    [Property(MaxTest = 60)]
    public bool A_damaged_byte_anywhere_in_an_extent_is_detected_or_harmless(uint position, byte mask)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "f.vext");
        var text = new ColumnBuffer(ColumnType.String);
        var numbers = new ColumnBuffer(ColumnType.Long);
        var times = new ColumnBuffer(ColumnType.DateTime);
        for (var i = 0; i < 300; i++)
        {
            text.AppendString(i % 5 == 0 ? $"unique value {i}" : "repeated");
            numbers.AppendLong(i * 37L);
            times.AppendLong(Now.UtcTicks);
        }

        ExtentWriter.Write(path, Guid.NewGuid(), "F_CL",
            [new ColumnDefinition("S", ColumnType.String), new ColumnDefinition("N", ColumnType.Long), ColumnDefinition.Hidden(ExtentMetadata.IngestionTimeColumn, ColumnType.DateTime)],
            [text, numbers, times], 300, 64, 0);
        var expected = ReadAll(path);
        var bytes = File.ReadAllBytes(path);
        var offset = (int)(position % (uint)bytes.Length);
        bytes[offset] ^= mask == 0 ? (byte)1 : mask;
        File.WriteAllBytes(path, bytes);
        try
        {
            return ReadAll(path).SequenceEqual(expected); // a flip the checks cannot see must not change the data
        }
        catch (StorageCorruptionException)
        {
            return true;
        }
    }

    private static List<string> ReadAll(string path)
    {
        var reader = ExtentReader.Open(path);
        try
        {
            var values = new List<string>();
            using var block = new ColumnBlock();
            for (var c = 0; c < reader.Metadata.Columns.Length; c++)
            {
                for (var b = 0; b < reader.Metadata.BlockCount; b++)
                {
                    BlockDecoder.Decode(reader, c, b, block);
                    for (var r = 0; r < block.Count; r++)
                    {
                        values.Add(TestData.Value(block, r)?.ToString() ?? "null");
                    }
                }
            }

            return values;
        }
        finally
        {
            reader.Release();
        }
    }

    [Fact]
    public void Merge_over_a_damaged_extent_quarantines_only_that_extent()
    {
        using var dir = new TempDirectory();
        var schema = new TableSchema("M_CL", [new ColumnDefinition("N", ColumnType.Long)]);
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now)));
        ws.CreateTable(schema);
        for (var i = 0; i < 4; i++)
        {
            ws.Ingest("M_CL", TestData.Utf8($"{{\"N\":{i}}}\n"), IngestFormat.JsonLines);
        }

        var victim = Directory.GetFiles(Path.Combine(dir.Path, "extents"))[0];
        var bytes = File.ReadAllBytes(victim);
        bytes[20] ^= 0xFF; // first data chunk
        File.WriteAllBytes(victim, bytes);
        ws.Compact(); // finds the damage, quarantines it, abandons that merge
        ws.Compact(); // merges the rest
        using var snapshot = ws.GetSnapshot();
        Assert.Equal(3, TestData.ReadRows(snapshot, "M_CL").Count);
        Assert.Single(snapshot.GetTable("M_CL")!.Extents);
        Assert.Single(ws.Problems);
    }

    [Fact]
    public void Input_is_streamed_and_flushed_in_bounded_batches()
    {
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, new WorkspaceOptions
        {
            BackgroundMaintenance = false,
            TimeProvider = new ManualClock(Now),
            WalBatchRows = 1000,
            FlushRows = 10_000,
        });
        ws.CreateTable(new TableSchema("Big_CL", [new ColumnDefinition("N", ColumnType.Long), new ColumnDefinition("S", ColumnType.String)]));
        const int Rows = 100_000;
        using var input = new GeneratedStream(Rows);
        var result = ws.Ingest("Big_CL", input, IngestFormat.JsonLines);
        Assert.Equal(Rows, result.AcceptedRows);
        Assert.True(input.MaxRequest <= 1 << 20, "the reader asks for bounded chunks");
        using var snapshot = ws.GetSnapshot();
        var table = snapshot.GetTable("Big_CL")!;
        Assert.True(table.Extents.Count >= 5, $"{table.Extents.Count} extents: buffered rows were flushed along the way");
        Assert.All(table.Extents, e => Assert.True(e.RowCount <= 2 * 10_000 + 1000));
        Assert.Equal(Rows, table.StoredRowCount);
    }

    /// <summary>Produces JSON lines on demand; never holds the whole input.</summary>
    private sealed class GeneratedStream(int rows) : Stream
    {
        private int _next;
        private byte[] _pending = [];
        private int _pendingOffset;

        public int MaxRequest { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            MaxRequest = Math.Max(MaxRequest, count);
            if (_pendingOffset == _pending.Length)
            {
                if (_next >= rows)
                {
                    return 0;
                }

                _pending = Encoding.UTF8.GetBytes($"{{\"N\":{_next},\"S\":\"generated row {_next} with some text\"}}\n");
                _pendingOffset = 0;
                _next++;
            }

            var n = Math.Min(count, _pending.Length - _pendingOffset);
            Array.Copy(_pending, _pendingOffset, buffer, offset, n);
            _pendingOffset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
