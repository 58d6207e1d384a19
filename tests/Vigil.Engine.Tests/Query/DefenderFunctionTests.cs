using System.Text;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Engine.Tests.Query;

/// <summary>The Defender advanced-hunting functions over a workspace's DeviceNetworkInfo reports.</summary>
public sealed class DefenderFunctionTests : IDisposable
{
    private readonly TempDirectory _dir = new("vigil-defender-");
    private readonly Workspace _workspace;
    private readonly QueryEngine _engine;
    private readonly string _day1;

    public DefenderFunctionTests()
    {
        _workspace = SchemaMapping.OpenWorkspace(Path.Combine(_dir.Path, "ws"), new WorkspaceOptions { BackgroundMaintenance = false });
        // pc-1 moved from 10.0.0.5 to 10.0.0.9 on its ethernet adapter; pc-2 has 10.0.0.7.
        // Recent times, so that retention keeps them: day 1 is three days ago, day 2 two days ago.
        var day1 = _day1 = DateTime.UtcNow.Date.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var day2 = DateTime.UtcNow.Date.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var reports = $$"""
            {"Timestamp":"{{day1}}T00:00:00Z","DeviceId":"d1","DeviceName":"pc-1","MacAddress":"aa","NetworkAdapterType":"Ethernet","IPAddresses":[{"IPAddress":"10.0.0.5","AddressType":"Private"}]}
            {"Timestamp":"{{day2}}T00:00:00Z","DeviceId":"d1","DeviceName":"pc-1","MacAddress":"aa","NetworkAdapterType":"Ethernet","IPAddresses":[{"IPAddress":"10.0.0.9","AddressType":"Private"}]}
            {"Timestamp":"{{day2}}T00:00:00Z","DeviceId":"d2","DeviceName":"pc-2","MacAddress":"bb","NetworkAdapterType":"Wireless80211","IPAddresses":[{"IPAddress":"10.0.0.7","AddressType":"Private"}]}

            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(reports));
        Assert.Equal(0, _workspace.Ingest("DeviceNetworkInfo", stream, IngestFormat.JsonLines).FailedRows);
        _engine = new QueryEngine(_workspace);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Assigned_ip_addresses_are_the_latest_report_at_the_time()
    {
        Assert.Equal(["10.0.0.9 | Private | Ethernet"], QueryRunner.Rows("AssignedIPAddresses('pc-1') | project IPAddress, IPType, NetworkAdapterType", _engine));
        Assert.Equal(["10.0.0.5"], QueryRunner.Rows($"AssignedIPAddresses('d1', datetime({_day1}) + 12h) | project IPAddress", _engine));
        Assert.Empty(QueryRunner.Rows($"AssignedIPAddresses('pc-1', datetime({_day1}) - 1d)", _engine));
    }

    [Fact]
    public void Device_from_ip_finds_the_devices_an_address_is_assigned_to()
    {
        Assert.Equal(
            ["10.0.0.7 | d2", "10.0.0.9 | d1"],
            QueryRunner.Rows("datatable(IP:string) ['10.0.0.9', '10.0.0.7', '10.0.0.5'] | invoke DeviceFromIP() | order by IP asc", _engine));
    }

    [Fact]
    public void File_profile_adds_the_documented_columns_as_nulls_offline()
    {
        var result = QueryRunner.Run("datatable(SHA1:string, FileSize:long) ['abc', 12] | invoke FileProfile() | project SHA1, FileSize, GlobalPrevalence, Signer, IsExecutable", _engine);
        Assert.Equal(["abc | 12 | null |  | null"], QueryRunner.Rows(result));
    }

    [Fact]
    public void Errors_in_a_query_that_calls_them_report_the_query_s_own_offsets()
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run("AssignedIPAddresses('pc-1') | where NoSuchColumn == 1", _engine));
        Assert.Contains("(at offset 36)", error.Message, StringComparison.Ordinal);
    }
}
