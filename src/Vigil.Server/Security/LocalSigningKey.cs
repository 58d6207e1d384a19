using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Vigil.Server.Configuration;

namespace Vigil.Server.Security;

/// <summary>
/// Vigil's own token signing key: an ECDSA P-256 key (ES256), generated on first use and kept as PKCS#8 PEM in the
/// state folder with owner-only permissions (0600). <c>vigil token</c> signs with it; the server validates with it.
/// </summary>
internal static class LocalSigningKey
{
    public static ECDsaSecurityKey LoadOrCreate(ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var pem = state.ReadOrCreate(state.SigningKeyPath, Generate, secret: true);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ServerConfigurationException($"'{state.SigningKeyPath}' is not a PEM EC private key; delete it to generate a new one", e);
        }

        // The key id is the public key's thumbprint, so tokens name the key that signed them.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
        return new ECDsaSecurityKey(key) { KeyId = id };
    }

    private static string Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }
}
