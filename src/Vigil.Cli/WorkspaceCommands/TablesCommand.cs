using System.CommandLine;
using System.Globalization;

namespace Vigil.Cli.WorkspaceCommands;

/// <summary>
/// <c>vigil tables --data DIR</c>: per table, the rows stored, the size of its extents on disk, the time range of its
/// time column (TimeGenerated, else ingestion time) and its retention.
/// </summary>
internal static class TablesCommand
{
    private static readonly string[] Header = ["Table", "Rows", "Size", "From", "To", "Retention"];

    public static Command Create()
    {
        var data = WorkspaceArguments.DataOption(required: true);
        var command = new Command("tables", "List the workspace's tables: rows, size on disk, time range, retention.");
        command.Options.Add(data);
        command.SetAction(parsed => Run(parsed.GetValue(data)!, parsed.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(string dataDirectory, TextWriter output)
    {
        if (!Directory.Exists(dataDirectory))
        {
            throw new CommandException($"'{dataDirectory}' is not a workspace directory");
        }

        using var workspace = WorkspaceArguments.Open(dataDirectory);
        using var snapshot = workspace.GetSnapshot();
        var rows = new List<string[]> { Header };
        foreach (var table in snapshot.Tables)
        {
            long size = 0;
            long min = long.MaxValue, max = long.MinValue;
            var timeColumn = table.Schema.TimeColumnIndex;
            foreach (var extent in table.Extents)
            {
                size += extent.SizeBytes;
                if (timeColumn >= 0 && extent.TryGetRange(timeColumn, out var range))
                {
                    min = Math.Min(min, range.MinInt64);
                    max = Math.Max(max, range.MaxInt64);
                }
                else if (timeColumn < 0)
                {
                    min = Math.Min(min, extent.MinIngestionTime.Ticks);
                    max = Math.Max(max, extent.MaxIngestionTime.Ticks);
                }
            }

            rows.Add(
            [
                table.Name,
                table.StoredRowCount.ToString("N0", CultureInfo.InvariantCulture),
                FormatBytes(size),
                min <= max ? Time(min) : "",
                min <= max ? Time(max) : "",
                $"{table.RetentionDays} d",
            ]);
        }

        if (rows.Count == 1)
        {
            output.WriteLine($"no tables in '{dataDirectory}'");
            return ExitCodes.Success;
        }

        WriteAligned(output, rows);
        return ExitCodes.Success;
    }

    private static string Time(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    internal static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    private static void WriteAligned(TextWriter output, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = new string[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                // Numbers and sizes read best right-aligned.
                cells[i] = i is 1 or 2 ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i]);
            }

            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
