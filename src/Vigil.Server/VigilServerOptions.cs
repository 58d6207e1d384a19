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

    /// <summary>What the Kusto API calls the workspace's database when <see cref="WorkspaceId"/> is not set.</summary>
    public const string DefaultDatabaseName = "Vigil";

    /// <summary>
    /// The workspace id (a GUID in Azure): the customer id the HTTP Data Collector API's <c>SharedKey</c> header must
    /// name, and the Kusto API's database name. Null accepts any customer id and names the database
    /// <see cref="DefaultDatabaseName"/>.
    /// </summary>
    public string? WorkspaceId { get; init; }

    /// <summary>
    /// The workspace's shared keys (base64, as Azure shows a primary and a secondary key) that sign HTTP Data
    /// Collector API requests. Empty: that API refuses every request with 403.
    /// </summary>
    public IReadOnlyList<string> SharedKeys { get; init; } = [];
}
