namespace Vigil.Simulator.World;

/// <summary>A remote endpoint a process talks to.</summary>
internal sealed record Destination(string Url, string Ip, int Port);

/// <summary>The internet endpoints the estate talks to, by kind of client, and the attacker's infrastructure.</summary>
internal static class Destinations
{
    public static readonly Destination[] Web =
    [
        new("www.bing.com", "204.79.197.200", 443),
        new("www.google.com", "142.250.185.100", 443),
        new("github.com", "140.82.121.4", 443),
        new("www.linkedin.com", "13.107.42.14", 443),
        new("www.wikipedia.org", "185.15.59.224", 443),
        new("stackoverflow.com", "151.101.1.69", 443),
        new("news.ycombinator.com", "209.216.230.207", 443),
        new("www.office.com", "13.107.6.156", 443),
        new("contoso.sharepoint.com", "13.107.136.10", 443),
        new("cdn.jsdelivr.net", "151.101.130.229", 443),
    ];

    public static readonly Destination[] Office =
    [
        new("outlook.office365.com", "52.96.165.18", 443),
        new("login.microsoftonline.com", "20.190.159.2", 443),
        new("teams.microsoft.com", "52.113.194.132", 443),
        new("contoso-my.sharepoint.com", "13.107.136.9", 443),
        new("officeclient.microsoft.com", "52.109.8.21", 443),
    ];

    public static readonly Destination[] Windows =
    [
        new("settings-win.data.microsoft.com", "20.42.65.92", 443),
        new("v10.events.data.microsoft.com", "20.189.173.1", 443),
        new("ctldl.windowsupdate.com", "93.184.221.240", 80),
        new("fe3cr.delivery.mp.microsoft.com", "20.72.205.209", 443),
        new("winatp-gw-weu.microsoft.com", "20.50.88.240", 443),
        new("wdcp.microsoft.com", "20.69.140.28", 443),
        new("time.windows.com", "168.61.215.74", 123),
    ];

    /// <summary>Where the phishing link points (a look-alike of the company's sign-in page).</summary>
    public static readonly Destination Phishing = new("contoso-sharepoint-login.com", "203.0.113.45", 443);

    /// <summary>Where the first-stage downloader fetches its payload.</summary>
    public static readonly Destination Payload = new("cdn-update-service.net", "203.0.113.77", 80);

    /// <summary>The implant's command and control server.</summary>
    public static readonly Destination CommandAndControl = new("api.telemetry-sync.org", "198.51.100.213", 443);

    /// <summary>Where the attacker's sign-ins to the cloud come from.</summary>
    public const string AttackerIp = "185.220.101.47";
}
