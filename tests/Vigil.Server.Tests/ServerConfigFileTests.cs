using System.Text.Json;
using Vigil.Server.Configuration;

namespace Vigil.Server.Tests;

/// <summary>The <c>--config</c> JSON: every setting read, relative paths anchored at the file, mistakes named.</summary>
public sealed class ServerConfigFileTests
{
    [Fact]
    public void FullConfiguration_IsRead()
    {
        const string json = """
            {
              // Comments are allowed.
              "urls": ["https://127.0.0.1:8443", "http://127.0.0.1:8080"],
              "data": "data",
              "workspaceId": "63613592-b6f7-4c3d-a390-22ba13102111",
              "certificate": { "path": "tls/server.pem", "keyPath": "tls/server.key" },
              "authentication": {
                "authority": "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
                "audience": "api://vigil",
                "validIssuers": ["https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/"],
                "localTokens": false
              },
              "sharedKeys": ["c2VjcmV0LWtleS0x", "c2VjcmV0LWtleS0y"],
              "limits": { "concurrentQueriesPerPrincipal": 2, "queriesPerWindow": 10, "rateWindowSeconds": 5, "queueTimeoutSeconds": 7, "maxQueryBodyBytes": 1000 }
            }
            """;
        var options = Read(json, "/etc/vigil");
        Assert.Equal("https://127.0.0.1:8443;http://127.0.0.1:8080", options.Urls);
        Assert.Equal(Path.GetFullPath("/etc/vigil/data"), options.DataDirectory);
        Assert.Equal(Guid.Parse("63613592-b6f7-4c3d-a390-22ba13102111"), options.WorkspaceId);
        Assert.Equal(new CertificateOptions(Path.GetFullPath("/etc/vigil/tls/server.pem"), Path.GetFullPath("/etc/vigil/tls/server.key")), options.Certificate);
        Assert.Equal("api://vigil", options.Authentication.Audience);
        Assert.False(options.Authentication.LocalTokens);
        Assert.Single(options.Authentication.ValidIssuers);
        Assert.Equal(["c2VjcmV0LWtleS0x", "c2VjcmV0LWtleS0y"], options.SharedKeys);
        Assert.Equal(2, options.Limits.ConcurrentQueriesPerPrincipal);
        Assert.Equal(10, options.Limits.QueriesPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Limits.RateWindow);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Limits.QueueTimeout);
        Assert.Equal(1000, options.Limits.MaxQueryBodyBytes);
        Assert.Equal(200, options.Limits.QueuedQueriesPerPrincipal);
    }

    [Fact]
    public void EmptyConfiguration_KeepsTheDefaults()
    {
        var options = Read("{}", "/srv");
        Assert.Equal(VigilServerOptions.DefaultUrls, options.Urls);
        Assert.True(options.Authentication.LocalTokens);
        Assert.Equal(5, options.Limits.ConcurrentQueriesPerPrincipal);
        Assert.Equal(200, options.Limits.QueriesPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Limits.RateWindow);
        Assert.Equal(Path.Combine("/srv", ".vigil-server"), ServerState.For(options).Directory);
    }

    [Fact]
    public void SelfSignedCertificate_CanBeNamed() =>
        Assert.Null(Read("""{"certificate": "self-signed"}""", "/srv").Certificate);

    [Theory]
    [InlineData("""{"certificate": "mine.pfx"}""", "must be \"self-signed\" or an object")]
    [InlineData("""{"url": "https://127.0.0.1:1"}""", "unknown setting 'url'")]
    [InlineData("""{"workspaceId": "local"}""", "'workspaceId' must be a GUID")]
    [InlineData("""{"limits": {"queriesPerWindow": 0}}""", "'limits.queriesPerWindow' must be a whole number")]
    [InlineData("""{"authentication": {"authority": "https://login.microsoftonline.com/t/v2.0"}}""", "needs an 'audience'")]
    [InlineData("""{"authentication": {"localTokens": false}}""", "accepts no token")]
    [InlineData("""{"sharedKeys": ["not base64!"]}""", "not base64")]
    [InlineData("""{"certificate": {"password": "x"}}""", "needs a 'path'")]
    [InlineData("""[]""", "must be a JSON object")]
    public void Mistakes_AreNamed(string json, string message)
    {
        var error = Assert.Throws<ServerConfigurationException>(() => Read(json, "/srv"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesTheFileOnBadJson()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ not json");
            var error = Assert.Throws<ServerConfigurationException>(() => ServerConfigFile.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static VigilServerOptions Read(string json, string folder)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return ServerConfigFile.Read(document.RootElement, folder);
    }
}
