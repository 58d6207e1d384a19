namespace Vigil.Server.Configuration;

/// <summary>
/// A configured HTTPS certificate: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>, with <see cref="Password"/>) or a PEM
/// certificate with its PEM private key in <see cref="KeyPath"/> (encrypted when <see cref="Password"/> is set).
/// </summary>
internal sealed record CertificateOptions(string Path, string? KeyPath = null, string? Password = null);
