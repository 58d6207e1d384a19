using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Security;

/// <summary>
/// A caller with a valid token but too low a role gets 403 with a Log Analytics error body naming the role the
/// endpoint needs; everything else (challenges, success) goes the default way.
/// </summary>
internal sealed class AuthorizationFailureWriter : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RoleRequirement>().Select(r => r.Role).DefaultIfEmpty().Max();
        var has = VigilPolicies.HighestRole(context.User);
        var detail = needed is { } role and not 0
            ? $"This operation needs the {role} role or higher; the caller has {(has is { } h ? "the " + h + " role" : "no Vigil role (the token's 'roles' claim names none of Reader, Responder, Contributor, Admin)")}."
            : "The caller is not allowed to perform this operation.";
        return HttpErrors.WriteAsync(
            context, StatusCodes.Status403Forbidden, "InsufficientAccessError",
            "The provided credentials have insufficient access to perform the requested operation", "InsufficientRole", detail);
    }
}
