using Microsoft.AspNetCore.Authorization;

namespace Vigil.Server.Security;

/// <summary>Met by a caller whose highest role is at least <see cref="Role"/> (roles nest).</summary>
internal sealed class RoleRequirement(VigilRole role) : AuthorizationHandler<RoleRequirement>, IAuthorizationRequirement
{
    public VigilRole Role { get; } = role;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (VigilPolicies.HighestRole(context.User) >= requirement.Role)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
