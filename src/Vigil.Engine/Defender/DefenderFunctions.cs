namespace Vigil.Engine.Defender;

/// <summary>
/// The Microsoft Defender XDR advanced-hunting functions, written in KQL over the workspace's tables and declared
/// ahead of a query that calls them (and does not declare them itself):
/// <list type="bullet">
/// <item><c>AssignedIPAddresses(device, [time])</c>: the IP addresses in each network adapter's latest
/// DeviceNetworkInfo report of the device (by DeviceId or DeviceName) at or before the time (latest without one).</item>
/// <item><c>invoke DeviceFromIP()</c>: the devices whose adapters' latest DeviceNetworkInfo reports list the input's
/// <c>IP</c> (the optional time column is not read: the latest reports answer).</item>
/// <item><c>invoke FileProfile([column], [max])</c>: the input (at most max rows, default 100) with the documented
/// profile columns. Their values come from Microsoft's global file catalog, which an offline workspace does not
/// have, so they are null (empty strings) — except the hashes and size the input already carries.</item>
/// </list>
/// </summary>
internal static class DefenderFunctions
{
    private static readonly (string Name, string Declaration)[] Functions =
    [
        ("AssignedIPAddresses", """
            let AssignedIPAddresses = (x:string, y:datetime = datetime(null)) {
                DeviceNetworkInfo
                | where DeviceId == x or DeviceName =~ x
                | where isnull(y) or Timestamp <= y
                | summarize arg_max(Timestamp, *) by DeviceId, MacAddress
                | mv-expand Address = IPAddresses
                | project Timestamp, IPAddress = tostring(Address.IPAddress), IPType = tostring(Address.AddressType),
                    NetworkAdapterType, ConnectedNetworks
            };
            """),
        ("DeviceFromIP", """
            let DeviceFromIP = (T:(IP:string)) {
                T
                | join kind=inner (
                    DeviceNetworkInfo
                    | summarize arg_max(Timestamp, *) by DeviceId, MacAddress
                    | mv-expand Address = IPAddresses
                    | project IP = tostring(Address.IPAddress), DeviceId
                ) on IP
                | distinct IP, DeviceId
            };
            """),
        ("FileProfile", """
            let FileProfile = (T:(*), x:string = "SHA1", y:long = 100) {
                T
                | take y
                | extend SHA1 = column_ifexists("SHA1", ""), SHA256 = column_ifexists("SHA256", ""), MD5 = column_ifexists("MD5", ""),
                    FileSize = column_ifexists("FileSize", long(null)), GlobalPrevalence = long(null),
                    GlobalFirstSeen = datetime(null), GlobalLastSeen = datetime(null), Signer = "", Issuer = "", SignerHash = "",
                    IsCertificateValid = bool(null), IsRootSignerMicrosoft = bool(null), SignatureState = "",
                    IsExecutable = bool(null), ThreatName = "", Publisher = "", SoftwareName = ""
            };
            """),
    ];

    /// <summary>
    /// The declarations <paramref name="query"/> needs, to put before it (empty when it calls none of the functions
    /// or declares them itself).
    /// </summary>
    public static string DeclarationsFor(string query)
    {
        var declarations = string.Empty;
        foreach (var (name, declaration) in Functions)
        {
            if (query.Contains(name + "(", StringComparison.Ordinal) && !query.Contains("let " + name, StringComparison.Ordinal))
            {
                // One line each, so that only offsets (not line numbers past the first) move.
                declarations += declaration.ReplaceLineEndings(" ") + " ";
            }
        }

        return declarations;
    }
}
