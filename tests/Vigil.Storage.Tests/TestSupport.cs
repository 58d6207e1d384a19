using System.Text;

namespace Vigil.Storage.Tests;

/// <summary>A fresh directory under the temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock : TimeProvider
{
    public ManualClock(DateTimeOffset now)
    {
        Now = now;
    }

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}

internal static class TestData
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public static WorkspaceOptions Options(TimeProvider? clock = null, int blockRows = 16_384, IReadOnlyList<TableSchema>? builtIns = null) => new()
    {
        BackgroundMaintenance = false,
        TimeProvider = clock ?? TimeProvider.System,
        BlockRows = blockRows,
        BuiltInTables = builtIns ?? [],
    };

    /// <summary>Every row of a table in a snapshot, as boxed values (tests only), honouring retention.</summary>
    public static List<object?[]> ReadRows(WorkspaceSnapshot snapshot, string table)
    {
        var t = snapshot.GetTable(table) ?? throw new InvalidOperationException($"no table {table}");
        var rows = new List<object?[]>();
        using var block = new ColumnBlock();
        using var scratch = new ColumnBlock();
        foreach (var extent in t.Extents)
        {
            for (var b = 0; b < extent.BlockCount; b++)
            {
                var count = extent.GetBlockRowCount(b);
                var keep = new ulong[(count + 63) / 64];
                if (extent.RequiresRetentionFilter)
                {
                    extent.SelectRetained(b, scratch, keep);
                }
                else
                {
                    Array.Fill(keep, ulong.MaxValue);
                }

                var blockRows = new object?[count][];
                for (var r = 0; r < count; r++)
                {
                    blockRows[r] = new object?[t.Schema.Columns.Count];
                }

                for (var c = 0; c < t.Schema.Columns.Count; c++)
                {
                    extent.ReadBlock(c, b, block);
                    for (var r = 0; r < count; r++)
                    {
                        blockRows[r][c] = Value(block, r);
                    }
                }

                for (var r = 0; r < count; r++)
                {
                    if ((keep[r >> 6] & (1UL << r)) != 0)
                    {
                        rows.Add(blockRows[r]);
                    }
                }
            }
        }

        return rows;
    }

    public static object? Value(ColumnBlock block, int row)
    {
        if (block.IsNull(row))
        {
            return null;
        }

        return block.Type switch
        {
            ColumnType.Bool => block.BoolValues[row],
            ColumnType.Int => block.Int32Values[row],
            ColumnType.Long => block.Int64Values[row],
            ColumnType.DateTime => new DateTime(block.Int64Values[row], DateTimeKind.Utc),
            ColumnType.TimeSpan => new TimeSpan(block.Int64Values[row]),
            ColumnType.Real => block.RealValues[row],
            ColumnType.Decimal => block.DecimalValues[row],
            ColumnType.Guid => block.GuidValues[row],
            _ => block.GetString(row),
        };
    }
}
