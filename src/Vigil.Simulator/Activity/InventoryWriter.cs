using System.Globalization;
using Vigil.Simulator.World;

namespace Vigil.Simulator.Activity;

/// <summary>The devices' periodic inventory reports: DeviceInfo and DeviceNetworkInfo, every few hours.</summary>
internal sealed class InventoryWriter(SimulationContext context)
{
    private readonly SimRandom _random = SimRandom.For(context.Seed, "inventory");

    public void Day(DateTime day)
    {
        foreach (var device in context.Organization.Devices)
        {
            for (var hour = 1; hour < 24; hour += 8)
            {
                var time = day.AddHours(hour).AddSeconds(_random.Next(3600));
                if (context.InWindow(time))
                {
                    Info(device, time);
                    NetworkInfo(device, time.AddSeconds(1));
                }
            }
        }
    }

    private void Info(Device device, DateTime time)
    {
        var w = context.Emit.Begin("DeviceInfo", time);
        w.WriteString("DeviceId", device.DeviceId);
        w.WriteString("DeviceName", device.Name);
        w.WriteString("ClientVersion", "10.8760." + device.OsBuild.ToString(CultureInfo.InvariantCulture) + ".1011");
        w.WriteString("PublicIP", device.PublicIp);
        w.WriteString("OSArchitecture", "64-bit");
        w.WriteString("OSPlatform", device.OsPlatform);
        w.WriteNumber("OSBuild", device.OsBuild);
        w.WriteBoolean("IsAzureADJoined", !device.IsServer);
        w.WriteString("JoinType", device.IsServer ? "Domain Joined" : "Hybrid Azure AD Join");
        w.WriteString("AadDeviceId", device.AadDeviceId);
        w.WriteStartArray("LoggedOnUsers");
        if (device.PrimaryUser is { } user)
        {
            w.WriteStartObject();
            w.WriteString("UserName", user.Name);
            w.WriteString("DomainName", Organization.Domain.ToUpperInvariant());
            w.WriteString("Sid", user.Sid);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("OSVersion", "10.0");
        w.WriteString("MachineGroup", device.MachineGroup);
        w.WriteNumber("ReportId", context.Emit.NextReportId());
        w.WriteString("OnboardingStatus", "Onboarded");
        w.WriteString("DeviceCategory", "Endpoint");
        w.WriteString("DeviceType", device.IsServer ? "Server" : "Workstation");
        w.WriteString("Model", device.IsServer ? "Virtual Machine" : "Latitude 7440");
        w.WriteString("Vendor", device.IsServer ? "Microsoft Corporation" : "Dell Inc.");
        w.WriteString("OSDistribution", device.OsPlatform);
        w.WriteString("OSVersionInfo", device.OsVersionInfo);
        w.WriteBoolean("IsInternetFacing", false);
        w.WriteString("SensorHealthState", "Active");
        w.WriteBoolean("IsExcluded", false);
        w.WriteString("ExposureLevel", device.Role == DeviceRole.DomainController ? "High" : "Medium");
        w.WriteString("AssetValue", device.Role == DeviceRole.DomainController ? "High" : "Normal");
        w.WriteString("DeviceManualTags", device.IsServer ? "[\"Tier0\"]" : "[]");
        w.WriteString("DeviceDynamicTags", "[]");
        w.WriteString("ConnectivityType", "Streamlined");
        context.Emit.End();
    }

    private void NetworkInfo(Device device, DateTime time)
    {
        var gateway = device.IpAddress[..device.IpAddress.LastIndexOf('.')] + ".1";
        var w = context.Emit.Begin("DeviceNetworkInfo", time);
        w.WriteString("DeviceId", device.DeviceId);
        w.WriteString("DeviceName", device.Name);
        w.WriteString("NetworkAdapterName", "Ethernet");
        w.WriteString("MacAddress", device.MacAddress);
        w.WriteString("NetworkAdapterType", "Ethernet");
        w.WriteString("NetworkAdapterStatus", "Up");
        w.WriteString("TunnelType", "None");
        w.WriteStartArray("ConnectedNetworks");
        w.WriteStartObject();
        w.WriteString("Name", Organization.DnsDomain);
        w.WriteString("Description", Organization.DnsDomain);
        w.WriteBoolean("IsConnectedToInternet", true);
        w.WriteString("Category", "Domain");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("DnsAddresses");
        w.WriteStringValue(context.Organization.DomainController?.IpAddress ?? gateway);
        w.WriteEndArray();
        w.WriteString("IPv4Dhcp", device.IsServer ? "" : gateway);
        w.WriteStartArray("DefaultGateways");
        w.WriteStringValue(gateway);
        w.WriteEndArray();
        w.WriteStartArray("IPAddresses");
        w.WriteStartObject();
        w.WriteString("IPAddress", device.IpAddress);
        w.WriteNumber("SubnetPrefix", 24);
        w.WriteString("AddressType", device.IsServer ? "Static" : "Dhcp");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNumber("ReportId", context.Emit.NextReportId());
        w.WriteString("NetworkAdapterVendor", "Intel Corporation");
        w.WriteString("MachineGroup", device.MachineGroup);
        context.Emit.End();
    }
}
