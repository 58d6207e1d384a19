using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vigil.Server.Security;

/// <summary>
/// Issues the JWTs <c>vigil token</c> prints: signed with <see cref="LocalSigningKey"/>, issuer
/// <c>vigil</c>, the principal as <c>sub</c>/<c>name</c>, a stable <c>oid</c> derived from it (Log Analytics audits
/// callers by object id) and the role in <c>roles</c>, as Entra ID sends app roles.
/// </summary>
internal static class LocalTokenIssuer
{
    public static string Issue(
        SecurityKey key, string principal, VigilRole role, TimeSpan lifetime, string audience, DateTime? now = null, string? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        var issued = now ?? DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Configuration.AuthenticationOptions.LocalIssuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = principal,
                ["name"] = principal,
                ["oid"] = ObjectId(principal).ToString(),
                [VigilPolicies.RolesClaim] = new[] { role.ToString() },
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A name-based GUID (the first 16 bytes of SHA-256, version 5 style), the same for the same principal.</summary>
    public static Guid ObjectId(string principal)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("vigil-principal:" + principal), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
