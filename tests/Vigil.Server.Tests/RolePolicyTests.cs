using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>Roles nest (Admin ⊇ Contributor ⊇ Responder ⊇ Reader) and come from the <c>roles</c> claim.</summary>
public sealed class RolePolicyTests
{
    [Theory]
    [InlineData("Reader", VigilPolicies.Reader, true)]
    [InlineData("Reader", VigilPolicies.Responder, false)]
    [InlineData("Reader", VigilPolicies.Contributor, false)]
    [InlineData("Responder", VigilPolicies.Contributor, false)]
    [InlineData("Contributor", VigilPolicies.Contributor, true)]
    [InlineData("Contributor", VigilPolicies.Responder, true)]
    [InlineData("Contributor", VigilPolicies.Admin, false)]
    [InlineData("Admin", VigilPolicies.Admin, true)]
    [InlineData("Admin", VigilPolicies.Reader, true)]
    [InlineData("vigil.contributor", VigilPolicies.Contributor, true)]
    [InlineData("Owner", VigilPolicies.Reader, false)]
    [InlineData("3", VigilPolicies.Reader, false)]
    public async Task Policy_AllowsTheRoleAndTheRolesAboveIt(string roleClaim, string policy, bool allowed)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "someone"), new Claim(VigilPolicies.RolesClaim, roleClaim)], "test"));
        Assert.Equal(allowed, (await AuthorizeAsync(user, policy)).Succeeded);
    }

    [Fact]
    public async Task HighestOfSeveralRolesCounts()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(VigilPolicies.RolesClaim, "Reader"), new Claim(VigilPolicies.RolesClaim, "Contributor")], "test"));
        Assert.True((await AuthorizeAsync(user, VigilPolicies.Contributor)).Succeeded);
    }

    [Fact]
    public async Task AnonymousIsRefusedEvenReader()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(VigilPolicies.RolesClaim, "Admin")]));
        Assert.False((await AuthorizeAsync(user, VigilPolicies.Reader)).Succeeded);
    }

    private static async Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, string policy)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization(o => VigilPolicies.Add(o, "test")).BuildServiceProvider();
        await using (services)
        {
            return await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy);
        }
    }
}
