using System.Globalization;
using System.Text.Json;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>One entity an alert names (AlertEvidence): its type, role, and the columns that identify it.</summary>
internal sealed record Evidence(string EntityType, string Role, Action<Utf8JsonWriter> Fill);

/// <summary>Alerts (AlertInfo) and their evidence (AlertEvidence), with ids in Defender's formats.</summary>
internal sealed class AlertWriter(SimulationContext context)
{
    private readonly SimRandom _random = SimRandom.For(context.Seed, "alerts");

    public string Alert(DateTime time, string title, string category, string severity, string serviceSource, string detectionSource, string techniques, params Evidence[] evidence)
    {
        if (!context.InWindow(time))
        {
            return "";
        }

        var id = serviceSource switch
        {
            "Microsoft Defender for Endpoint" => "da" + _random.NextLong(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture) + "_" + _random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
            "Microsoft Defender for Office 365" => "fa" + _random.NextGuid().ToString(),
            _ => "ca" + _random.Hex(30).ToUpperInvariant(),
        };
        var w = context.Emit.Begin("AlertInfo", time);
        w.WriteString("AlertId", id);
        w.WriteString("Title", title);
        w.WriteString("Category", category);
        w.WriteString("Severity", severity);
        w.WriteString("ServiceSource", serviceSource);
        w.WriteString("DetectionSource", detectionSource);
        w.WriteString("AttackTechniques", techniques);
        context.Emit.End();

        foreach (var item in evidence)
        {
            var e = context.Emit.Begin("AlertEvidence", time);
            e.WriteString("AlertId", id);
            e.WriteString("Title", title);
            e.WriteString("Categories", "[" + JsonSerializer.Serialize(category) + "]");
            e.WriteString("AttackTechniques", techniques);
            e.WriteString("ServiceSource", serviceSource);
            e.WriteString("DetectionSource", detectionSource);
            e.WriteString("EntityType", item.EntityType);
            e.WriteString("EvidenceRole", item.Role);
            e.WriteString("Severity", severity);
            item.Fill(e);
            context.Emit.End();
        }

        return id;
    }

    public static Evidence Machine(Device device) => new("Machine", "Impacted", w =>
    {
        w.WriteString("DeviceId", device.DeviceId);
        w.WriteString("DeviceName", device.Name);
        w.WriteString("LocalIP", device.IpAddress);
        DeviceWriter.WriteAdditional(w, $$"""{"OSFamily":"Windows","OSVersion":"{{device.OsBuild}}","MachineGroup":"{{device.MachineGroup}}"}""");
    });

    public static Evidence User(Account account) => new("User", "Impacted", w =>
    {
        w.WriteString("AccountName", account.Name);
        w.WriteString("AccountDomain", account.Domain);
        w.WriteString("AccountSid", account.Sid);
        w.WriteString("AccountObjectId", account.ObjectId);
        w.WriteString("AccountUpn", account.Upn);
    });

    public static Evidence Process(Device device, Proc proc) => new("Process", "Related", w =>
    {
        w.WriteString("FileName", proc.Image.FileName);
        w.WriteString("FolderPath", proc.Image.Path);
        w.WriteString("SHA1", proc.Image.Hashes.Sha1);
        w.WriteString("SHA256", proc.Image.Hashes.Sha256);
        w.WriteNumber("FileSize", proc.Image.Size);
        w.WriteString("ProcessCommandLine", proc.CommandLine);
        w.WriteString("DeviceId", device.DeviceId);
        w.WriteString("DeviceName", device.Name);
        w.WriteString("AccountName", proc.Account.Name);
        w.WriteString("AccountDomain", proc.Account.Domain);
        w.WriteString("AccountSid", proc.Account.Sid);
    });

    public static Evidence File(Device device, Image image, string? threatFamily = null) => new("File", "Related", w =>
    {
        w.WriteString("FileName", image.FileName);
        w.WriteString("FolderPath", image.Path);
        w.WriteString("SHA1", image.Hashes.Sha1);
        w.WriteString("SHA256", image.Hashes.Sha256);
        w.WriteNumber("FileSize", image.Size);
        if (threatFamily is not null)
        {
            w.WriteString("ThreatFamily", threatFamily);
        }

        w.WriteString("DeviceId", device.DeviceId);
        w.WriteString("DeviceName", device.Name);
    });

    public static Evidence Ip(string ip) => new("Ip", "Related", w => w.WriteString("RemoteIP", ip));

    public static Evidence Url(string url) => new("Url", "Related", w => w.WriteString("RemoteUrl", url));

    public static Evidence Mail(string messageId, string subject, Account recipient) => new("MailMessage", "Related", w =>
    {
        w.WriteString("NetworkMessageId", messageId);
        w.WriteString("EmailSubject", subject);
        w.WriteString("AccountUpn", recipient.Upn);
        w.WriteString("AccountObjectId", recipient.ObjectId);
    });
}
