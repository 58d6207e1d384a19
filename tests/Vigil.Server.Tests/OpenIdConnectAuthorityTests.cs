using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vigil.Server.Configuration;
using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>
/// Tokens from an OpenID Connect authority shaped like Microsoft Entra ID (discovery document, JWKS, v2 issuer, app
/// roles in <c>roles</c>), served by a small local authority, alongside Vigil's own tokens.
/// </summary>
public sealed class OpenIdConnectAuthorityTests : IAsyncLifetime
{
    private const string Audience = "api://vigil-test";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly RSA _key = RSA.Create(2048);
    private WebApplication? _authority;
    private LiveServer? _server;
    private string _issuer = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _authority = builder.Build();
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        _authority.MapGet($"/{Tenant}/v2.0/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _issuer,
            ["jwks_uri"] = $"{BaseOf(context)}/{Tenant}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _authority.MapGet($"/{Tenant}/discovery/v2.0/keys", () => Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = "entra-key-1", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        }));
        await _authority.StartAsync();
        var address = _authority.Urls.Single();
        _issuer = $"{address}/{Tenant}/v2.0";
        _server = await LiveServer.StartAsync(o => o with
        {
            Authentication = new AuthenticationOptions
            {
                Authority = _issuer,
                Audience = Audience,
                RequireHttpsMetadata = false, // The test authority is plain HTTP on loopback.
                ValidIssuers = [$"https://sts.windows.net/{Tenant}/"],
            },
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_authority is not null)
        {
            await _authority.DisposeAsync();
        }

        _key.Dispose();
    }

    [Fact]
    public async Task AuthorityToken_WithAnAppRole_CanQuery()
    {
        using var response = await QueryAsync(Token(_issuer, Audience, "Reader"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AuthorityToken_WithTheV1IssuerConfigured_CanQuery()
    {
        using var response = await QueryAsync(Token($"https://sts.windows.net/{Tenant}/", Audience, "Vigil.Admin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AuthorityToken_ForAnotherAudience_Returns401()
    {
        using var response = await QueryAsync(Token(_issuer, "https://api.loganalytics.io", "Reader"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("InvalidAudience", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFromAnUntrustedIssuer_Returns401()
    {
        using var response = await QueryAsync(Token("https://login.example.com/other/v2.0", Audience, "Reader"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("InvalidIssuer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorityToken_WithoutARole_Returns403()
    {
        using var response = await QueryAsync(Token(_issuer, Audience, role: null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task VigilsOwnTokens_StillWorkBesideTheAuthority()
    {
        // With an audience configured, Vigil's own tokens carry it too.
        using var response = await QueryAsync(_server!.Token("local-admin", VigilRole.Admin, audience: Audience));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> QueryAsync(string token)
    {
        using var client = _server!.CreateClient(token);
        return await client.PostAsJsonAsync(_server.QueryPath, new { query = "print 1" });
    }

    private string Token(string issuer, string audience, string? role)
    {
        var claims = new Dictionary<string, object>
        {
            ["oid"] = "2f1a5ad4-6bf3-4d8e-9f0e-5c1c0d1e2f3a",
            ["tid"] = Tenant,
            ["upn"] = "analyst@contoso.com",
            ["azp"] = "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
        };
        if (role is not null)
        {
            claims["roles"] = new[] { role };
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "entra-key-1" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static string BaseOf(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}
