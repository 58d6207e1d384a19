namespace Vigil.Benchmarks.ServerLoad;

/// <summary>The hunting-style query mix the query clients cycle through, over the table being ingested.</summary>
internal static class LoadQueries
{
    public static readonly string[] All =
    [
        $"{ProcessRowMaker.Table} | count",
        $"{ProcessRowMaker.Table} | summarize Processes = count() by FileName | top 10 by Processes",
        $"{ProcessRowMaker.Table} | where ProcessCommandLine has 'encodedcommand' | summarize Hits = count() by DeviceName, AccountName",
        $"{ProcessRowMaker.Table} | top 20 by ProcessId desc | project TimeGenerated, DeviceName, FileName, ProcessCommandLine",
        $"{ProcessRowMaker.Table} | where FileName == 'powershell.exe' and InitiatingProcessFileName in ('cmd.exe', 'wmic.exe') | summarize dcount(DeviceName) by bin(TimeGenerated, 5m)",
    ];
}
