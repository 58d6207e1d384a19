using FsCheck.Xunit;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Tests;

/// <summary>
/// Column buffers that hold only nulls or only empty strings store nothing; they must behave exactly like buffers
/// that store every value, through appends, truncation, bulk copies, the WAL and extents.
/// </summary>
public sealed class UniformColumnTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Applies operations to a buffer and to a plain list; returns whether they agree throughout.</summary>
    [Property(MaxTest = 200)]
    public bool String_buffer_matches_a_plain_list_under_any_operations(byte[] ops)
    {
        var buffer = new ColumnBuffer(ColumnType.String);
        var expected = new List<string?>();
        foreach (var op in ops)
        {
            switch (op % 5)
            {
                case 0: buffer.AppendNull(); expected.Add(null); break;
                case 1: buffer.AppendUtf8([]); expected.Add(string.Empty); break;
                case 2: buffer.AppendString("v" + op); expected.Add("v" + op); break;
                case 3 when expected.Count > 0:
                    buffer.Truncate(expected.Count - 1);
                    expected.RemoveAt(expected.Count - 1);
                    break;
                case 4:
                    var other = new ColumnBuffer(ColumnType.String);
                    var n = op % 3;
                    other.AppendRepeated(op % 2 == 0 ? UniformKind.AllNull : UniformKind.AllEmpty, n);
                    buffer.AppendAll(other);
                    expected.AddRange(Enumerable.Repeat(op % 2 == 0 ? null : string.Empty, n));
                    break;
            }

            if (!Same(buffer, expected))
            {
                return false;
            }
        }

        // Bulk spans materialize a uniform buffer; values must not change.
        _ = buffer.Offsets;
        return Same(buffer, expected) && buffer.Uniform is UniformKind.None or UniformKind.NoRows;
    }

    [Property(MaxTest = 200)]
    public bool Long_buffer_matches_a_plain_list_under_any_operations(byte[] ops)
    {
        var buffer = new ColumnBuffer(ColumnType.Long);
        var expected = new List<long?>();
        foreach (var op in ops)
        {
            switch (op % 4)
            {
                case 0 or 1: buffer.AppendNull(); expected.Add(null); break;
                case 2: buffer.AppendLong(op); expected.Add(op); break;
                case 3 when expected.Count > 0:
                    buffer.Truncate(expected.Count - 1);
                    expected.RemoveAt(expected.Count - 1);
                    break;
            }
        }

        var same = buffer.Count == expected.Count && buffer.NullCount == expected.Count(v => v is null);
        for (var i = 0; i < expected.Count; i++)
        {
            same &= buffer.IsNull(i) == expected[i] is null && (expected[i] is null || buffer.GetLong(i) == expected[i]);
        }

        var longs = buffer.Longs.ToArray();
        var bitmap = buffer.NullBitmap.ToArray();
        for (var i = 0; i < expected.Count; i++)
        {
            same &= ((bitmap[i >> 6] >> i) & 1) == (expected[i] is null ? 1UL : 0UL) && longs[i] == (expected[i] ?? 0);
        }

        return same;
    }

    [Fact]
    public void Absent_columns_stay_uniform_through_the_wal_and_come_back_as_null_or_empty()
    {
        var columns = new List<ColumnDefinition>
        {
            new("S", ColumnType.String), new("D", ColumnType.Dynamic), new("L", ColumnType.Long), new("R", ColumnType.Real),
        };
        var batch = new RowBatch("T_CL", columns, 1);
        for (var i = 0; i < 100; i++)
        {
            batch.Buffers[0].AppendUtf8([]);
            batch.Buffers[1].AppendNull();
            batch.Buffers[2].AppendNull();
            batch.Buffers[3].AppendDouble(i);
        }

        Assert.Equal(UniformKind.AllEmpty, batch.Buffers[0].Uniform);
        Assert.Equal(UniformKind.AllNull, batch.Buffers[1].Uniform);
        using var stream = new MemoryStream();
        batch.WriteTo(stream);
        var cursor = new Format.BinaryCursor(stream.ToArray(), "test");
        var back = RowBatch.ReadFrom(ref cursor);
        Assert.Equal(0, cursor.Remaining);
        Assert.Equal(100, back.RowCount);
        Assert.Equal(UniformKind.AllEmpty, back.Buffers[0].Uniform);
        Assert.Equal(UniformKind.AllNull, back.Buffers[1].Uniform);
        Assert.Equal(UniformKind.AllNull, back.Buffers[2].Uniform);
        Assert.Equal(0, back.Buffers[0].NullCount);
        Assert.Equal(100, back.Buffers[1].NullCount);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (double)i), back.Buffers[3].Doubles.ToArray());
    }

    [Fact]
    public void Columns_no_record_mentions_read_back_as_null_or_empty_and_match_no_term()
    {
        var schema = new TableSchema("Wide_CL", [
            new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
            new ColumnDefinition("Present", ColumnType.String),
            new ColumnDefinition("AbsentText", ColumnType.String),
            new ColumnDefinition("AbsentDynamic", ColumnType.Dynamic),
            new ColumnDefinition("AbsentLong", ColumnType.Long),
            new ColumnDefinition("AbsentReal", ColumnType.Real),
            new ColumnDefinition("AbsentGuid", ColumnType.Guid),
            new ColumnDefinition("AbsentDecimal", ColumnType.Decimal),
            new ColumnDefinition("LateLong", ColumnType.Long),
        ]);
        var lines = string.Join('\n', Enumerable.Range(0, 300).Select(i =>
            i == 250 ? $$"""{"Present":"row {{i}}","LateLong":7}""" : $$"""{"Present":"row {{i}}"}"""));
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Now), blockRows: 64));
        ws.CreateTable(schema);
        Assert.Equal(300, ws.Ingest("Wide_CL", TestData.Utf8(lines), IngestFormat.JsonLines).AcceptedRows);

        using var snapshot = ws.GetSnapshot();
        var rows = TestData.ReadRows(snapshot, "Wide_CL");
        Assert.Equal(300, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal($"row {i}", rows[i][1]);
            Assert.Equal(string.Empty, rows[i][2]);
            Assert.Null(rows[i][3]);
            Assert.Null(rows[i][4]);
            Assert.Null(rows[i][5]);
            Assert.Null(rows[i][6]);
            Assert.Null(rows[i][7]);
            Assert.Equal(i == 250 ? 7L : null, rows[i][8]);
        }

        var extent = Assert.Single(snapshot.GetTable("Wide_CL")!.Extents);
        Assert.False(extent.TryGetRange(4, out _));
        for (var b = 0; b < extent.BlockCount; b++)
        {
            Assert.False(extent.BlockMayContainTerm(2, b, "row"));
            Assert.True(extent.BlockMayContainTerm(1, b, "row"));
        }

        Assert.Equal(0, ws.Verify());
    }

    private static bool Same(ColumnBuffer buffer, List<string?> expected)
    {
        if (buffer.Count != expected.Count || buffer.NullCount != expected.Count(v => v is null))
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (buffer.IsNull(i) != expected[i] is null || buffer.GetString(i) != (expected[i] ?? string.Empty))
            {
                return false;
            }
        }

        return true;
    }
}
