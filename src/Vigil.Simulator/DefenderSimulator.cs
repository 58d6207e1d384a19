using Vigil.Simulator.Activity;
using Vigil.Simulator.Output;
using Vigil.Simulator.Stories;

namespace Vigil.Simulator;

/// <summary>
/// Generates realistic Microsoft 365 Defender data: a consistent world (devices, accounts, process trees, network,
/// files, registry, logons, identities, mail, cloud apps, alerts) with an embedded intrusion, deterministic for a
/// given <see cref="SimulationOptions"/>. Rows stream to an <see cref="IEventSink"/> in batches, day by day, so
/// memory does not grow with the number of days.
/// </summary>
public static class DefenderSimulator
{
    /// <summary>The tables the simulator writes.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "AlertEvidence", "AlertInfo", "CloudAppEvents", "DeviceEvents", "DeviceFileCertificateInfo", "DeviceFileEvents",
        "DeviceImageLoadEvents", "DeviceInfo", "DeviceLogonEvents", "DeviceNetworkEvents", "DeviceNetworkInfo",
        "DeviceProcessEvents", "DeviceRegistryEvents", "EmailAttachmentInfo", "EmailEvents", "EmailPostDeliveryEvents",
        "EmailUrlInfo", "IdentityDirectoryEvents", "IdentityInfo", "IdentityLogonEvents", "IdentityQueryEvents", "UrlClickEvents",
    ];

    /// <summary>Runs the simulation into <paramref name="sink"/>; returns the rows written per table.</summary>
    public static IReadOnlyDictionary<string, long> Run(SimulationOptions options, IEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        using var emit = new RowEmitter(sink, options.BatchRows);
        var context = new SimulationContext(options, emit);
        var mail = new MailWriter(context);
        var alerts = new AlertWriter(context);
        var inventory = new InventoryWriter(context);
        var story = new AttackStory(context, mail, alerts);
        var storyDay = AttackStory.DayOf(context);
        var victim = context.Organization.Devices.LastOrDefault(d => d.PrimaryUser is not null);

        for (var day = context.Start.Date; day < context.End; day = day.AddDays(1))
        {
            inventory.Day(day);
            context.Identity.Day(day);
            mail.Day(day);
            DaySession? victimSession = null;
            foreach (var writer in context.Writers)
            {
                var session = new DeviceRoutine(context, writer, context.Baselines[writer.Device.Index], day).Run();
                if (writer.Device == victim)
                {
                    victimSession = session;
                }
            }

            if (day == storyDay && victim is not null && victimSession is not null)
            {
                story.Run(day, victimSession, victim);
            }
        }

        emit.Flush();
        return new SortedDictionary<string, long>(emit.Counts.ToDictionary(), StringComparer.Ordinal);
    }
}
