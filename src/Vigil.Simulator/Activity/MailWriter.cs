using System.Globalization;
using System.Text.Json;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>
/// Exchange Online and Defender for Office 365: mail flow (EmailEvents with its attachments and URLs), clicks on
/// links (UrlClickEvents), remediation after delivery (EmailPostDeliveryEvents), and users' activity in the cloud
/// apps (CloudAppEvents).
/// </summary>
internal sealed class MailWriter(SimulationContext context)
{
    private static readonly (string Address, string Name, string Ip)[] ExternalSenders =
    [
        ("newsletter@news.fabrikam.com", "Fabrikam News", "40.107.22.51"),
        ("billing@northwindtraders.com", "Northwind Billing", "40.107.8.77"),
        ("jane.doe@adventure-works.com", "Jane Doe", "52.100.172.213"),
        ("support@tailspintoys.com", "Tailspin Support", "40.92.18.30"),
        ("events@wideworldimporters.com", "Wide World Events", "52.101.68.4"),
    ];

    private static readonly string[] Subjects =
    [
        "Weekly status", "Re: Project timeline", "Invoice for November", "Lunch on Friday?", "Updated contract", "Your order has shipped",
        "Meeting notes", "Quarterly figures", "FW: Customer feedback", "Welcome to the team",
    ];

    private readonly SimRandom _random = SimRandom.For(context.Seed, "mail");

    public void Day(DateTime day)
    {
        var users = context.Organization.Users;
        foreach (var user in users)
        {
            var count = _random.Next(2, 7);
            for (var i = 0; i < count; i++)
            {
                var time = day.AddHours(7).AddSeconds(_random.Next(11 * 3600));
                if (!context.InWindow(time))
                {
                    continue;
                }

                Email email;
                if (_random.Chance(0.4))
                {
                    var sender = _random.Pick(users);
                    email = new Email(sender.Upn!, sender.DisplayName, "10.0.0.25", sender, user.Upn!, user, _random.Pick(Subjects), "Intra-org", Attachments(), Urls());
                }
                else
                {
                    var (address, name, ip) = _random.Pick(ExternalSenders);
                    var spam = _random.Chance(0.08);
                    email = new Email(address, name, ip, null, user.Upn!, user, spam ? "You have won a gift card" : _random.Pick(Subjects), "Inbound", Attachments(), Urls(),
                        spam ? "Spam" : null, spam ? "[\"Spam\"]" : null, spam ? "Junked" : "Delivered", spam ? "Junk folder" : "Inbox/folder");
                }

                Send(email, time);
                if (email.Urls.Count > 0 && email.ThreatTypes is null && _random.Chance(0.2))
                {
                    Click(user, email.Urls[0], email, time.AddMinutes(_random.Next(1, 120)), "ClickAllowed");
                }
            }

            var activity = day.AddHours(9).AddSeconds(_random.Next(8 * 3600));
            if (context.InWindow(activity))
            {
                CloudActivity(user, activity);
            }
        }
    }

    /// <summary>Writes an email's EmailEvents row, one EmailAttachmentInfo row per attachment and one EmailUrlInfo row per link.</summary>
    public string Send(Email email, DateTime time)
    {
        var id = _random.NextGuid().ToString();
        var w = context.Emit.Begin("EmailEvents", time);
        w.WriteString("NetworkMessageId", id);
        w.WriteString("InternetMessageId", $"<{_random.Hex(24).ToUpperInvariant()}@{Domain(email.Sender)}>");
        w.WriteString("SenderMailFromAddress", email.Sender);
        w.WriteString("SenderFromAddress", email.Sender);
        w.WriteString("SenderDisplayName", email.SenderDisplayName);
        if (email.SenderAccount is { } senderAccount)
        {
            w.WriteString("SenderObjectId", senderAccount.ObjectId);
        }

        w.WriteString("SenderMailFromDomain", Domain(email.Sender));
        w.WriteString("SenderFromDomain", Domain(email.Sender));
        w.WriteString("SenderIPv4", email.SenderIp);
        w.WriteString("RecipientEmailAddress", email.Recipient);
        if (email.RecipientAccount is { } recipientAccount)
        {
            w.WriteString("RecipientObjectId", recipientAccount.ObjectId);
        }

        w.WriteString("RecipientDomain", Domain(email.Recipient));
        w.WriteString("Subject", email.Subject);
        w.WriteNumber("EmailClusterId", (long)(SimRandom.Hash(email.Subject) % 1_000_000_000_000));
        w.WriteString("EmailDirection", email.Direction);
        w.WriteString("DeliveryAction", email.DeliveryAction);
        w.WriteString("DeliveryLocation", email.DeliveryLocation);
        w.WriteString("LatestDeliveryAction", email.DeliveryAction);
        w.WriteString("LatestDeliveryLocation", email.DeliveryLocation);
        if (email.ThreatTypes is not null)
        {
            w.WriteString("ThreatTypes", email.ThreatTypes);
            w.WriteString("DetectionMethods", email.DetectionMethods);
            w.WriteString("ConfidenceLevel", $$"""{"{{email.ThreatTypes}}":"High"}""");
        }

        w.WriteNumber("BulkComplaintLevel", email.Direction == "Inbound" ? _random.Next(0, 7) : 0);
        w.WriteString("AuthenticationDetails", email.Direction == "Inbound"
            ? """{"SPF":"pass","DKIM":"pass","DMARC":"pass","CompAuth":"pass"}"""
            : """{"SPF":"none","DKIM":"none","DMARC":"none","CompAuth":"none"}""");
        w.WriteNumber("AttachmentCount", email.Attachments.Count);
        w.WriteNumber("UrlCount", email.Urls.Count);
        w.WriteString("EmailLanguage", "en");
        w.WriteString("Connectors", "");
        w.WriteString("ReportId", id + "-" + _random.NextLong(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture) + "-1");
        w.WriteNumber("EmailSize", 4_000 + email.Attachments.Sum(a => a.Size));
        w.WriteNumber("IsFirstContact", 0);
        w.WriteString("To", email.Recipient);
        DeviceWriter.WriteAdditional(w, "{\"Directionality\":" + JsonSerializer.Serialize(email.Direction) + "}");
        context.Emit.End();

        foreach (var (name, type, size, hashes) in email.Attachments)
        {
            var a = context.Emit.Begin("EmailAttachmentInfo", time);
            a.WriteString("NetworkMessageId", id);
            a.WriteString("SenderFromAddress", email.Sender);
            a.WriteString("SenderDisplayName", email.SenderDisplayName);
            a.WriteString("RecipientEmailAddress", email.Recipient);
            if (email.RecipientAccount is { } recipient)
            {
                a.WriteString("RecipientObjectId", recipient.ObjectId);
            }

            a.WriteString("FileName", name);
            a.WriteString("FileType", type);
            a.WriteString("SHA256", hashes.Sha256);
            a.WriteNumber("FileSize", size);
            if (email.ThreatTypes is not null)
            {
                a.WriteString("ThreatTypes", email.ThreatTypes);
                a.WriteString("DetectionMethods", email.DetectionMethods);
            }

            a.WriteString("ReportId", _random.NextGuid().ToString());
            context.Emit.End();
        }

        var position = 0;
        foreach (var url in email.Urls)
        {
            var u = context.Emit.Begin("EmailUrlInfo", time);
            u.WriteString("NetworkMessageId", id);
            u.WriteString("Url", url);
            u.WriteString("UrlDomain", new Uri(url).Host);
            u.WriteString("UrlLocation", "Body");
            u.WriteNumber("UrlChainPosition", position++);
            u.WriteString("ReportId", _random.NextGuid().ToString());
            context.Emit.End();
        }

        return id;
    }

    public void Click(Account user, string url, Email email, DateTime time, string actionType, string? messageId = null, string? threatTypes = null)
    {
        if (!context.InWindow(time))
        {
            return;
        }

        var w = context.Emit.Begin("UrlClickEvents", time);
        w.WriteString("Url", url);
        w.WriteString("ActionType", actionType);
        w.WriteString("AccountUpn", user.Upn);
        w.WriteString("Workload", "Email");
        if (messageId is not null)
        {
            w.WriteString("NetworkMessageId", messageId);
        }

        var threats = threatTypes ?? email.ThreatTypes;
        if (threats is not null)
        {
            w.WriteString("ThreatTypes", threats);
            w.WriteString("DetectionMethods", "[\"URL detonation reputation\"]");
        }

        w.WriteString("IPAddress", context.Organization.Devices[0].PublicIp);
        w.WriteBoolean("IsClickedThrough", actionType != "ClickBlocked");
        w.WriteString("UrlChain", "[\"" + url + "\"]");
        w.WriteString("ReportId", _random.NextGuid().ToString());
        w.WriteString("TenantId", Organization.TenantId);
        context.Emit.End();
    }

    /// <summary>Zero-hour auto purge or an admin moved a delivered message (EmailPostDeliveryEvents).</summary>
    public void PostDelivery(string messageId, Email email, DateTime time, string action, string actionType, string trigger, string threatTypes)
    {
        if (!context.InWindow(time))
        {
            return;
        }

        var w = context.Emit.Begin("EmailPostDeliveryEvents", time);
        w.WriteString("NetworkMessageId", messageId);
        w.WriteString("InternetMessageId", $"<{_random.Hex(24).ToUpperInvariant()}@{Domain(email.Sender)}>");
        w.WriteString("Action", action);
        w.WriteString("ActionType", actionType);
        w.WriteString("ActionTrigger", trigger);
        w.WriteString("ActionResult", "Success");
        w.WriteString("RecipientEmailAddress", email.Recipient);
        w.WriteString("DeliveryLocation", "Quarantine");
        w.WriteString("ThreatTypes", threatTypes);
        w.WriteString("DetectionMethods", "[\"URL detonation reputation\"]");
        w.WriteString("SenderFromAddress", email.Sender);
        w.WriteString("EmailDirection", email.Direction);
        w.WriteString("SourceLocation", "Inbox/folder");
        w.WriteString("ReportId", _random.NextGuid().ToString());
        context.Emit.End();
    }

    /// <summary>A user's action in a cloud app (CloudAppEvents), with the audit record as RawEventData.</summary>
    public void CloudApp(Account user, DateTime time, string application, int applicationId, string actionType, string objectName, string ip, string countryCode, string isp, bool admin = false)
    {
        var w = context.Emit.Begin("CloudAppEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("Application", application);
        w.WriteNumber("ApplicationId", applicationId);
        w.WriteNumber("AppInstanceId", 0);
        w.WriteString("AccountObjectId", user.ObjectId);
        w.WriteString("AccountId", user.ObjectId);
        w.WriteString("AccountDisplayName", user.DisplayName);
        w.WriteBoolean("IsAdminOperation", admin);
        w.WriteString("DeviceType", "Desktop");
        w.WriteString("OSPlatform", "Windows 11");
        w.WriteString("IPAddress", ip);
        w.WriteBoolean("IsAnonymousProxy", false);
        w.WriteString("CountryCode", countryCode);
        w.WriteString("ISP", isp);
        w.WriteString("UserAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        w.WriteString("ActivityType", actionType.Contains("Download", StringComparison.Ordinal) ? "Download" : "Run");
        w.WriteStartArray("ActivityObjects");
        w.WriteStartObject();
        w.WriteString("Type", "File");
        w.WriteString("Role", "Target object");
        w.WriteString("Name", objectName);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("ObjectName", objectName);
        w.WriteString("ObjectType", "File");
        w.WriteString("ReportId", _random.NextGuid().ToString());
        w.WriteString("AccountType", admin ? "Admin" : "Regular");
        w.WriteBoolean("IsExternalUser", false);
        w.WriteBoolean("IsImpersonated", false);
        w.WritePropertyName("RawEventData");
        w.WriteStartObject();
        w.WriteString("Operation", actionType);
        w.WriteString("UserId", user.Upn);
        w.WriteString("ClientIP", ip);
        w.WriteString("Workload", application.Replace("Microsoft ", "", StringComparison.Ordinal));
        w.WriteString("ObjectId", objectName);
        w.WriteEndObject();
        w.WriteString("AuditSource", "Defender for Cloud Apps access control");
        context.Emit.End();
    }

    private void CloudActivity(Account user, DateTime time)
    {
        var ip = context.Organization.Devices[0].PublicIp;
        switch (_random.Next(4))
        {
            case 0:
                CloudApp(user, time, "Microsoft Exchange Online", 20893, "MailItemsAccessed", "Inbox", ip, "NL", "Contoso Telecom");
                break;
            case 1:
                CloudApp(user, time, "Microsoft SharePoint Online", 20892, "FileAccessed", $"https://contoso.sharepoint.com/sites/{user.Department}/Shared Documents/Plan.docx", ip, "NL", "Contoso Telecom");
                break;
            case 2:
                CloudApp(user, time, "Microsoft Teams", 28375, "MessageSent", "General", ip, "NL", "Contoso Telecom");
                break;
            default:
                CloudApp(user, time, "Microsoft OneDrive for Business", 15600, "FileDownloaded", $"https://contoso-my.sharepoint.com/personal/{user.Name}/Documents/Notes.docx", ip, "NL", "Contoso Telecom");
                break;
        }
    }

    private List<(string, string, long, Digests)> Attachments()
    {
        if (!_random.Chance(0.25))
        {
            return [];
        }

        var (name, type) = _random.Pick([("Invoice.pdf", "pdf"), ("Agenda.docx", "docx"), ("Figures.xlsx", "xlsx"), ("Photo.jpg", "jpg")]);
        var size = (long)_random.Next(20_000, 3_000_000);
        return [(name, type, size, Digests.Of("attachment|" + name + "|" + size.ToString(CultureInfo.InvariantCulture)))];
    }

    private List<string> Urls()
    {
        if (!_random.Chance(0.4))
        {
            return [];
        }

        var site = _random.Pick(Destinations.Web);
        return [$"https://{site.Url}/{_random.Hex(6)}"];
    }

    private static string Domain(string address) => address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..];
}
