using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>An email as the mail tables describe it: who sent it to whom, what it carries and what was decided.</summary>
internal sealed record Email(
    string Sender,
    string SenderDisplayName,
    string SenderIp,
    Account? SenderAccount,
    string Recipient,
    Account? RecipientAccount,
    string Subject,
    string Direction,
    IReadOnlyList<(string Name, string Type, long Size, Digests Hashes)> Attachments,
    IReadOnlyList<string> Urls,
    string? ThreatTypes = null,
    string? DetectionMethods = null,
    string DeliveryAction = "Delivered",
    string DeliveryLocation = "Inbox/folder");
