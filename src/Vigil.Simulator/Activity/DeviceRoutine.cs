using System.Globalization;
using System.Text.Json;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>
/// One ordinary day of one device: the user's logon and apps, browsing, documents, mail, shell commands, Windows'
/// own background work (scheduled tasks, Defender, updates, telemetry), and the servers' inbound traffic.
/// </summary>
internal sealed class DeviceRoutine(SimulationContext context, DeviceWriter writer, Baseline baseline, DateTime day)
{
    private static readonly string[] Documents =
    [
        "Q4 Budget.xlsx", "Board presentation.docx", "Customer list.xlsx", "Project plan.docx", "Meeting notes.docx",
        "Invoice 2026-118.pdf", "Travel expenses.xlsx", "Architecture.docx", "Onboarding checklist.docx", "Forecast.xlsx",
    ];

    private static readonly string[] ShellCommands =
    [
        "ipconfig /all", "whoami", "hostname", "ping -n 4 fs01", "systeminfo", "tasklist /v", "net use", "dir %USERPROFILE%\\Documents",
    ];

    private static readonly string[] PowerShellCommands =
    [
        "Get-Process | Sort-Object CPU -Descending | Select-Object -First 10", "Get-Service | Where-Object Status -eq Running",
        "Test-NetConnection fs01 -Port 445", "Get-ChildItem $env:USERPROFILE\\Documents -Recurse | Measure-Object",
        "Get-WinEvent -LogName System -MaxEvents 20",
    ];

    private readonly SimRandom _random = SimRandom.For(context.Seed, writer.Device.Name + "|" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    private Device Device => writer.Device;

    /// <summary>Runs the day; returns the user's session when the device is a workstation.</summary>
    public DaySession? Run()
    {
        Background();
        switch (Device.Role)
        {
            case DeviceRole.DomainController:
                DomainControllerTraffic();
                break;
            case DeviceRole.FileServer:
                FileServerTraffic();
                break;
            case DeviceRole.SqlServer:
                SqlServerTraffic();
                break;
            default:
                return Device.PrimaryUser is { } user ? UserDay(user) : null;
        }

        return null;
    }

    private bool Open(DateTime time) => context.InWindow(time) && time < context.End.AddMinutes(-15);

    private Proc Spawn(Proc parent, Image image, string commandLine, DateTime time, Account? account = null, string? integrity = null, long? logonId = null) =>
        context.InWindow(time)
            ? writer.Start(parent, image, commandLine, time, account, integrity, logonId)
            : writer.Existing(image, commandLine, time, account ?? parent.Account, integrity ?? parent.IntegrityLevel, parent, logonId ?? parent.LogonId);

    private DateTime At(double fromHour, double toHour) =>
        day.AddSeconds(_random.NextLong((long)(fromHour * 3600), (long)(toHour * 3600))).AddTicks(_random.Next(10_000_000));

    private void Background()
    {
        // Scheduled tasks, Defender and Windows telemetry around the clock.
        var tasks = _random.Next(6, 12);
        for (var i = 0; i < tasks; i++)
        {
            var time = At(0, 24);
            if (!Open(time))
            {
                continue;
            }

            switch (_random.Next(6))
            {
                case 0:
                    var host = writer.Start(baseline.Netsvcs, Images.TaskHost, "taskhostw.exe Install $(Arg0)", time);
                    writer.Registry(host, @"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Schedule\TaskCache\Tree\Microsoft\Windows\UpdateOrchestrator\Schedule Scan",
                        "RegistryValueSet", time.AddSeconds(1), "Index", "Dword", "3", "2");
                    break;
                case 1:
                    var update = writer.Start(baseline.Netsvcs, Images.MpCmdRun, "\"MpCmdRun.exe\" -SignatureUpdate -ScheduleJob -RestrictPrivileges", time);
                    var wdcp = Destinations.Windows[5];
                    writer.Connect(update, wdcp.Ip, wdcp.Port, wdcp.Url, time.AddSeconds(2));
                    writer.File(baseline.MsMpEng, @"C:\ProgramData\Microsoft\Windows Defender\Definition Updates\Backup\mpasbase.vdm", "FileModified", time.AddSeconds(20), 71_403_512);
                    break;
                case 2:
                    var telemetry = _random.Pick(Destinations.Windows);
                    writer.Connect(baseline.Netsvcs, telemetry.Ip, telemetry.Port, telemetry.Url, time, protocol: telemetry.Port == 123 ? "Udp" : "Tcp");
                    break;
                case 3:
                    writer.Event(baseline.NetworkService, "DnsQueryResponse", time, _ => { },
                        $$"""{"DnsQueryString":"{{_random.Pick(Destinations.Windows).Url}}","DnsQueryResult":[{"DnsQueryType":"A"}]}""");
                    break;
                case 4:
                    var gpupdate = writer.Start(baseline.Netsvcs, Images.Gpupdate, "gpupdate.exe /target:computer", time);
                    if (context.Organization.DomainController is { } dc)
                    {
                        writer.Connect(gpupdate, dc.IpAddress, 445, null, time.AddSeconds(1));
                    }

                    writer.Registry(gpupdate, @"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy\State\Machine\Extension-List\{00000000-0000-0000-0000-000000000000}",
                        "RegistryValueSet", time.AddSeconds(3), "EndTimeLo", "Dword", _random.Next(1_000_000, 2_000_000_000).ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    var path = $@"C:\Windows\Temp\{_random.Hex(8)}.tmp";
                    writer.File(baseline.Netsvcs, path, "FileCreated", time, _random.Next(1_000, 900_000));
                    writer.File(baseline.Netsvcs, path, "FileDeleted", time.AddSeconds(_random.Next(5, 300)), 0);
                    break;
            }
        }

        // The sensor reports the service's listening ports once a day.
        var listen = At(0, 1);
        if (Open(listen))
        {
            writer.Connect(baseline.Services, "0.0.0.0", 0, null, listen, "ListeningConnectionCreated", localPort: 135);
        }
    }

    private DaySession UserDay(Account user)
    {
        var logon = At(7.75, 9.5);
        var logonId = writer.NewLogonId();
        if (Open(logon))
        {
            writer.Logon(baseline.Winlogon, user, "Interactive", logon, logonId, protocol: "Kerberos");
            if (context.Organization.DomainController is { } dc)
            {
                context.Identity.DomainLogon(user, Device, dc, logon, "Kerberos", "Interactive");
            }
        }

        var userinit = Spawn(baseline.Winlogon, Images.Userinit, @"C:\Windows\system32\userinit.exe", logon.AddSeconds(2), user, "Medium", logonId);
        var explorer = Spawn(userinit, Images.Explorer, @"C:\Windows\Explorer.EXE", logon.AddSeconds(3));
        var outlook = Spawn(explorer, Images.Outlook, "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE\" ", logon.AddMinutes(1));
        Spawn(explorer, Images.Teams, "\"ms-teams.exe\" msteams:system-initiated", logon.AddSeconds(40));
        var oneDrive = Spawn(explorer, Images.OneDrive, "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background", logon.AddSeconds(20));
        var chrome = (Device.Index & 1) == 0;
        var browser = Spawn(explorer, chrome ? Images.Chrome : Images.Edge,
            chrome ? "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" " : "\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --single-argument https://www.office.com/",
            logon.AddMinutes(3));
        var session = new DaySession(user, logonId, logon, explorer, outlook, browser);

        var unlock = At(12.5, 14);
        if (Open(unlock))
        {
            writer.Logon(baseline.Winlogon, user, "Unlock", unlock, writer.NewLogonId(), protocol: "Negotiate");
        }

        var activities = _random.Next(18, 34);
        var times = new DateTime[activities];
        for (var i = 0; i < activities; i++)
        {
            times[i] = At(9.5, 17.75);
        }

        Array.Sort(times);
        foreach (var time in times)
        {
            if (Open(time))
            {
                Activity(session, oneDrive, time);
            }
        }

        return session;
    }

    private void Activity(DaySession session, Proc oneDrive, DateTime time)
    {
        var user = session.User;
        var home = $@"C:\Users\{user.Name}";
        var roll = _random.Next(100);
        if (roll < 30)
        {
            // Browsing: DNS, connections, sometimes a download.
            var site = _random.Pick(Destinations.Web);
            writer.Event(session.Browser, "DnsQueryResponse", time, _ => { }, $$"""{"DnsQueryString":"{{site.Url}}","DnsQueryResult":[{"DnsQueryType":"A","Address":"{{site.Ip}}"}]}""");
            var connections = _random.Next(1, 5);
            for (var i = 0; i < connections; i++)
            {
                var target = i == 0 ? site : _random.Pick(Destinations.Web);
                writer.Connect(session.Browser, target.Ip, target.Port, target.Url, time.AddMilliseconds(200 + (i * _random.Next(300, 5000))));
            }

            if (_random.Chance(0.2))
            {
                var file = _random.Pick(["report.pdf", "setup.msi", "data-export.csv", "slides.pptx", "tools.zip"]);
                writer.File(session.Browser, $@"{home}\Downloads\{file}", "FileCreated", time.AddSeconds(4), _random.Next(20_000, 30_000_000),
                    originUrl: $"https://{site.Url}/download/{file}", originIp: site.Ip);
            }
        }
        else if (roll < 50)
        {
            var excel = _random.Chance(0.4);
            var name = _random.Pick(Documents);
            var app = writer.Start(session.Explorer, excel ? Images.Excel : Images.Word,
                $"\"{(excel ? Images.Excel : Images.Word).Path}\" /n \"{home}\\Documents\\{name}\" /o \"\"", time);
            writer.File(app, $@"{home}\Documents\{name}", "FileModified", time.AddMinutes(_random.Next(2, 30)), _random.Next(12_000, 4_000_000));
            var office = Destinations.Office[4];
            writer.Connect(app, office.Ip, office.Port, office.Url, time.AddSeconds(3));
            writer.Registry(app, $@"HKEY_CURRENT_USER\{user.Sid}\SOFTWARE\Microsoft\Office\16.0\{(excel ? "Excel" : "Word")}\File MRU", "RegistryValueSet",
                time.AddSeconds(5), "Item 1", "String", $"[F00000000][T01DB{_random.Hex(12).ToUpperInvariant()}][O00000000]*{home}\\Documents\\{name}");
        }
        else if (roll < 65)
        {
            var exchange = Destinations.Office[0];
            writer.Connect(session.Outlook, exchange.Ip, exchange.Port, exchange.Url, time);
            if (_random.Chance(0.3))
            {
                var attachment = _random.Pick(["Invoice.pdf", "Agenda.docx", "Figures.xlsx", "Contract.pdf"]);
                writer.File(session.Outlook, $@"{home}\AppData\Local\Microsoft\Windows\INetCache\Content.Outlook\{_random.Hex(8).ToUpperInvariant()}\{attachment}",
                    "FileCreated", time.AddSeconds(2), _random.Next(30_000, 2_000_000));
            }
        }
        else if (roll < 75)
        {
            var teams = Destinations.Office[2];
            writer.Connect(session.Browser, teams.Ip, teams.Port, teams.Url, time);
            var login = Destinations.Office[1];
            writer.Connect(session.Outlook, login.Ip, login.Port, login.Url, time.AddSeconds(1));
        }
        else if (roll < 85)
        {
            Shell(session, time);
        }
        else if (roll < 95)
        {
            var name = _random.Pick(Documents);
            var path = $@"{home}\OneDrive - Contoso\{name}";
            writer.File(oneDrive, path, _random.Chance(0.8) ? "FileModified" : "FileCreated", time, _random.Next(12_000, 4_000_000));
            var sharePoint = Destinations.Office[3];
            writer.Connect(oneDrive, sharePoint.Ip, sharePoint.Port, sharePoint.Url, time.AddSeconds(2));
            if (_random.Chance(0.2))
            {
                writer.File(session.Explorer, path, "FileRenamed", time.AddSeconds(30), _random.Next(12_000, 4_000_000), previousPath: $@"{home}\Documents\{name}");
            }
        }
        else
        {
            writer.Registry(session.Explorer, $@"HKEY_CURRENT_USER\{user.Sid}\SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\RecentDocs\.docx", "RegistryValueSet",
                time, _random.Next(0, 20).ToString(CultureInfo.InvariantCulture), "Binary", _random.Hex(32));
            if (_random.Chance(0.3))
            {
                writer.Event(baseline.DcomLaunch, "PnpDeviceConnected", time.AddSeconds(1), _ => { },
                    """{"ClassName":"DiskDrive","ClassId":"{4d36e967-e325-11ce-bfc1-08002be10318}","DeviceDescription":"Disk drive","DeviceId":"USBSTOR\\DISK&VEN_GENERIC&PROD_USB_DISK_3.0","VendorIds":"USBSTOR\\GenDisk"}""");
                writer.Event(session.Explorer, "UsbDriveMounted", time.AddSeconds(2), _ => { },
                    $$"""{"DriveLetter":"E:","ProductName":"USB DISK 3.0","Manufacturer":"Generic","SerialNumber":"{{_random.Hex(16).ToUpperInvariant()}}","Volume":"\\\\?\\Volume{{{_random.NextGuid()}}}"}""");
            }
        }
    }

    private void Shell(DaySession session, DateTime time)
    {
        if (_random.Chance(0.6))
        {
            var command = _random.Pick(ShellCommands);
            var cmd = writer.Start(session.Explorer, Images.Cmd, "\"cmd.exe\" ", time);
            writer.Start(cmd, Images.Conhost, @"\??\C:\Windows\system32\conhost.exe 0xffffffff -ForceV1", time.AddMilliseconds(30));
            var tool = command.Split(' ')[0] switch
            {
                "ipconfig" => Images.Ipconfig,
                "whoami" => Images.Whoami,
                "tasklist" => Images.Tasklist,
                "net" => Images.Net,
                _ => null,
            };
            if (tool is not null)
            {
                writer.Start(cmd, tool, command, time.AddSeconds(_random.Next(3, 40)));
            }
        }
        else
        {
            var command = _random.Pick(PowerShellCommands);
            var shell = writer.Start(session.Explorer, Images.PowerShell, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" ", time);
            writer.Start(shell, Images.Conhost, @"\??\C:\Windows\system32\conhost.exe 0xffffffff -ForceV1", time.AddMilliseconds(30));
            writer.Event(shell, "PowerShellCommand", time.AddSeconds(_random.Next(5, 60)), _ => { },
                "{\"Command\":" + JsonSerializer.Serialize(command.Split(' ')[0]) + "}");
        }
    }

    private void DomainControllerTraffic()
    {
        foreach (var client in context.Organization.Devices)
        {
            if (client == Device)
            {
                continue;
            }

            var count = _random.Next(2, 6);
            for (var i = 0; i < count; i++)
            {
                var time = At(7, 19);
                if (!Open(time))
                {
                    continue;
                }

                var (port, process) = _random.Next(3) switch
                {
                    0 => (88, baseline.Lsass),
                    1 => (389, baseline.Lsass),
                    _ => (445, baseline.Kernel),
                };
                writer.Connect(process, client.IpAddress, _random.Next(49152, 65535), null, time, "InboundConnectionAccepted", localPort: port);
                if (port == 445 && client.PrimaryUser is { } user)
                {
                    writer.Logon(baseline.Lsass, user, "Network", time.AddMilliseconds(5), writer.NewLogonId(), protocol: "Kerberos", from: client);
                }
            }
        }
    }

    private void FileServerTraffic()
    {
        foreach (var client in context.Organization.Devices)
        {
            if (client.PrimaryUser is not { } user)
            {
                continue;
            }

            var count = _random.Next(1, 5);
            for (var i = 0; i < count; i++)
            {
                var time = At(9, 17.5);
                if (!Open(time))
                {
                    continue;
                }

                writer.Logon(baseline.Lsass, user, "Network", time, writer.NewLogonId(), protocol: "Kerberos", from: client);
                writer.Connect(baseline.Kernel, client.IpAddress, _random.Next(49152, 65535), null, time, "InboundConnectionAccepted", localPort: 445);
                var name = _random.Pick(Documents);
                writer.File(baseline.Kernel, $@"D:\Shares\{user.Department}\{name}", _random.Chance(0.7) ? "FileModified" : "FileCreated", time.AddSeconds(1),
                    _random.Next(12_000, 4_000_000), shareName: user.Department, requestSourceIp: client.IpAddress, requester: user);
                if (context.Organization.DomainController is { } dc)
                {
                    context.Identity.DomainLogon(user, client, dc, time, "Kerberos", "Resource access", Device);
                }
            }
        }

        var backup = At(1, 3);
        if (Open(backup))
        {
            var account = context.Organization.ServiceAccounts[1];
            var logonId = writer.NewLogonId();
            writer.Logon(baseline.Services, account, "Batch", backup, logonId, protocol: "Kerberos");
            var job = writer.Start(baseline.Netsvcs, Images.PowerShell, "powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\Scripts\\Backup-Shares.ps1", backup.AddSeconds(1), account, "High", logonId);
            writer.File(job, $@"E:\Backup\shares-{day:yyyyMMdd}.zip", "FileCreated", backup.AddMinutes(20), _random.Next(200_000_000, 900_000_000));
        }
    }

    private void SqlServerTraffic()
    {
        var sql = baseline.Sql!;
        var start = At(0, 1);
        if (Open(start))
        {
            writer.Logon(baseline.Services, context.Organization.ServiceAccounts[0], "Service", start, writer.NewLogonId(), protocol: "Negotiate");
        }

        foreach (var client in context.Organization.Devices)
        {
            if (client.Role != DeviceRole.Workstation || !_random.Chance(0.5))
            {
                continue;
            }

            var time = At(9, 17);
            if (Open(time))
            {
                writer.Connect(sql, client.IpAddress, _random.Next(49152, 65535), null, time, "InboundConnectionAccepted", localPort: 1433);
            }
        }
    }
}
