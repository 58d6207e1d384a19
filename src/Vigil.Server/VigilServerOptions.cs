using Vigil.Server.Configuration;

namespace Vigil.Server;

/// <summary>
/// What <see cref="VigilServer"/> serves, where and to whom: read from <c>--config FILE</c>
/// (<see cref="ServerConfigFile"/>) with command-line flags laid over it.
/// </summary>
internal sealed record VigilServerOptions
{
    /// <summary>Loopback and HTTPS unless configured otherwise.</summary>
    public const string DefaultUrls = "https://127.0.0.1:5180";

    /// <summary>The workspace directory; null serves an empty workspace (print, datatable and range still run).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Where the server keeps what it generates on first run (the self-signed certificate, the signing key, the
    /// workspace id): <c>&lt;data&gt;/.vigil-server</c>, else beside the config file, else the user's
    /// local application data. See <see cref="ServerState"/>.
    /// </summary>
    public string? StateDirectory { get; init; }

    /// <summary>The folder of the configuration file read, if any.</summary>
    public string? ConfigDirectory { get; init; }

    /// <summary>Kestrel URLs, separated by ';'. Port 0 picks a free port (read it back from <see cref="VigilServer.Addresses"/>).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The workspace's id as Log Analytics addresses it; null uses the one generated on first run and kept.</summary>
    public Guid? WorkspaceId { get; init; }

    /// <summary>The HTTPS certificate; null generates (once) and uses a self-signed one for localhost and 127.0.0.1.</summary>
    public CertificateOptions? Certificate { get; init; }

    public AuthenticationOptions Authentication { get; init; } = new();

    /// <summary>
    /// The workspace's shared keys (base64), primary first, as the HTTP Data Collector API signs requests with them.
    /// Empty: the Data Collector API refuses every request.
    /// </summary>
    public IReadOnlyList<string> SharedKeys { get; init; } = [];

    public ServerLimits Limits { get; init; } = new();
}
