namespace Vigil.Simulator;

/// <summary>What to simulate: how many devices, over how many days ending when, from which seed.</summary>
public sealed record SimulationOptions
{
    public const int MaxDevices = 5_000;
    public const int MaxDays = 90;

    /// <summary>The same seed (with the same other options) gives identical rows.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Days of data, ending at <see cref="End"/>.</summary>
    public int Days { get; init; } = 7;

    /// <summary>Devices (servers first when there are enough, then workstations each with a primary user).</summary>
    public int Devices { get; init; } = 20;

    /// <summary>The end of the simulated window (UTC, exclusive).</summary>
    public DateTime End { get; init; }

    /// <summary>Rows per batch handed to the sink (per table).</summary>
    public int BatchRows { get; init; } = 20_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Days is < 1 or > MaxDays)
        {
            throw new ArgumentException($"days must be between 1 and {MaxDays} (was {Days})");
        }

        if (Devices is < 1 or > MaxDevices)
        {
            throw new ArgumentException($"devices must be between 1 and {MaxDevices} (was {Devices})");
        }

        if (End.Kind != DateTimeKind.Utc || End.Year < 2000 || End.Year > 2200)
        {
            throw new ArgumentException($"the end must be a UTC time between the years 2000 and 2200 (was {End:o})");
        }

        if (BatchRows < 1)
        {
            throw new ArgumentException($"batch rows must be positive (was {BatchRows})");
        }
    }
}
