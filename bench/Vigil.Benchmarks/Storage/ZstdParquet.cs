using Parquet;
using Parquet.Schema;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// Rewrites the generator's Parquet file (Snappy) with Zstd, keeping its schema, row groups and dictionary-encoded
/// string columns, limited to the first rows: the reference size for "the same data as Zstd Parquet".
/// </summary>
internal static class ZstdParquet
{
    public static async Task<long> WriteAsync(string source, string target, long rows)
    {
        using var input = File.OpenRead(source);
        await using var reader = await ParquetReader.CreateAsync(input);
        var fields = reader.Schema.GetDataFields();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd };
        foreach (var field in fields)
        {
            // As the generator does: dictionaries for strings except the near-unique command lines.
            if (IsText(field) && !field.Name.EndsWith("CommandLine", StringComparison.Ordinal))
            {
                options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
            }
        }

        await using (var output = File.Create(target))
        {
            await using var writer = await ParquetWriter.CreateAsync(reader.Schema, output, options);
            var left = rows;
            for (var g = 0; g < reader.RowGroupCount && left > 0; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)Math.Min(left, group.RowCount);
                left -= n;
                using var outGroup = writer.CreateRowGroup();
                foreach (var field in fields)
                {
                    await CopyColumnAsync(group, outGroup, field, (int)group.RowCount, n);
                }
            }
        }

        return new FileInfo(target).Length;
    }

    private static async Task CopyColumnAsync(ParquetRowGroupReader group, ParquetRowGroupWriter outGroup, DataField field, int count, int keep)
    {
        if (IsText(field))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            await outGroup.WriteAsync(field, values[..keep]);
        }
        else if (field.ClrType == typeof(long))
        {
            await CopyAsync<long>(group, outGroup, field, count, keep);
        }
        else if (field.ClrType == typeof(int))
        {
            await CopyAsync<int>(group, outGroup, field, count, keep);
        }
        else if (field.ClrType == typeof(DateTime))
        {
            await CopyAsync<DateTime>(group, outGroup, field, count, keep);
        }
        else if (field.ClrType == typeof(double))
        {
            await CopyAsync<double>(group, outGroup, field, count, keep);
        }
        else
        {
            throw new NotSupportedException($"Parquet column {field.Name} of {field.ClrType} (only string, long, int, DateTime, double).");
        }
    }

    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static async Task CopyAsync<T>(ParquetRowGroupReader group, ParquetRowGroupWriter outGroup, DataField field, int count, int keep)
        where T : struct
    {
        if (field.IsNullable)
        {
            throw new NotSupportedException($"Nullable Parquet column {field.Name}.");
        }

        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory());
        await outGroup.WriteAsync(field, (ReadOnlyMemory<T>)values.AsMemory(0, keep));
    }
}
