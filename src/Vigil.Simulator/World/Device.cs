namespace Vigil.Simulator.World;

/// <summary>An onboarded machine: its identity in Defender and Entra ID, its network and its operating system.</summary>
internal sealed record Device(
    int Index,
    string Name,
    string DeviceId,
    string AadDeviceId,
    DeviceRole Role,
    string OsPlatform,
    long OsBuild,
    string OsVersionInfo,
    string IpAddress,
    string MacAddress,
    string PublicIp,
    string MachineGroup,
    Account? PrimaryUser)
{
    /// <summary>The NetBIOS-style host name (the FQDN's first label), as logons and paths show it.</summary>
    public string HostName => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    public bool IsServer => Role != DeviceRole.Workstation;
}

internal enum DeviceRole
{
    Workstation,
    DomainController,
    FileServer,
    SqlServer,
}
