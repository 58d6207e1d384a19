namespace Vigil.Server.Security;

/// <summary>
/// Sentinel's roles plus Admin, each including the ones before it: Admin ⊇ Contributor ⊇ Responder ⊇ Reader.
/// A caller's roles come from the token's <c>roles</c> claim (as Entra ID sends app roles).
/// </summary>
internal enum VigilRole
{
    /// <summary>Query data, read incidents.</summary>
    Reader = 1,

    /// <summary>Reader, and triage incidents.</summary>
    Responder = 2,

    /// <summary>Responder, and write data and content (ingestion, rules).</summary>
    Contributor = 3,

    /// <summary>Everything, including the server's own settings.</summary>
    Admin = 4,
}
