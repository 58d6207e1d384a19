using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>
/// A device's long-running processes (the boot chain, services, Defender), started before the simulated time, so
/// the first events of the simulation already have consistent parents.
/// </summary>
internal sealed class Baseline
{
    public Baseline(DeviceWriter writer, DateTime bootTime)
    {
        var system = Account.System;
        Kernel = writer.Existing(Images.System, "", bootTime, system, "System", null);
        var smss = writer.Existing(Images.Smss, @"\SystemRoot\System32\smss.exe", bootTime.AddSeconds(1), system, "System", Kernel);
        Wininit = writer.Existing(Images.Wininit, "wininit.exe", bootTime.AddSeconds(4), system, "System", smss);
        Services = writer.Existing(Images.Services, @"C:\Windows\system32\services.exe", bootTime.AddSeconds(5), system, "System", Wininit);
        Lsass = writer.Existing(Images.Lsass, @"C:\Windows\system32\lsass.exe", bootTime.AddSeconds(5), system, "System", Wininit);
        Winlogon = writer.Existing(Images.Winlogon, "winlogon.exe", bootTime.AddSeconds(6), system, "System", smss);
        DcomLaunch = writer.Existing(Images.Svchost, @"C:\Windows\system32\svchost.exe -k DcomLaunch -p", bootTime.AddSeconds(7), system, "System", Services);
        Netsvcs = writer.Existing(Images.Svchost, @"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule", bootTime.AddSeconds(9), system, "System", Services);
        NetworkService = writer.Existing(Images.Svchost, @"C:\Windows\System32\svchost.exe -k NetworkService -p -s Dnscache", bootTime.AddSeconds(9), Account.NetworkService, "System", Services);
        MsMpEng = writer.Existing(Images.MsMpEng, "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe\"", bootTime.AddSeconds(12), system, "System", Services);
        SenseIr = writer.Existing(Images.SenseIr, "\"SenseIR.exe\" \"OnlineSenseIR\"", bootTime.AddSeconds(30), system, "System", Services);
        WmiPrvSe = writer.Existing(Images.WmiPrvSe, @"C:\Windows\system32\wbem\wmiprvse.exe -secured -Embedding", bootTime.AddSeconds(40), Account.NetworkService, "System", DcomLaunch);
        Sql = writer.Device.Role == DeviceRole.SqlServer
            ? writer.Existing(Images.Sqlservr, "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe\" -sMSSQLSERVER", bootTime.AddSeconds(60), Account.NetworkService, "High", Services)
            : null;
    }

    public Proc Kernel { get; }

    public Proc Wininit { get; }

    public Proc Services { get; }

    public Proc Lsass { get; }

    public Proc Winlogon { get; }

    public Proc DcomLaunch { get; }

    public Proc Netsvcs { get; }

    public Proc NetworkService { get; }

    public Proc MsMpEng { get; }

    public Proc SenseIr { get; }

    public Proc WmiPrvSe { get; }

    public Proc? Sql { get; }
}
