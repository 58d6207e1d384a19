using System.Globalization;
using System.Text.Json;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>
/// Defender for Identity's and Entra ID's view: domain logons seen by the domain controller, cloud sign-ins,
/// directory queries and changes (Identity*Events), and the account inventory (IdentityInfo).
/// </summary>
internal sealed class IdentityWriter(SimulationContext context)
{
    private readonly SimRandom _random = SimRandom.For(context.Seed, "identity");

    /// <summary>A domain logon as the domain controller sees it (Kerberos or NTLM).</summary>
    public void DomainLogon(Account account, Device from, Device dc, DateTime time, string protocol, string logonType, Device? target = null,
        string actionType = "LogonSuccess", string? failureReason = null)
    {
        var w = Begin("IdentityLogonEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("Application", "Active Directory");
        w.WriteString("LogonType", logonType);
        w.WriteString("Protocol", protocol);
        if (failureReason is not null)
        {
            w.WriteString("FailureReason", failureReason);
        }

        Account(w, account);
        w.WriteString("DeviceName", from.Name);
        w.WriteString("DeviceType", from.IsServer ? "Server" : "Workstation");
        w.WriteString("OSPlatform", from.OsPlatform);
        w.WriteString("IPAddress", from.IpAddress);
        w.WriteString("Port", _random.Next(49152, 65535).ToString(CultureInfo.InvariantCulture));
        w.WriteString("DestinationDeviceName", dc.Name);
        w.WriteString("DestinationIPAddress", dc.IpAddress);
        w.WriteString("DestinationPort", protocol == "Kerberos" ? "88" : "445");
        if (target is not null)
        {
            w.WriteString("TargetDeviceName", target.Name);
        }

        var spn = target is null ? $"krbtgt/{Organization.DnsDomain.ToUpperInvariant()}" : $"cifs/{target.Name}";
        DeviceWriter.WriteAdditional(w, $$"""{"Spns":"{{spn}}","Pre-Authenticated":true,"ACTOR.DEVICE":"{{from.HostName}}"}""");
        context.Emit.End();
    }

    /// <summary>A sign-in to Microsoft 365 (Entra ID), from the office or from elsewhere.</summary>
    public void CloudLogon(Account account, DateTime time, string ip, string location, string isp, string actionType = "LogonSuccess", string? failureReason = null)
    {
        var w = Begin("IdentityLogonEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("Application", "Office 365");
        w.WriteString("LogonType", "Login:login");
        if (failureReason is not null)
        {
            w.WriteString("FailureReason", failureReason);
        }

        Account(w, account);
        w.WriteString("DeviceType", "Desktop");
        w.WriteString("OSPlatform", "Windows");
        w.WriteString("IPAddress", ip);
        w.WriteString("Location", location);
        w.WriteString("ISP", isp);
        DeviceWriter.WriteAdditional(w, """{"ARG.CLOUD_SERVICE":"Office 365","Pass-through authentication":false}""");
        context.Emit.End();
    }

    /// <summary>A query against the directory (LDAP, SAMR, DNS) from a device.</summary>
    public void Query(Account account, Device from, Device dc, DateTime time, string actionType, string queryType, string target, string? query, string protocol)
    {
        var w = Begin("IdentityQueryEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("Application", "Active Directory");
        w.WriteString("QueryType", queryType);
        w.WriteString("QueryTarget", target);
        if (query is not null)
        {
            w.WriteString("Query", query);
        }

        w.WriteString("Protocol", protocol);
        Account(w, account);
        w.WriteString("DeviceName", from.Name);
        w.WriteString("IPAddress", from.IpAddress);
        w.WriteString("Port", _random.Next(49152, 65535).ToString(CultureInfo.InvariantCulture));
        w.WriteString("DestinationDeviceName", dc.Name);
        w.WriteString("DestinationIPAddress", dc.IpAddress);
        w.WriteString("DestinationPort", protocol == "Ldap" ? "389" : protocol == "Dns" ? "53" : "445");
        DeviceWriter.WriteAdditional(w, "{\"SourceComputerOperatingSystem\":" + JsonSerializer.Serialize(from.OsVersionInfo) + "}");
        context.Emit.End();
    }

    /// <summary>A change in the directory (password change, group membership, account state).</summary>
    public void DirectoryChange(Account actor, Account target, Device? from, DateTime time, string actionType, string additionalFields)
    {
        var w = Begin("IdentityDirectoryEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("Application", "Active Directory");
        w.WriteString("TargetAccountUpn", target.Upn);
        w.WriteString("TargetAccountDisplayName", target.DisplayName);
        w.WriteString("Protocol", "Ldap");
        Account(w, actor);
        if (from is not null)
        {
            w.WriteString("DeviceName", from.Name);
            w.WriteString("IPAddress", from.IpAddress);
            w.WriteString("Port", _random.Next(49152, 65535).ToString(CultureInfo.InvariantCulture));
        }

        if (context.Organization.DomainController is { } dc)
        {
            w.WriteString("DestinationDeviceName", dc.Name);
            w.WriteString("DestinationIPAddress", dc.IpAddress);
            w.WriteString("DestinationPort", "389");
        }

        DeviceWriter.WriteAdditional(w, additionalFields);
        context.Emit.End();
    }

    /// <summary>One day of directory background: inventory, a few queries and changes, and users' cloud sign-ins.</summary>
    public void Day(DateTime day)
    {
        var org = context.Organization;
        var inventoryTime = day.AddHours(2).AddMinutes(_random.Next(60));
        if (context.InWindow(inventoryTime))
        {
            foreach (var account in org.DomainAccounts)
            {
                Info(account, inventoryTime.AddMilliseconds(_random.Next(60_000)));
            }
        }

        foreach (var user in org.Users)
        {
            var time = day.AddHours(8).AddSeconds(_random.Next(10 * 3600));
            if (context.InWindow(time))
            {
                CloudLogon(user, time, org.Devices[0].PublicIp, "NL", "Contoso Telecom");
            }

            if (_random.Chance(0.05))
            {
                var failed = day.AddHours(8).AddSeconds(_random.Next(10 * 3600));
                if (context.InWindow(failed))
                {
                    CloudLogon(user, failed, org.Devices[0].PublicIp, "NL", "Contoso Telecom", "LogonFailed", "InvalidUserNameOrPassword");
                }
            }
        }

        if (org.DomainController is not { } dc)
        {
            return;
        }

        foreach (var device in org.Devices)
        {
            if (device.PrimaryUser is not { } user)
            {
                continue;
            }

            var time = day.AddHours(9).AddSeconds(_random.Next(8 * 3600));
            if (context.InWindow(time))
            {
                Query(user, device, dc, time, "DNS query", "A", "fs01." + Organization.DnsDomain, null, "Dns");
            }

            if (_random.Chance(0.05))
            {
                var changed = day.AddHours(9).AddSeconds(_random.Next(8 * 3600));
                if (context.InWindow(changed))
                {
                    DirectoryChange(user, user, device, changed, "Account Password changed", """{"TARGET_OBJECT.USER":"password"}""");
                }
            }
        }
    }

    private void Info(Account account, DateTime time)
    {
        var w = Begin("IdentityInfo", time);
        w.WriteString("AccountObjectId", account.ObjectId);
        w.WriteString("AccountUPN", account.Upn);
        w.WriteString("OnPremSid", account.Sid);
        w.WriteString("AccountSID", account.Sid);
        w.WriteString("AccountDisplayName", account.DisplayName);
        w.WriteString("AccountName", account.Name);
        w.WriteString("AccountDomain", Organization.DnsDomain);
        w.WriteString("DistinguishedName", $"CN={account.DisplayName},OU={(account.Department.Length > 0 ? account.Department : "Service Accounts")},DC=contoso,DC=com");
        w.WriteString("CloudSid", "S-1-12-1-" + SimRandom.Hash(account.Sid) % 4_000_000_000);
        w.WriteString("GivenName", account.GivenName);
        w.WriteString("Surname", account.Surname);
        w.WriteString("Department", account.Department);
        w.WriteString("JobTitle", account.JobTitle);
        w.WriteString("EmailAddress", account.Upn);
        w.WriteString("City", "Amsterdam");
        w.WriteString("Country", "NL");
        w.WriteBoolean("IsAccountEnabled", true);
        w.WriteNumber("CriticalityLevel", account.Kind == AccountKind.Admin ? 4 : 0);
        w.WriteString("Type", "User");
        w.WriteString("SourceProvider", "ActiveDirectory");
        w.WriteStartArray("AssignedRoles");
        if (account.Kind == AccountKind.Admin)
        {
            w.WriteStringValue("Global Administrator");
        }

        w.WriteEndArray();
        w.WriteBoolean("IsServiceAccount", account.Kind == AccountKind.Service);
        w.WriteString("TenantId", Organization.TenantId);
        context.Emit.End();
    }

    private Utf8JsonWriter Begin(string table, DateTime time)
    {
        var w = context.Emit.Begin(table, time);
        w.WriteString("ReportId", _random.NextGuid().ToString());
        return w;
    }

    private static void Account(Utf8JsonWriter w, Account account)
    {
        w.WriteString("AccountName", account.Name);
        w.WriteString("AccountDomain", Organization.DnsDomain);
        w.WriteString("AccountUpn", account.Upn);
        w.WriteString("AccountSid", account.Sid);
        w.WriteString("AccountObjectId", account.ObjectId);
        w.WriteString("AccountDisplayName", account.DisplayName);
    }
}
