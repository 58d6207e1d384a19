using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigil.Simulator;
using Vigil.Storage;

namespace Vigil.Cli.WorkspaceCommands;

/// <summary>
/// <c>vigil generate --data DIR [--days N] [--devices N] [--seed S] [--end TIME]</c>: fills a workspace with
/// realistic Microsoft 365 Defender data (Device*, Identity*, Email*, alerts, cloud apps) from the simulator,
/// including an embedded intrusion, and prints the rows written per table. The same options give the same rows.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var data = WorkspaceArguments.DataOption(required: true);
        var days = new Option<int>("--days") { Description = $"Days of data (1 to {SimulationOptions.MaxDays}).", DefaultValueFactory = _ => 7 };
        var devices = new Option<int>("--devices") { Description = $"Devices to simulate (1 to {SimulationOptions.MaxDevices}).", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "The seed: the same seed and options give identical data.", DefaultValueFactory = _ => 1 };
        var end = new Option<string?>("--end")
        {
            Description = "The end of the time range (ISO 8601 UTC, e.g. 2026-11-20T00:00:00Z); default: now. Pass it for reproducible data.",
        };
        var command = new Command("generate", "Fill a workspace with realistic, deterministic Microsoft 365 Defender demo data.");
        command.Options.Add(data);
        command.Options.Add(days);
        command.Options.Add(devices);
        command.Options.Add(seed);
        command.Options.Add(end);
        command.SetAction(parsed => Run(
            parsed.GetValue(data)!, parsed.GetValue(days), parsed.GetValue(devices), parsed.GetValue(seed), parsed.GetValue(end),
            parsed.InvocationConfiguration.Output));
        return command;
    }

    internal static int Run(string dataDirectory, int days, int devices, ulong seed, string? end, TextWriter output)
    {
        var options = new SimulationOptions { Days = days, Devices = devices, Seed = seed, End = ParseEnd(end) };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CommandException(e.Message);
        }

        // The simulator feeds some twenty tables in interleaved batches of a few MiB, and storage sizes each table's
        // write buffer for a full flush: a small flush size keeps the whole run's memory bounded.
        using var workspace = WorkspaceArguments.Open(dataDirectory, new WorkspaceOptions { FlushBytes = 8L << 20 });
        var sink = new WorkspaceEventSink(workspace);
        var clock = Stopwatch.StartNew();
        DefenderSimulator.Run(options, sink);
        var rejected = 0L;
        var width = sink.Tables.Keys.Max(k => k.Length);
        foreach (var (table, result) in sink.Tables)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.PadRight(width)}  {result.Accepted,12:N0} rows") +
                (result.Rejected > 0 ? string.Create(CultureInfo.InvariantCulture, $", {result.Rejected:N0} rejected: {result.FirstRejections.FirstOrDefault()}") : ""));
            rejected += result.Rejected;
        }

        var total = sink.Tables.Values.Sum(t => t.Accepted);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {total:N0} rows in {sink.Tables.Count} tables: {devices} devices, {days} days to {options.End:yyyy-MM-dd HH:mm:ss}Z, seed {seed}, in {clock.Elapsed.TotalSeconds:0.0} s"));
        return rejected > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static DateTime ParseEnd(string? end)
    {
        if (end is null)
        {
            return DateTime.UtcNow;
        }

        if (!DateTime.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw new CommandException($"--end: '{end}' is not a date and time (use ISO 8601, e.g. 2026-11-20T00:00:00Z)");
        }

        return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
    }
}
