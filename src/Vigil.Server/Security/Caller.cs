using System.Security.Claims;

namespace Vigil.Server.Security;

/// <summary>Who a request comes from, as the claims of an Entra ID (or Vigil) access token say it.</summary>
internal static class Caller
{
    /// <summary>
    /// The key throttling and auditing use: the object id (<c>oid</c>), else the subject, else the client application;
    /// null for an anonymous request.
    /// </summary>
    public static string? Id(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            ? First(user, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", "appid", "azp")
            : null;
    }

    public static string? ObjectId(ClaimsPrincipal user) => First(user, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier");

    public static string? Email(ClaimsPrincipal user) => First(user, "upn", "email", "preferred_username");

    public static string? TenantId(ClaimsPrincipal user) => First(user, "tid", "http://schemas.microsoft.com/identity/claims/tenantid");

    public static string? ClientId(ClaimsPrincipal user) => First(user, "appid", "azp");

    private static string? First(ClaimsPrincipal user, params ReadOnlySpan<string> types)
    {
        foreach (var type in types)
        {
            if (user.FindFirst(type)?.Value is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }
}
