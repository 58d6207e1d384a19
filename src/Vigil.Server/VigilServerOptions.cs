namespace Vigil.Server;

/// <summary>What <see cref="VigilServer"/> serves and where.</summary>
internal sealed record VigilServerOptions
{
    /// <summary>Loopback only unless told otherwise: the server has no authentication yet.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5180";

    /// <summary>The workspace directory; null serves an empty workspace (print, datatable and range still run).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Kestrel URLs, separated by ';'. Port 0 picks a free port (read it back from <see cref="VigilServer.Addresses"/>).</summary>
    public string Urls { get; init; } = DefaultUrls;
}
