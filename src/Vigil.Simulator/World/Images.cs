namespace Vigil.Simulator.World;

/// <summary>The executables and libraries of the simulated estate (Windows, Office, browsers, tools, and malware).</summary>
internal static class Images
{
    private const string Ms = "Microsoft Corporation";
    private const string Os = "Microsoft® Windows® Operating System";
    private const string WinVer = "10.0.22621.3527";

    private static Image Win(string path, string description, long size, string? original = null) =>
        new(path, Ms, Os, description, WinVer, size, original);

    public static readonly Image System = Win(@"C:\Windows\System32\ntoskrnl.exe", "NT Kernel & System", 11_345_680, "ntoskrnl.exe");
    public static readonly Image Smss = Win(@"C:\Windows\System32\smss.exe", "Windows Session Manager", 160_768);
    public static readonly Image Wininit = Win(@"C:\Windows\System32\wininit.exe", "Windows Start-Up Application", 470_016);
    public static readonly Image Winlogon = Win(@"C:\Windows\System32\winlogon.exe", "Windows Logon Application", 933_888);
    public static readonly Image Services = Win(@"C:\Windows\System32\services.exe", "Services and Controller app", 715_264);
    public static readonly Image Lsass = Win(@"C:\Windows\System32\lsass.exe", "Local Security Authority Process", 84_256);
    public static readonly Image Svchost = Win(@"C:\Windows\System32\svchost.exe", "Host Process for Windows Services", 55_320);
    public static readonly Image Userinit = Win(@"C:\Windows\System32\userinit.exe", "Userinit Logon Application", 35_328);
    public static readonly Image Explorer = Win(@"C:\Windows\explorer.exe", "Windows Explorer", 5_490_232, "EXPLORER.EXE");
    public static readonly Image Cmd = Win(@"C:\Windows\System32\cmd.exe", "Windows Command Processor", 323_584, "Cmd.Exe");
    public static readonly Image Conhost = Win(@"C:\Windows\System32\conhost.exe", "Console Window Host", 1_040_384, "CONHOST.EXE");
    public static readonly Image PowerShell = Win(@"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe", "Windows PowerShell", 450_560, "PowerShell.EXE");
    public static readonly Image TaskHost = Win(@"C:\Windows\System32\taskhostw.exe", "Host Process for Windows Tasks", 101_888);
    public static readonly Image WmiPrvSe = Win(@"C:\Windows\System32\wbem\WmiPrvSE.exe", "WMI Provider Host", 496_640, "Wmiprvse.exe");
    public static readonly Image Rundll32 = Win(@"C:\Windows\System32\rundll32.exe", "Windows host process (Rundll32)", 71_680, "RUNDLL32.EXE");
    public static readonly Image Regsvr32 = Win(@"C:\Windows\System32\regsvr32.exe", "Microsoft(C) Register Server", 25_600, "REGSVR32.EXE");
    public static readonly Image Mshta = Win(@"C:\Windows\System32\mshta.exe", "Microsoft (R) HTML Application host", 26_112, "MSHTA.EXE");
    public static readonly Image Certutil = Win(@"C:\Windows\System32\certutil.exe", "CertUtil.exe", 1_548_288, "CertUtil.exe");
    public static readonly Image Bitsadmin = Win(@"C:\Windows\System32\bitsadmin.exe", "BITS administration utility", 201_216, "bitsadmin.exe");
    public static readonly Image Schtasks = Win(@"C:\Windows\System32\schtasks.exe", "Task Scheduler Configuration Tool", 235_008, "schtasks.exe");
    public static readonly Image Reg = Win(@"C:\Windows\System32\reg.exe", "Registry Console Tool", 77_824, "reg.exe");
    public static readonly Image Net = Win(@"C:\Windows\System32\net.exe", "Net Command", 57_344, "net.exe");
    public static readonly Image Net1 = Win(@"C:\Windows\System32\net1.exe", "Net Command", 172_032, "net1.exe");
    public static readonly Image Whoami = Win(@"C:\Windows\System32\whoami.exe", "whoami - displays logged on user information", 71_168, "whoami.exe");
    public static readonly Image Ipconfig = Win(@"C:\Windows\System32\ipconfig.exe", "IP Configuration Utility", 35_840, "ipconfig.exe");
    public static readonly Image Nltest = Win(@"C:\Windows\System32\nltest.exe", "Microsoft® Logon Server Test Utility", 462_336, "nltestrk.exe");
    public static readonly Image Wmic = Win(@"C:\Windows\System32\wbem\WMIC.exe", "WMI Commandline Utility", 512_000, "wmic.exe");
    public static readonly Image Vssadmin = Win(@"C:\Windows\System32\vssadmin.exe", "Command Line Interface for Microsoft® Volume Shadow Copy Service", 143_360, "VSSADMIN.EXE");
    public static readonly Image Tasklist = Win(@"C:\Windows\System32\tasklist.exe", "Lists the current running tasks", 97_792, "tasklist.exe");
    public static readonly Image Gpupdate = Win(@"C:\Windows\System32\gpupdate.exe", "Microsoft® Group Policy Update Utility", 30_720, "GPUpdate.exe");
    public static readonly Image Msiexec = Win(@"C:\Windows\System32\msiexec.exe", "Windows® installer", 69_632, "msiexec.exe");
    public static readonly Image SearchIndexer = Win(@"C:\Windows\System32\SearchIndexer.exe", "Microsoft Windows Search Indexer", 1_043_456, "SearchIndexer.exe");
    public static readonly Image Notepad = Win(@"C:\Windows\System32\notepad.exe", "Notepad", 201_216, "NOTEPAD.EXE");
    public static readonly Image Mstsc = Win(@"C:\Windows\System32\mstsc.exe", "Remote Desktop Connection", 1_359_872, "mstsc.exe");
    public static readonly Image Sqlservr = new(@"C:\Program Files\Microsoft SQL Server\MSSQL15.MSSQLSERVER\MSSQL\Binn\sqlservr.exe", Ms, "Microsoft SQL Server", "SQL Server Windows NT - 64 Bit", "2019.150.4345.5", 512_704, signer: "Microsoft Corporation");
    public static readonly Image MsMpEng = new(@"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MsMpEng.exe", Ms, "Microsoft® Windows® Operating System", "Antimalware Service Executable", "4.18.24090.11", 133_576, signer: "Microsoft Corporation");
    public static readonly Image SenseIr = new(@"C:\Program Files\Windows Defender Advanced Threat Protection\SenseIR.exe", Ms, "Microsoft® Windows® Operating System", "Windows Defender Advanced Threat Protection Automated Investigation", "10.8760.22621.3527", 2_617_856, signer: "Microsoft Corporation");
    public static readonly Image MpCmdRun = new(@"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe", Ms, "Microsoft® Windows® Operating System", "Microsoft Malware Protection Command Line Utility", "4.18.24090.11", 1_582_920, signer: "Microsoft Corporation");
    public static readonly Image Chrome = new(@"C:\Program Files\Google\Chrome\Application\chrome.exe", "Google LLC", "Google Chrome", "Google Chrome", "131.0.6778.86", 2_797_080, signer: "Google LLC");
    public static readonly Image Edge = new(@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", Ms, "Microsoft Edge", "Microsoft Edge", "131.0.2903.70", 4_191_784, signer: "Microsoft Corporation");
    public static readonly Image Outlook = new(@"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", Ms, "Microsoft Outlook", "Microsoft Outlook", "16.0.17928.20216", 43_372_448, signer: "Microsoft Corporation");
    public static readonly Image Word = new(@"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE", Ms, "Microsoft Office", "Microsoft Word", "16.0.17928.20216", 1_637_296, signer: "Microsoft Corporation");
    public static readonly Image Excel = new(@"C:\Program Files\Microsoft Office\root\Office16\EXCEL.EXE", Ms, "Microsoft Office", "Microsoft Excel", "16.0.17928.20216", 68_921_264, signer: "Microsoft Corporation");
    public static readonly Image Teams = new(@"C:\Program Files\WindowsApps\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\ms-teams.exe", Ms, "Microsoft Teams", "Microsoft Teams", "24295.605.3225.8804", 5_218_744, signer: "Microsoft Corporation");
    public static readonly Image OneDrive = new(@"C:\Program Files\Microsoft OneDrive\OneDrive.exe", Ms, "Microsoft OneDrive", "Microsoft OneDrive", "24.211.1020.0002", 3_513_160, signer: "Microsoft Corporation");
    public static readonly Image PsExec = new(@"C:\Windows\PSEXESVC.exe", "Sysinternals - www.sysinternals.com", "Sysinternals PsExec", "PsExec Service", "2.43", 199_536, "psexesvc.exe", "Microsoft Corporation");
    public static readonly Image ProcDump = new(@"C:\Users\Public\procdump64.exe", "Sysinternals - www.sysinternals.com", "ProcDump", "Sysinternals process dump utility", "11.0", 424_856, "procdump", "Microsoft Corporation");
    public static readonly Image Mimikatz = new(@"C:\Users\Public\Music\mimikatz.exe", "gentilkiwi (Benjamin DELPY)", "mimikatz", "mimikatz for Windows", "2.2.0.0", 1_355_264, "mimikatz.exe", "");
    public static readonly Image Implant = new(@"C:\ProgramData\Microsoft\Crypto\updater.exe", "", "", "", "", 286_720, "updater.exe", "");

    // Libraries, as DeviceImageLoadEvents sees them.
    public static readonly Image Ntdll = Win(@"C:\Windows\System32\ntdll.dll", "NT Layer DLL", 2_191_216, "ntdll.dll");
    public static readonly Image Kernel32 = Win(@"C:\Windows\System32\kernel32.dll", "Windows NT BASE API Client DLL", 788_752, "kernel32");
    public static readonly Image Amsi = Win(@"C:\Windows\System32\amsi.dll", "Anti-Malware Scan Interface", 98_304, "amsi.dll");
    public static readonly Image Clr = new(@"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\clr.dll", Ms, "Microsoft® .NET Framework", "Microsoft .NET Runtime Common Language Runtime - WorkStation", "4.8.9241.0", 10_516_808, "clr.dll", "Microsoft Corporation");
    public static readonly Image Automation = new(@"C:\Windows\assembly\NativeImages_v4.0.30319_64\System.Manaa57fc8cc#\e4a2a5e6f8a3b4e2c1d0a9f8e7d6c5b4\System.Management.Automation.ni.dll", Ms, "Microsoft (R) Windows (R) Operating System", "System.Management.Automation", "10.0.22621.1", 33_120_256, "System.Management.Automation.dll", "Microsoft Corporation");
    public static readonly Image Vbe7 = new(@"C:\Program Files\Common Files\Microsoft Shared\VBA\VBA7.1\VBE7.DLL", Ms, "Microsoft Visual Basic for Applications", "Visual Basic for Applications Runtime", "7.1.11.35", 3_585_456, "VBE7.DLL", "Microsoft Corporation");
    public static readonly Image Comsvcs = Win(@"C:\Windows\System32\comsvcs.dll", "COM+ Services", 1_273_344, "comsvcs.dll");
    public static readonly Image Samlib = Win(@"C:\Windows\System32\samlib.dll", "SAM Library DLL", 147_456, "samlib.dll");
    public static readonly Image Winhttp = Win(@"C:\Windows\System32\winhttp.dll", "Windows HTTP Services", 1_044_480, "winhttp.dll");
    public static readonly Image Dbghelp = Win(@"C:\Windows\System32\dbghelp.dll", "Windows Image Helper", 1_953_792, "DBGHELP.DLL");
    public static readonly Image Vaultcli = Win(@"C:\Windows\System32\vaultcli.dll", "Credential Vault Client Library", 385_024, "vaultcli.dll");
    public static readonly Image Scrobj = Win(@"C:\Windows\System32\scrobj.dll", "Windows ® Script Component Runtime", 61_440, "scrobj.dll");

    /// <summary>The libraries a process of this image loads when it starts.</summary>
    public static IReadOnlyList<Image> LoadsOf(Image image)
    {
        if (image == PowerShell)
        {
            return [Ntdll, Kernel32, Clr, Automation, Amsi];
        }

        if (image == Word || image == Excel)
        {
            return [Ntdll, Kernel32, Vbe7];
        }

        if (image == Mimikatz)
        {
            return [Ntdll, Kernel32, Samlib, Vaultcli, Dbghelp];
        }

        if (image == ProcDump)
        {
            return [Ntdll, Kernel32, Dbghelp];
        }

        if (image == Chrome || image == Edge || image == Implant || image == Outlook || image == Teams || image == OneDrive)
        {
            return [Ntdll, Kernel32, Winhttp];
        }

        if (image == Regsvr32)
        {
            return [Ntdll, Kernel32, Scrobj];
        }

        return [Ntdll, Kernel32];
    }
}
