namespace Vigil.Server.Configuration;

/// <summary>
/// Who may call the server: bearer JWTs from an OpenID Connect authority (Microsoft Entra ID: issuer, audience
/// and signing keys come from its metadata) and/or JWTs signed by Vigil's own key (<c>vigil token</c>).
/// </summary>
internal sealed record AuthenticationOptions
{
    /// <summary>The audience of Vigil's own tokens when no <see cref="Audience"/> is configured.</summary>
    public const string DefaultLocalAudience = "https://api.loganalytics.io";

    /// <summary>The issuer Vigil writes into (and requires of) the tokens it signs.</summary>
    public const string LocalIssuer = "vigil";

    /// <summary>
    /// The OpenID Connect authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; null accepts only
    /// Vigil's own tokens.
    /// </summary>
    public string? Authority { get; init; }

    /// <summary>The audience tokens must carry (the Entra application id URI or client id).</summary>
    public string? Audience { get; init; }

    /// <summary>More issuers to accept from the authority (Entra's v1 issuer <c>https://sts.windows.net/{tenant}/</c>).</summary>
    public IReadOnlyList<string> ValidIssuers { get; init; } = [];

    /// <summary>Whether tokens signed by Vigil's own key are accepted (the default).</summary>
    public bool LocalTokens { get; init; } = true;

    /// <summary>Metadata over plain HTTP is refused unless this is set (a test authority on loopback).</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>The audience Vigil's own tokens carry and are checked for.</summary>
    public string LocalAudience => Audience ?? DefaultLocalAudience;
}
