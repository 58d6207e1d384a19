using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Vigil.Server.Security;

/// <summary>
/// Authorization by role, declared per endpoint: <c>app.MapPost(...).RequireRole(VigilRole.Contributor)</c> or
/// <c>.RequireAuthorization(VigilPolicies.Contributor)</c>. An endpoint that declares nothing still needs a Reader
/// (the fallback policy); only <c>AllowAnonymous()</c> endpoints (health) are open.
/// </summary>
internal static class VigilPolicies
{
    public const string Reader = "Reader";
    public const string Responder = "Responder";
    public const string Contributor = "Contributor";
    public const string Admin = "Admin";

    /// <summary>The claim Entra ID puts app roles in, one claim per role.</summary>
    public const string RolesClaim = "roles";

    public static string For(VigilRole role) => role switch
    {
        VigilRole.Reader => Reader,
        VigilRole.Responder => Responder,
        VigilRole.Contributor => Contributor,
        VigilRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a Vigil role"),
    };

    /// <summary>Requires <paramref name="role"/> or a role above it.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, VigilRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(For(role));

    /// <summary>The caller's highest role, or null when the token names none Vigil knows.</summary>
    public static VigilRole? HighestRole(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        VigilRole? highest = null;
        foreach (var claim in user.FindAll(RolesClaim))
        {
            if (TryParseRole(claim.Value, out var role) && (highest is null || role > highest))
            {
                highest = role;
            }
        }

        return highest;
    }

    /// <summary>A role name, case-insensitive, bare (<c>Reader</c>) or as an app role value with a prefix (<c>Vigil.Reader</c>).</summary>
    public static bool TryParseRole(string text, out VigilRole role)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.StartsWith("Vigil.", StringComparison.OrdinalIgnoreCase) ? text["Vigil.".Length..] : text;
        // Enum.TryParse would also take numbers ("3"); only the names are roles.
        foreach (var candidate in Enum.GetValues<VigilRole>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static void Add(AuthorizationOptions options, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var role in Enum.GetValues<VigilRole>())
        {
            options.AddPolicy(For(role), Policy(role, authenticationScheme));
        }

        options.DefaultPolicy = Policy(VigilRole.Reader, authenticationScheme);
        options.FallbackPolicy = options.DefaultPolicy;
    }

    private static AuthorizationPolicy Policy(VigilRole role, string scheme) =>
        new AuthorizationPolicyBuilder(scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new RoleRequirement(role))
            .Build();
}
