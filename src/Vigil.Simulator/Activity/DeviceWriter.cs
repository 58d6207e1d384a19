using System.Text.Json;
using Vigil.Simulator.Output;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>
/// Writes one device's events. Every row names the device and, through the <see cref="Proc"/> that caused it,
/// the initiating process, its parent and its account the same way in every table; process ids only grow, and a
/// signed file's certificate is reported (DeviceFileCertificateInfo) the first time the device sees the file.
/// </summary>
internal sealed class DeviceWriter
{
    private readonly HashSet<string> _certified = new(StringComparer.Ordinal);
    private readonly RowEmitter _emit;
    private readonly SimRandom _random;
    private long _nextPid;
    private long _nextLogonId;

    public DeviceWriter(Device device, RowEmitter emit, SimRandom random)
    {
        Device = device;
        _emit = emit;
        _random = random;
        _nextPid = 1000 + (random.Next(100) * 4);
        _nextLogonId = 0x3E7 + 1000 + random.Next(5000);
    }

    public Device Device { get; }

    public SimRandom Random => _random;

    public long NewLogonId() => _nextLogonId += _random.Next(16, 4000);

    /// <summary>A process that exists without a ProcessCreated row (it started before the simulated time).</summary>
    public Proc Existing(Image image, string commandLine, DateTime created, Account account, string integrity, Proc? parent, long logonId = 0) =>
        new(image, NextPid(), commandLine, created, account, account.LogonIdFor(logonId), integrity, parent, account.IsBuiltin ? 0 : 1);

    /// <summary>Starts a process: a ProcessCreated row, then the libraries it loads.</summary>
    public Proc Start(Proc parent, Image image, string commandLine, DateTime time, Account? account = null, string? integrity = null, long? logonId = null)
    {
        account ??= parent.Account;
        var proc = new Proc(image, NextPid(), commandLine, time, account, account.LogonIdFor(logonId ?? parent.LogonId),
            integrity ?? parent.IntegrityLevel, parent, account.IsBuiltin ? 0 : parent.SessionId);
        var w = Begin("DeviceProcessEvents", time);
        w.WriteString("ActionType", "ProcessCreated");
        WriteFile(w, image, versionInfo: true);
        w.WriteNumber("ProcessId", proc.Id);
        w.WriteString("ProcessCommandLine", commandLine);
        w.WriteString("ProcessIntegrityLevel", proc.IntegrityLevel);
        w.WriteString("ProcessTokenElevation", proc.TokenElevation);
        w.WriteString("ProcessCreationTime", time);
        WriteAccount(w, "", account);
        w.WriteNumber("LogonId", proc.LogonId);
        w.WriteNumber("CreatedProcessSessionId", proc.SessionId);
        w.WriteBoolean("IsProcessRemoteSession", false);
        w.WriteString("ProcessUniqueId", UniqueId(proc));
        Initiating(w, parent, InitiatingColumns.LogonId | InitiatingColumns.Integrity | InitiatingColumns.Signature);
        w.WriteString("InitiatingProcessUniqueId", UniqueId(parent));
        _emit.End();

        var at = time;
        foreach (var library in Images.LoadsOf(image))
        {
            at = at.AddMilliseconds(_random.Next(2, 40));
            LoadImage(proc, library, at);
        }

        return proc;
    }

    public void LoadImage(Proc proc, Image library, DateTime time)
    {
        var w = Begin("DeviceImageLoadEvents", time);
        w.WriteString("ActionType", "ImageLoaded");
        WriteFile(w, library, versionInfo: false);
        Initiating(w, proc, InitiatingColumns.Integrity);
        _emit.End();
        Certify(library, time);
        Certify(proc.Image, time);
    }

    /// <summary>A network event of <paramref name="proc"/> (ConnectionSuccess, ConnectionFailed, InboundConnectionAccepted...).</summary>
    public void Connect(Proc proc, string remoteIp, int remotePort, string? remoteUrl, DateTime time, string actionType = "ConnectionSuccess", string protocol = "Tcp", int? localPort = null)
    {
        var w = Begin("DeviceNetworkEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("RemoteIP", remoteIp);
        w.WriteNumber("RemotePort", remotePort);
        if (remoteUrl is not null)
        {
            w.WriteString("RemoteUrl", remoteUrl);
        }

        w.WriteString("LocalIP", Device.IpAddress);
        w.WriteNumber("LocalPort", localPort ?? _random.Next(49152, 65535));
        w.WriteString("Protocol", protocol);
        w.WriteString("LocalIPType", "Private");
        w.WriteString("RemoteIPType", remoteIp.StartsWith("10.", StringComparison.Ordinal) ? "Private" : "Public");
        Initiating(w, proc, InitiatingColumns.Integrity);
        _emit.End();
    }

    /// <summary>A file event: FileCreated, FileModified, FileDeleted or FileRenamed.</summary>
    public void File(Proc proc, string path, string actionType, DateTime time, long size, string? originUrl = null, string? originIp = null,
        string? previousPath = null, string? shareName = null, string? requestSourceIp = null, Account? requester = null, Digests? hashes = null)
    {
        hashes ??= Digests.Of(path.ToLowerInvariant() + "|" + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var w = Begin("DeviceFileEvents", time);
        w.WriteString("ActionType", actionType);
        var slash = path.LastIndexOf('\\');
        w.WriteString("FileName", path[(slash + 1)..]);
        w.WriteString("FolderPath", path);
        w.WriteString("SHA1", hashes.Sha1);
        w.WriteString("SHA256", hashes.Sha256);
        w.WriteString("MD5", hashes.Md5);
        w.WriteNumber("FileSize", size);
        if (originUrl is not null)
        {
            w.WriteString("FileOriginUrl", originUrl);
            w.WriteString("FileOriginReferrerUrl", originUrl[..(originUrl.IndexOf('/', 8) is var end and > 0 ? end + 1 : originUrl.Length)]);
        }

        if (originIp is not null)
        {
            w.WriteString("FileOriginIP", originIp);
        }

        if (previousPath is not null)
        {
            var previousSlash = previousPath.LastIndexOf('\\');
            w.WriteString("PreviousFolderPath", previousPath[..previousSlash]);
            w.WriteString("PreviousFileName", previousPath[(previousSlash + 1)..]);
        }

        if (shareName is not null)
        {
            w.WriteString("RequestProtocol", "SMB");
            w.WriteString("ShareName", shareName);
            w.WriteString("RequestSourceIP", requestSourceIp);
            w.WriteNumber("RequestSourcePort", _random.Next(49152, 65535));
            if (requester is not null)
            {
                w.WriteString("RequestAccountName", requester.Name);
                w.WriteString("RequestAccountDomain", requester.Domain);
                w.WriteString("RequestAccountSid", requester.Sid);
            }
        }
        else
        {
            w.WriteString("RequestProtocol", "Local");
        }

        w.WriteBoolean("IsAzureInfoProtectionApplied", false);
        Initiating(w, proc, InitiatingColumns.Integrity);
        _emit.End();
    }

    /// <summary>A registry event: RegistryValueSet, RegistryKeyCreated, RegistryValueDeleted or RegistryKeyDeleted.</summary>
    public void Registry(Proc proc, string key, string actionType, DateTime time, string? valueName = null, string? valueType = null, string? valueData = null, string? previousData = null)
    {
        var w = Begin("DeviceRegistryEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("RegistryKey", key);
        if (valueName is not null)
        {
            w.WriteString("RegistryValueName", valueName);
            w.WriteString("RegistryValueType", valueType ?? "String");
            w.WriteString("RegistryValueData", valueData ?? "");
        }

        if (previousData is not null)
        {
            w.WriteString("PreviousRegistryKey", key);
            w.WriteString("PreviousRegistryValueName", valueName);
            w.WriteString("PreviousRegistryValueData", previousData);
        }

        Initiating(w, proc, InitiatingColumns.Integrity);
        _emit.End();
    }

    /// <summary>A logon on this device (LogonSuccess, LogonFailed, LogonAttempted).</summary>
    public void Logon(Proc proc, Account account, string logonType, DateTime time, long logonId, string actionType = "LogonSuccess", string protocol = "Negotiate",
        string? failureReason = null, Device? from = null, string? remoteIp = null, bool isLocalAdmin = false)
    {
        var w = Begin("DeviceLogonEvents", time);
        w.WriteString("ActionType", actionType);
        w.WriteString("LogonType", logonType);
        WriteAccount(w, "", account, upn: false);
        w.WriteString("Protocol", protocol);
        if (failureReason is not null)
        {
            w.WriteString("FailureReason", failureReason);
        }

        w.WriteBoolean("IsLocalAdmin", isLocalAdmin);
        w.WriteNumber("LogonId", logonId);
        if (from is not null || remoteIp is not null)
        {
            if (from is not null)
            {
                w.WriteString("RemoteDeviceName", from.HostName);
            }

            var ip = remoteIp ?? from!.IpAddress;
            w.WriteString("RemoteIP", ip);
            w.WriteString("RemoteIPType", ip.StartsWith("10.", StringComparison.Ordinal) ? "Private" : "Public");
            w.WriteNumber("RemotePort", _random.Next(49152, 65535));
        }

        WriteAdditional(w, """{"IsLocalLogon":""" + (logonType is "Interactive" or "Unlock" or "CachedInteractive" ? "true" : "false") + "}");
        Initiating(w, proc, InitiatingColumns.Integrity);
        _emit.End();
    }

    /// <summary>
    /// A DeviceEvents row (the miscellaneous table): <paramref name="fill"/> writes the columns of this ActionType.
    /// </summary>
    public void Event(Proc proc, string actionType, DateTime time, Action<Utf8JsonWriter> fill, string? additionalFields = null)
    {
        var w = Begin("DeviceEvents", time);
        w.WriteString("ActionType", actionType);
        fill(w);
        if (additionalFields is not null)
        {
            WriteAdditional(w, additionalFields);
        }

        Initiating(w, proc, InitiatingColumns.LogonId);
        _emit.End();
    }

    /// <summary>The target process columns of a DeviceEvents row about another process (OpenProcessApiCall...).</summary>
    public static void TargetProcess(Utf8JsonWriter w, Proc target)
    {
        WriteFile(w, target.Image, versionInfo: false);
        w.WriteNumber("ProcessId", target.Id);
        w.WriteString("ProcessCommandLine", target.CommandLine);
        w.WriteString("ProcessCreationTime", target.Created);
        w.WriteString("ProcessTokenElevation", target.TokenElevation);
    }

    public static void WriteAdditional(Utf8JsonWriter w, string json)
    {
        w.WritePropertyName("AdditionalFields");
        w.WriteRawValue(json, skipInputValidation: true);
    }

    private Utf8JsonWriter Begin(string table, DateTime time)
    {
        var w = _emit.Begin(table, time);
        w.WriteString("DeviceId", Device.DeviceId);
        w.WriteString("DeviceName", Device.Name);
        w.WriteString("MachineGroup", Device.MachineGroup);
        w.WriteNumber("ReportId", _emit.NextReportId());
        return w;
    }

    /// <summary>Reports a signed file's certificate the first time this device sees the file.</summary>
    private void Certify(Image image, DateTime time)
    {
        if (!image.IsSigned || !_certified.Add(image.Hashes.Sha1))
        {
            return;
        }

        var microsoft = image.Signer.StartsWith("Microsoft", StringComparison.Ordinal);
        var issuer = microsoft ? "Microsoft Windows Production PCA 2011" : image.Signer == "Google LLC" ? "DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1" : "Microsoft Code Signing PCA 2011";
        var w = Begin("DeviceFileCertificateInfo", time);
        w.WriteString("SHA1", image.Hashes.Sha1);
        w.WriteBoolean("IsSigned", true);
        w.WriteString("SignatureType", image.Path.StartsWith(@"C:\Windows\", StringComparison.Ordinal) ? "Catalog" : "Embedded");
        w.WriteString("Signer", image.Signer);
        w.WriteString("SignerHash", Digests.Of("signer|" + image.Signer).Sha1);
        w.WriteString("Issuer", issuer);
        w.WriteString("IssuerHash", Digests.Of("issuer|" + issuer).Sha1);
        w.WriteString("CertificateSerialNumber", Digests.Of("serial|" + image.Signer).Md5[..30]);
        w.WriteString("CrlDistributionPointUrls", microsoft ? """["http://www.microsoft.com/pkiops/crl/MicWinProPCA2011_2011-10-19.crl"]""" : "");
        w.WriteString("CertificateCreationTime", new DateTime(2024, 2, 22, 19, 14, 50, DateTimeKind.Utc));
        w.WriteString("CertificateExpirationTime", new DateTime(2025, 2, 19, 19, 14, 50, DateTimeKind.Utc));
        w.WriteString("CertificateCountersignatureTime", time.Date.AddDays(-200));
        w.WriteBoolean("IsTrusted", true);
        w.WriteBoolean("IsRootSignerMicrosoft", microsoft);
        _emit.End();
    }

    private long NextPid() => _nextPid += 4 * _random.Next(1, 60);

    private static string UniqueId(Proc proc) =>
        (proc.Created.Ticks / 10 % 100_000_000_000 * 100_000 + proc.Id % 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteFile(Utf8JsonWriter w, Image image, bool versionInfo)
    {
        w.WriteString("FileName", image.FileName);
        w.WriteString("FolderPath", image.Path);
        w.WriteString("SHA1", image.Hashes.Sha1);
        w.WriteString("SHA256", image.Hashes.Sha256);
        w.WriteString("MD5", image.Hashes.Md5);
        w.WriteNumber("FileSize", image.Size);
        if (versionInfo && image.Company.Length > 0)
        {
            w.WriteString("ProcessVersionInfoCompanyName", image.Company);
            w.WriteString("ProcessVersionInfoProductName", image.Product);
            w.WriteString("ProcessVersionInfoProductVersion", image.Version);
            w.WriteString("ProcessVersionInfoInternalFileName", image.OriginalFileName);
            w.WriteString("ProcessVersionInfoOriginalFileName", image.OriginalFileName);
            w.WriteString("ProcessVersionInfoFileDescription", image.Description);
        }
    }

    private static void WriteAccount(Utf8JsonWriter w, string prefix, Account account, bool upn = true)
    {
        w.WriteString(prefix + "AccountDomain", account.Domain);
        w.WriteString(prefix + "AccountName", account.Name);
        w.WriteString(prefix + "AccountSid", account.Sid);
        if (upn && account.Upn is not null)
        {
            w.WriteString(prefix + "AccountUpn", account.Upn);
            w.WriteString(prefix + "AccountObjectId", account.ObjectId);
        }
    }

    private static void Initiating(Utf8JsonWriter w, Proc proc, InitiatingColumns columns)
    {
        var image = proc.Image;
        w.WriteString("InitiatingProcessFileName", image.FileName);
        w.WriteString("InitiatingProcessFolderPath", image.Path.ToLowerInvariant());
        w.WriteString("InitiatingProcessSHA1", image.Hashes.Sha1);
        w.WriteString("InitiatingProcessSHA256", image.Hashes.Sha256);
        w.WriteString("InitiatingProcessMD5", image.Hashes.Md5);
        w.WriteNumber("InitiatingProcessFileSize", image.Size);
        if (image.Company.Length > 0)
        {
            w.WriteString("InitiatingProcessVersionInfoCompanyName", image.Company);
            w.WriteString("InitiatingProcessVersionInfoProductName", image.Product);
            w.WriteString("InitiatingProcessVersionInfoProductVersion", image.Version);
            w.WriteString("InitiatingProcessVersionInfoInternalFileName", image.OriginalFileName);
            w.WriteString("InitiatingProcessVersionInfoOriginalFileName", image.OriginalFileName);
            w.WriteString("InitiatingProcessVersionInfoFileDescription", image.Description);
        }

        w.WriteNumber("InitiatingProcessId", proc.Id);
        w.WriteString("InitiatingProcessCommandLine", proc.CommandLine);
        w.WriteString("InitiatingProcessCreationTime", proc.Created);
        if (proc.Parent is { } parent)
        {
            w.WriteNumber("InitiatingProcessParentId", parent.Id);
            w.WriteString("InitiatingProcessParentFileName", parent.Image.FileName);
        }

        w.WriteString("InitiatingProcessParentCreationTime", proc.ParentCreated);
        WriteAccount(w, "InitiatingProcess", proc.Account);
        if ((columns & InitiatingColumns.LogonId) != 0)
        {
            w.WriteNumber("InitiatingProcessLogonId", proc.LogonId);
        }

        if ((columns & InitiatingColumns.Integrity) != 0)
        {
            w.WriteString("InitiatingProcessIntegrityLevel", proc.IntegrityLevel);
            w.WriteString("InitiatingProcessTokenElevation", proc.TokenElevation);
        }

        if ((columns & InitiatingColumns.Signature) != 0)
        {
            w.WriteString("InitiatingProcessSignerType", image.SignerType);
            w.WriteString("InitiatingProcessSignatureStatus", image.IsSigned ? "Valid" : "Unsigned");
        }

        w.WriteNumber("InitiatingProcessSessionId", proc.SessionId);
        w.WriteBoolean("IsInitiatingProcessRemoteSession", false);
    }
}
