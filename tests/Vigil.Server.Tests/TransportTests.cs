using System.Net;
using System.Security.Cryptography.X509Certificates;
using Vigil.Server.Security;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>HTTPS by default with a self-signed certificate generated once, kept as PEM and reused.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task GeneratedCertificate_IsPemForLoopback_AndKeptAcrossRestarts()
    {
        using var state = new TempDirectory();
        string thumbprint;
        await using (var first = await LiveServer.StartAsync(o => o with { StateDirectory = state.Path }))
        {
            Assert.Equal(Uri.UriSchemeHttps, first.BaseAddress.Scheme);
            var path = first.Server.CertificatePath!;
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
            using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(path));
            thumbprint = certificate.Thumbprint;
            var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.Contains("localhost", names.EnumerateDnsNames());
            Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state.Path, "localhost-key.pem")));
            }

            using var client = first.CreateClient(first.Token("alice", VigilRole.Reader));
            using var response = await client.GetAsync(new Uri(first.QueryPath + "?query=print%201", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var second = await LiveServer.StartAsync(o => o with { StateDirectory = state.Path });
        using var again = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(second.Server.CertificatePath!));
        Assert.Equal(thumbprint, again.Thumbprint);
    }

    [Fact]
    public async Task ClientThatDoesNotTrustTheCertificate_CannotConnect()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task WorkspaceId_IsGeneratedOnceAndKept_UnlessConfigured()
    {
        using var state = new TempDirectory();
        Guid generated;
        await using (var first = await LiveServer.StartAsync(o => o with { StateDirectory = state.Path }))
        {
            generated = first.Server.WorkspaceId;
            Assert.NotEqual(Guid.Empty, generated);
        }

        await using (var second = await LiveServer.StartAsync(o => o with { StateDirectory = state.Path }))
        {
            Assert.Equal(generated, second.Server.WorkspaceId);
        }

        var configured = Guid.NewGuid();
        await using var third = await LiveServer.StartAsync(o => o with { StateDirectory = state.Path, WorkspaceId = configured });
        Assert.Equal(configured, third.Server.WorkspaceId);
    }
}
