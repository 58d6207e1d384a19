namespace Vigil.Simulator.Tests;

/// <summary>
/// The generated workspace, queried as a hunter would: every row was accepted, the world is consistent across
/// tables, and the embedded intrusion is there to be found.
/// </summary>
[Collection(nameof(GeneratedWorkspace))]
public sealed class GeneratedWorkspaceTests(GeneratedWorkspace workspace)
{
    [Fact]
    public void Every_generated_row_is_accepted_with_unknown_columns_rejected()
    {
        foreach (var (table, result) in workspace.Sink.Tables)
        {
            Assert.True(result.Rejected == 0, $"{table}: {result.Rejected} rejected, e.g. {result.FirstRejections.FirstOrDefault()}");
            Assert.Equal(workspace.Generated[table], result.Accepted);
            Assert.Equal(result.Accepted, workspace.Scalar($"{table} | count"));
        }
    }

    [Theory]
    [InlineData("DeviceProcessEvents")]
    [InlineData("DeviceNetworkEvents")]
    [InlineData("DeviceFileEvents")]
    [InlineData("DeviceRegistryEvents")]
    [InlineData("DeviceLogonEvents")]
    [InlineData("DeviceImageLoadEvents")]
    [InlineData("DeviceEvents")]
    [InlineData("DeviceNetworkInfo")]
    [InlineData("DeviceFileCertificateInfo")]
    public void Every_device_of_an_event_is_in_DeviceInfo_with_the_same_name(string table)
    {
        Assert.Equal(0, workspace.Scalar(
            $"{table} | distinct DeviceId, DeviceName | join kind=leftanti (DeviceInfo | distinct DeviceId, DeviceName) on DeviceId, DeviceName | count"));
    }

    [Fact]
    public void A_created_process_is_named_the_same_way_by_the_events_it_initiates()
    {
        // Process ids are unique per device here, so (DeviceId, ProcessId) identifies a process.
        var created = "DeviceProcessEvents | project DeviceId, Pid = ProcessId, FileName, ProcessCommandLine, ProcessCreationTime, AccountSid";
        foreach (var table in new[] { "DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents", "DeviceImageLoadEvents", "DeviceRegistryEvents" })
        {
            var joined = workspace.Scalar($"{created} | join kind=inner ({table} | project DeviceId, Pid = InitiatingProcessId, InitiatingProcessFileName, " +
                "InitiatingProcessCommandLine, InitiatingProcessCreationTime, InitiatingProcessAccountSid) on DeviceId, Pid | count");
            var mismatched = workspace.Scalar($"{created} | join kind=inner ({table} | project DeviceId, Pid = InitiatingProcessId, InitiatingProcessFileName, " +
                "InitiatingProcessCommandLine, InitiatingProcessCreationTime, InitiatingProcessAccountSid) on DeviceId, Pid " +
                "| where FileName != InitiatingProcessFileName or ProcessCommandLine != InitiatingProcessCommandLine " +
                "or ProcessCreationTime != InitiatingProcessCreationTime or AccountSid != InitiatingProcessAccountSid | count");
            Assert.True(joined > 0, $"no {table} row is initiated by a created process");
            Assert.Equal(0, mismatched);
        }
    }

    [Fact]
    public void A_child_names_its_parent_s_parent_consistently()
    {
        Assert.Equal(0, workspace.Scalar(
            "DeviceProcessEvents | project DeviceId, Pid = ProcessId, ParentId = InitiatingProcessId, ParentName = InitiatingProcessFileName " +
            "| join kind=inner (DeviceProcessEvents | project DeviceId, Pid = InitiatingProcessId, GrandParentId = InitiatingProcessParentId, GrandParentName = InitiatingProcessParentFileName) on DeviceId, Pid " +
            "| where ParentName != GrandParentName or ParentId != GrandParentId | count"));
        Assert.Equal(0, workspace.Scalar("DeviceProcessEvents | where ProcessCreationTime < InitiatingProcessCreationTime | count"));
    }

    [Fact]
    public void Accounts_and_hashes_are_the_same_everywhere()
    {
        Assert.Equal(0, workspace.Scalar(
            "DeviceLogonEvents | where AccountDomain == 'contoso' | distinct AccountSid | join kind=leftanti (IdentityInfo | distinct AccountSid = OnPremSid) on AccountSid | count"));
        Assert.Equal(0, workspace.Scalar("DeviceProcessEvents | summarize Hashes = dcount(SHA256) by FolderPath | where Hashes > 1 | count"));
        Assert.Equal(0, workspace.Scalar("DeviceImageLoadEvents | join kind=leftanti DeviceFileCertificateInfo on DeviceId, SHA1 | where FolderPath startswith 'C:\\\\Windows' | count"));
        Assert.True(workspace.Scalar("DeviceLogonEvents | distinct LogonType | count") >= 5);
    }

    [Fact]
    public void Mail_tables_join_on_the_message_id()
    {
        Assert.Equal(0, workspace.Scalar("EmailAttachmentInfo | join kind=leftanti EmailEvents on NetworkMessageId | count"));
        Assert.Equal(0, workspace.Scalar("EmailUrlInfo | join kind=leftanti EmailEvents on NetworkMessageId | count"));
        Assert.Equal(0, workspace.Scalar("AlertEvidence | join kind=leftanti AlertInfo on AlertId | count"));
    }

    [Theory]
    [InlineData("DeviceProcessEvents | where ProcessCommandLine has_any ('-EncodedCommand', '-enc') and InitiatingProcessFileName =~ 'winword.exe' | count")]
    [InlineData("DeviceProcessEvents | where ProcessCommandLine has 'sekurlsa::logonpasswords' or FileName =~ 'mimikatz.exe' | count")]
    [InlineData("DeviceProcessEvents | where ProcessCommandLine has_all ('comsvcs.dll', 'MiniDump') | count")]
    [InlineData("DeviceProcessEvents | where FileName =~ 'certutil.exe' and ProcessCommandLine has 'urlcache' | count")]
    [InlineData("DeviceLogonEvents | where LogonType == 'Network' and IsLocalAdmin and RemoteIPType == 'Private' and Protocol == 'NTLM' | count")]
    [InlineData("DeviceLogonEvents | where ActionType == 'LogonFailed' | summarize Accounts = dcount(AccountName) by RemoteIP | where Accounts >= 5 | count")]
    [InlineData("EmailEvents | join kind=inner (UrlClickEvents | where ActionType == 'ClickAllowed') on NetworkMessageId | where Subject has 'password' | count")]
    [InlineData("EmailPostDeliveryEvents | where ActionType == 'Phish ZAP' | count")]
    [InlineData("DeviceRegistryEvents | where RegistryKey endswith @'\\CurrentVersion\\Run' and ActionType == 'RegistryValueSet' | count")]
    [InlineData("DeviceEvents | where ActionType == 'AntivirusDetection' | extend Threat = tostring(AdditionalFields.ThreatName) | where Threat has 'Mimikatz' | count")]
    [InlineData("IdentityDirectoryEvents | where ActionType == 'Group Membership changed' and tostring(AdditionalFields['TO.GROUP']) == 'Domain Admins' | count")]
    [InlineData("AlertInfo | where Severity == 'High' | join AlertEvidence on AlertId | where EntityType == 'Machine' | count")]
    [InlineData("DeviceNetworkEvents | where RemoteUrl == 'api.telemetry-sync.org' | summarize Beacons = count() by DeviceId | where Beacons > 10 | count")]
    public void The_intrusion_is_there_to_be_found(string hunt)
    {
        Assert.True(workspace.Scalar(hunt) > 0, hunt);
    }
}
