using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The HTTP Data Collector API's <c>Authorization: SharedKey {workspaceId}:{signature}</c>: the signature is
/// <c>Base64(HMAC-SHA256(Base64Decode(sharedKey), UTF8("POST\n{Content-Length}\n{Content-Type}\nx-ms-date:{x-ms-date}\n/api/logs")))</c>,
/// compared in constant time against every configured key.
/// </summary>
internal static class SharedKeySignature
{
    /// <summary>How far <c>x-ms-date</c> may be from the server's clock, so a captured request cannot be replayed later.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    public static string StringToSign(long contentLength, string contentType, string date) =>
        string.Create(CultureInfo.InvariantCulture, $"POST\n{contentLength}\n{contentType}\nx-ms-date:{date}\n/api/logs");

    public static string Sign(string stringToSign, byte[] key) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Parses <c>SharedKey id:signature</c>; false when the header has another shape.</summary>
    public static bool TryParseHeader(string header, out string workspaceId, out string signature)
    {
        workspaceId = signature = string.Empty;
        const string Scheme = "SharedKey ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var credential = header[Scheme.Length..].Trim();
        var colon = credential.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == credential.Length - 1)
        {
            return false;
        }

        workspaceId = credential[..colon];
        signature = credential[(colon + 1)..];
        return true;
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="stringToSign"/> under one of the keys.</summary>
    public static bool Verify(string stringToSign, string signature, IReadOnlyList<string> keys)
    {
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var message = Encoding.UTF8.GetBytes(stringToSign);
        var matched = false;
        foreach (var key in keys)
        {
            byte[] secret;
            try
            {
                secret = Convert.FromBase64String(key);
            }
            catch (FormatException)
            {
                continue;
            }

            matched |= CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(secret, message), given);
        }

        return matched;
    }
}
