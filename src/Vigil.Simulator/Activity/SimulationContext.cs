using Vigil.Simulator.Output;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>What every part of one simulation run shares: the world, the time window, the output and the devices.</summary>
internal sealed class SimulationContext
{
    public SimulationContext(SimulationOptions options, RowEmitter emit)
    {
        Options = options;
        Emit = emit;
        End = options.End;
        Start = End.AddDays(-options.Days);
        Organization = new Organization(options.Seed, options.Devices);
        Writers = [.. Organization.Devices.Select(d => new DeviceWriter(d, emit, SimRandom.For(options.Seed, "device", d.Index)))];
        Baselines = [.. Writers.Select(w => new Baseline(w, Start.AddDays(-1 - w.Random.Next(10)).AddMinutes(w.Random.Next(1440))))];
        Identity = new IdentityWriter(this);
    }

    public SimulationOptions Options { get; }

    public ulong Seed => Options.Seed;

    public RowEmitter Emit { get; }

    /// <summary>The simulated window is [Start, End): every row's Timestamp is in it.</summary>
    public DateTime Start { get; }

    public DateTime End { get; }

    public Organization Organization { get; }

    public IReadOnlyList<DeviceWriter> Writers { get; }

    public IReadOnlyList<Baseline> Baselines { get; }

    public IdentityWriter Identity { get; }

    public bool InWindow(DateTime time) => time >= Start && time < End;

    public DeviceWriter WriterOf(Device device) => Writers[device.Index];

    public Device? DeviceOf(Account user) => Organization.Devices.FirstOrDefault(d => d.PrimaryUser == user);
}
