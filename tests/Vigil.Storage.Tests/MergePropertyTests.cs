using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using Vigil.Storage.Extents;
using Vigil.Storage.Memory;

namespace Vigil.Storage.Tests;

/// <summary>A merge (streamed block by block) gives back exactly the rows of its inputs, for every type.</summary>
public sealed class MergePropertyTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TableSchema Schema = new("Merge_CL", [
        new ColumnDefinition("TimeGenerated", ColumnType.DateTime),
        new ColumnDefinition("B", ColumnType.Bool),
        new ColumnDefinition("I", ColumnType.Int),
        new ColumnDefinition("L", ColumnType.Long),
        new ColumnDefinition("R", ColumnType.Real),
        new ColumnDefinition("M", ColumnType.Decimal),
        new ColumnDefinition("S", ColumnType.TimeSpan),
        new ColumnDefinition("G", ColumnType.Guid),
        new ColumnDefinition("Few", ColumnType.String),      // a handful of values: dictionary-encoded
        new ColumnDefinition("Many", ColumnType.String),     // nearly all distinct: plain
        new ColumnDefinition("D", ColumnType.Dynamic),
        new ColumnDefinition("Empty", ColumnType.String),    // never given: all empty strings
        new ColumnDefinition("Nothing", ColumnType.Long),    // never given: all null
    ]);

    private static readonly string[] Words = ["alpha beta", "", "gamma", "Delta-Epsilon", "zeta.exe", "ünïcode wörd"];

    [Property(MaxTest = 25)]
    public bool Merging_extents_keeps_every_row_and_term(int seed, byte blockSize, byte batches)
    {
        var random = new Random(seed);
        var blockRows = 1 + (blockSize % 24);
        using var dir = new TempDirectory();
        using var ws = Workspace.Open(dir.Path, TestData.Options(new ManualClock(Start), blockRows: blockRows));
        ws.CreateTable(Schema);
        var extents = 2 + (batches % 6);
        for (var e = 0; e < extents; e++)
        {
            if (e == extents / 2)
            {
                // Later extents have a column the earlier ones lack: the merge fills it with nulls there.
                ws.AddColumns("Merge_CL", [new ColumnDefinition("Late", ColumnType.String)]);
            }

            ws.Ingest("Merge_CL", TestData.Utf8(Records(random, random.Next(0, 40), e >= extents / 2)), IngestFormat.JsonLines);
        }

        List<object?[]> before;
        using (var snapshot = ws.GetSnapshot())
        {
            before = TestData.ReadRows(snapshot, "Merge_CL");
        }

        ws.Compact();
        using var after = ws.GetSnapshot();
        var table = after.GetTable("Merge_CL")!;
        var rows = TestData.ReadRows(after, "Merge_CL");
        if (before.Count > 0 && table.Extents.Count != 1)
        {
            return false;
        }

        if (!rows.Select(Key).SequenceEqual(before.Select(Key)))
        {
            return false;
        }

        // Every term of every text value is still found by the merged term filters.
        var few = Schema.IndexOf("Few");
        foreach (var row in rows)
        {
            foreach (var term in KustoTermTokenizer.Tokenize((string)row[few]!).Where(t => t.Length >= 3))
            {
                if (!table.Extents.Any(x => x.MayContainTerm(few, term)))
                {
                    return false;
                }
            }
        }

        ws.Verify();
        return ws.Problems.Count == 0;
    }

    [Fact]
    public void A_column_stream_never_holds_a_full_block()
    {
        using var dir = new TempDirectory();
        const int blockRows = 7;
        const int rows = 60;
        var source = new ColumnBuffer(ColumnType.String);
        for (var i = 0; i < rows; i++)
        {
            source.AppendUtf8(Encoding.UTF8.GetBytes(Words[i % Words.Length]));
        }

        var times = new ColumnBuffer(ColumnType.DateTime);
        times.AppendConstant(Start.UtcTicks, rows);
        var inputPath = Path.Combine(dir.Path, "in.vext");
        var columns = new[] { new ColumnDefinition("C", ColumnType.String), ColumnDefinition.Hidden(ExtentMetadata.IngestionTimeColumn, ColumnType.DateTime) };
        ExtentWriter.Write(inputPath, Guid.NewGuid(), "T_CL", columns, [source, times], rows, 16, 1);
        var input = ExtentReader.Open(inputPath);
        try
        {
            var dictionary = new Utf8Dictionary();
            foreach (var w in Words)
            {
                dictionary.Add(Encoding.UTF8.GetBytes(w));
            }

            var outputPath = Path.Combine(dir.Path, "out.vext");
            using (var writer = ExtentWriter.Begin(outputPath))
            {
                var stream = writer.BeginColumn(columns[0], rows, blockRows, dictionary);
                var timeStream = writer.BeginColumn(columns[1], rows, blockRows, null);
                using var block = new ColumnBlock();
                using var timeBlock = new ColumnBlock();
                for (var b = 0; b < input.Metadata.BlockCount; b++)
                {
                    BlockDecoder.Decode(input, 0, b, block);
                    BlockDecoder.Decode(input, 1, b, timeBlock);
                    for (var r = 0; r < block.Count; r++)
                    {
                        stream.Append(block, r);
                        timeStream.Append(timeBlock, r);
                        Assert.InRange(stream.BufferedRows, 0, blockRows - 1);
                        Assert.InRange(timeStream.BufferedRows, 0, blockRows - 1);
                    }
                }

                writer.Complete(Guid.NewGuid(), "T_CL", [stream.Complete(), timeStream.Complete()], rows, blockRows, 1);
            }

            var output = ExtentReader.Open(outputPath);
            try
            {
                Assert.Equal(ExtentColumn.DictionaryEncoding, output.Metadata.Columns[0].Encoding);
                Assert.Equal(9, output.Metadata.BlockCount);
                output.Verify();
                using var block = new ColumnBlock();
                var values = new List<string?>();
                for (var b = 0; b < output.Metadata.BlockCount; b++)
                {
                    BlockDecoder.Decode(output, 0, b, block);
                    for (var r = 0; r < block.Count; r++)
                    {
                        values.Add(block.GetString(r));
                    }
                }

                Assert.Equal(Enumerable.Range(0, rows).Select(i => Words[i % Words.Length]), values);
            }
            finally
            {
                output.Release();
            }
        }
        finally
        {
            input.Release();
        }
    }

    private static string Key(object?[] row) =>
        string.Join("|", row.Select(v => v switch
        {
            null => "<null>",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));

    private static string Records(Random random, int count, bool late)
    {
        var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            for (var i = 0; i < count; i++)
            {
                json.Reset();
                json.WriteStartObject();
                json.WriteString("TimeGenerated", Start.AddMinutes(-random.Next(0, 100_000)).UtcDateTime);
                Maybe(random, () => json.WriteBoolean("B", random.Next(2) == 0));
                Maybe(random, () => json.WriteNumber("I", random.Next(int.MinValue, int.MaxValue)));
                Maybe(random, () => json.WriteNumber("L", random.NextInt64(long.MinValue, long.MaxValue)));
                Maybe(random, () => json.WriteNumber("R", Math.Round(random.NextDouble() * 1e6, 3)));
                Maybe(random, () => json.WriteString("M", (random.Next(-100_000, 100_000) / 100m).ToString(CultureInfo.InvariantCulture)));
                Maybe(random, () => json.WriteString("S", TimeSpan.FromSeconds(random.Next(0, 100_000)).ToString("c", CultureInfo.InvariantCulture)));
                Maybe(random, () => json.WriteString("G", new Guid(random.Next(), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).ToString()));
                Maybe(random, () => json.WriteString("Few", Words[random.Next(Words.Length)]));
                Maybe(random, () => json.WriteString("Many", "value " + random.NextInt64().ToString(CultureInfo.InvariantCulture)));
                Maybe(random, () =>
                {
                    json.WriteStartObject("D");
                    json.WriteNumber("k", random.Next(5));
                    json.WriteEndObject();
                });
                if (late)
                {
                    Maybe(random, () => json.WriteString("Late", Words[random.Next(Words.Length)]));
                }

                json.WriteEndObject();
                json.Flush();
                output.WriteByte((byte)'\n');
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static void Maybe(Random random, Action write)
    {
        if (random.Next(5) != 0)
        {
            write();
        }
    }
}
