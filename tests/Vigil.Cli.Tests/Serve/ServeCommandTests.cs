using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Cli.Serve;
using Vigil.Server;
using Vigil.Testing;

namespace Vigil.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_prints_its_https_address_and_certificate_answers_health_and_stops_when_cancelled()
    {
        using var directory = new TempDirectory();
        var output = new ReadyWriter();
        using var stop = new CancellationTokenSource();
        var options = new VigilServerOptions { Urls = "https://127.0.0.1:0", StateDirectory = directory.Path };
        var running = ServeCommand.RunAsync(options, output, stop.Token);
        await Task.WhenAny(output.Ready, running);
        Assert.False(running.IsCompleted, output.ToString());

        var text = output.ToString();
        var address = Regex.Match(text, @"listening on (https://127\.0\.0\.1:\d+)").Groups[1].Value;
        var certificatePath = Regex.Match(text, @"self-signed HTTPS certificate (\S+)").Groups[1].Value;
        Assert.Equal(Path.Combine(directory.Path, "localhost-cert.pem"), certificatePath);
        using var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        using (var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                   errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate?.Thumbprint == trusted.Thumbprint })
        using (var client = new HttpClient(handler))
        {
            using var health = await client.GetAsync(new Uri(address + "/health"));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var query = await client.GetAsync(new Uri(address + "/v1/workspaces/" + Guid.Empty + "/query?query=print%201"));
            Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode);
        }

        await stop.CancelAsync();
        await running;
        Assert.EndsWith("vigil: stopped", output.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Token_prints_a_jwt_signed_by_the_key_kept_in_the_data_directory()
    {
        using var directory = new TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run("token", "--data", directory.Path, "--principal", "alice", "--role", "contributor", "--expires", "2h");
        Assert.True(code == 0, stderr);
        Assert.Equal(3, stdout.Trim().Split('.').Length);
        var key = Path.Combine(directory.Path, ".vigil-server", "signing-key.pem");
        Assert.True(File.Exists(key));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        // The same key signs the next token.
        var keyText = File.ReadAllText(key);
        Assert.Equal(0, CliRunner.Run("token", "--data", directory.Path, "--principal", "bob", "--role", "Reader").ExitCode);
        Assert.Equal(keyText, File.ReadAllText(key));
    }

    [Theory]
    [InlineData("--role", "Owner", "not a role")]
    [InlineData("--expires", "forever", "not a duration")]
    public void Token_refuses_a_bad_role_or_lifetime(string option, string value, string message)
    {
        using var directory = new TempDirectory();
        string[] args = ["token", "--data", directory.Path, "--principal", "alice", "--role", "Reader", "--expires", "1h"];
        args[Array.IndexOf(args, option) + 1] = value;
        var (code, _, stderr) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    /// <summary>Collects output and signals once the server says it is serving.</summary>
    private sealed class ReadyWriter : StringWriter
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ready => _ready.Task;

        public override void WriteLine(string? value)
        {
            lock (_ready)
            {
                base.WriteLine(value);
            }

            if (value?.Contains("press Ctrl+C", StringComparison.Ordinal) == true)
            {
                _ready.TrySetResult();
            }
        }

        public override string ToString()
        {
            lock (_ready)
            {
                return base.ToString();
            }
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
