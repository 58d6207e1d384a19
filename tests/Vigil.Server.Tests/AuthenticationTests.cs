using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>Every endpoint but health needs a valid bearer token: refusals are 401 with WWW-Authenticate and a clear body.</summary>
public sealed class AuthenticationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private LiveServer Server => fixture.Server;

    [Fact]
    public async Task Health_NeedsNoToken()
    {
        using var client = Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoToken_Returns401WithChallengeAndAuthenticationFailedBody()
    {
        using var client = Server.CreateClient();
        using var response = await client.PostAsJsonAsync(Server.QueryPath, new { query = "print 1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var error = await ErrorAsync(response);
        Assert.Equal("AuthenticationFailed", error.GetProperty("code").GetString());
        Assert.Equal("MissingAuthorizationHeader", error.GetProperty("innererror").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownRouteWithoutToken_Returns401NotAHint()
    {
        using var client = Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/v1/anything", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedByAnotherKey_Returns401InvalidSignature()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = LocalTokenIssuer.Issue(new ECDsaSecurityKey(other) { KeyId = "not-the-servers" }, "mallory", VigilRole.Admin, TimeSpan.FromHours(1), "https://api.loganalytics.io");
        var error = await RefusedAsync(token);
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        Assert.Equal("InvalidSignature", error.GetProperty("innererror").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TamperedPayload_Returns401InvalidSignature()
    {
        var parts = Server.Token("mallory", VigilRole.Reader).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"Reader\"", "\"Admin\"", StringComparison.Ordinal);
        var token = parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
        var error = await RefusedAsync(token);
        Assert.Equal("InvalidSignature", error.GetProperty("innererror").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ExpiredToken_Returns401Expired()
    {
        var token = Server.Token("alice", VigilRole.Reader, TimeSpan.FromHours(1), issued: DateTime.UtcNow.AddHours(-3));
        var error = await RefusedAsync(token);
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
        Assert.Equal("ExpiredAuthenticationToken", error.GetProperty("innererror").GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongAudience_Returns401InvalidAudience()
    {
        var token = Server.Token("alice", VigilRole.Reader, audience: "https://management.azure.com/");
        var error = await RefusedAsync(token);
        Assert.Equal("InvalidAuthenticationTokenAudience", error.GetProperty("code").GetString());
        Assert.Contains("https://management.azure.com/", error.GetProperty("innererror").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task MalformedAuthorization_Returns401(string header)
    {
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.QueryPath) { Content = JsonContent.Create(new { query = "print 1" }) };
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("innererror").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task TokenWithoutAVigilRole_Returns403NamingTheRoleNeeded()
    {
        var token = LocalTokenIssuer.Issue(
            LocalSigningKey.LoadOrCreate(Server.Server.State), "guest", VigilRole.Reader, TimeSpan.FromHours(1), "https://api.loganalytics.io");
        // Re-sign with a role Vigil does not know: the token is valid, the caller has no role.
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"Reader\"", "\"Owner\"", StringComparison.Ordinal);
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Server.Server.State.SigningKeyPath));
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)));
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var roleless = Encoding.ASCII.GetString(signed) + "." + Base64UrlEncoder.Encode(signature);

        using var client = Server.CreateClient(roleless);
        using var response = await client.PostAsJsonAsync(Server.QueryPath, new { query = "print 1" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("InsufficientAccessError", error.GetProperty("code").GetString());
        Assert.Contains("Reader role", error.GetProperty("innererror").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reader")]
    [InlineData("Responder")]
    [InlineData("Contributor")]
    [InlineData("Admin")]
    public async Task EveryRole_CanQuery(string name)
    {
        var role = Enum.Parse<VigilRole>(name);
        using var client = Server.CreateClient(Server.Token("user-" + role, role));
        using var response = await client.PostAsJsonAsync(Server.QueryPath, new { query = "print 1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OtherWorkspaceId_Returns404WorkspaceNotFound()
    {
        using var client = Server.CreateClient(Server.Token("alice", VigilRole.Reader));
        using var response = await client.PostAsJsonAsync($"/v1/workspaces/{Guid.NewGuid()}/query", new { query = "print 1" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("WorkspaceNotFoundError", (await ErrorAsync(response)).GetProperty("code").GetString());
    }

    private async Task<JsonElement> RefusedAsync(string token)
    {
        using var client = Server.CreateClient(token);
        using var response = await client.PostAsJsonAsync(Server.QueryPath, new { query = "print 1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        return await ErrorAsync(response);
    }

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error").Clone();
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("correlationId").GetString()));
        return error;
    }
}
