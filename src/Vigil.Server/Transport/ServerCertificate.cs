using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vigil.Server.Configuration;

namespace Vigil.Server.Transport;

/// <summary>
/// The HTTPS certificate: the configured one, or a self-signed one for <c>localhost</c>, <c>127.0.0.1</c> and
/// <c>::1</c> generated on first run and kept in the state folder as PEM (certificate and 0600 key), so clients can
/// trust exactly it (<c>NODE_EXTRA_CA_CERTS</c>, <c>curl --cacert</c>, <c>SSL_CERT_FILE</c>). It is renewed when
/// it has less than <see cref="RenewBefore"/> left.
/// </summary>
internal static class ServerCertificate
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>The certificate to serve and, for a generated one, the PEM file clients can trust.</summary>
    public static (X509Certificate2 Certificate, string? TrustPath) Load(CertificateOptions? configured, ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return configured is null ? (LoadOrCreateSelfSigned(state), state.CertificatePath) : (LoadConfigured(configured), null);
    }

    private static X509Certificate2 LoadConfigured(CertificateOptions options)
    {
        try
        {
            if (options.KeyPath is not null)
            {
                return options.Password is null
                    ? X509Certificate2.CreateFromPemFile(options.Path, options.KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(options.Path, options.Password, options.KeyPath);
            }

            var extension = Path.GetExtension(options.Path);
            if (extension.Equals(".pem", StringComparison.OrdinalIgnoreCase) || extension.Equals(".crt", StringComparison.OrdinalIgnoreCase))
            {
                // One PEM file holding both the certificate and its key.
                return X509Certificate2.CreateFromPemFile(options.Path);
            }

            return X509CertificateLoader.LoadPkcs12FromFile(options.Path, options.Password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ServerConfigurationException($"cannot load the HTTPS certificate '{options.Path}': {e.Message}", e);
        }
    }

    private static X509Certificate2 LoadOrCreateSelfSigned(ServerState state)
    {
        // The key is written first and only then the certificate, so a certificate on disk always has its key.
        var keyPem = state.ReadOrCreate(state.CertificateKeyPath, GenerateKey, secret: true);
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(keyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ServerConfigurationException($"'{state.CertificateKeyPath}' is not a PEM EC private key; delete it to generate a new one", e);
        }

        var certificatePem = state.ReadOrCreate(state.CertificatePath, () => CreateCertificatePem(key), secret: false);
        var certificate = FromPem(certificatePem, key, state.CertificatePath);
        if (certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow < RenewBefore
            || !certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            certificate.Dispose();
            certificatePem = CreateCertificatePem(key);
            state.Replace(state.CertificatePath, certificatePem, secret: false);
            certificate = FromPem(certificatePem, key, state.CertificatePath);
        }

        return certificate;
    }

    private static X509Certificate2 FromPem(string certificatePem, ECDsa key, string path)
    {
        try
        {
            using var publicOnly = X509Certificate2.CreateFromPem(certificatePem);
            return publicOnly.CopyWithPrivateKey(key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new ServerConfigurationException($"'{path}' is not a PEM certificate; delete it to generate a new one", e);
        }
    }

    private static string GenerateKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    private static string CreateCertificatePem(ECDsa key)
    {
        var request = new CertificateRequest("CN=Vigil localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build(critical: false));
        // Self-signed and its own trust anchor: marked as a CA so TLS stacks that insist (OpenSSL's strict mode) accept it.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + Lifetime);
        return certificate.ExportCertificatePem() + "\n";
    }
}
