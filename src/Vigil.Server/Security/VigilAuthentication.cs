using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using AuthenticationOptions = Vigil.Server.Configuration.AuthenticationOptions;

namespace Vigil.Server.Security;

/// <summary>
/// Bearer JWT authentication: tokens whose issuer is <c>vigil</c> are checked against Vigil's own key, every other
/// token against the configured OpenID Connect authority (issuer and signing keys from its metadata, audience as
/// configured). Each is its own JwtBearer scheme behind one selecting scheme, so an unreachable authority never
/// stops local tokens from working. Refusals are 401 with <c>WWW-Authenticate</c> and a Log Analytics error body.
/// </summary>
internal static class VigilAuthentication
{
    /// <summary>The scheme endpoints and policies use; it forwards to one of the two below.</summary>
    public const string Scheme = "Bearer";

    private const string LocalScheme = "VigilLocal";
    private const string AuthorityScheme = "OpenIdConnectAuthority";

    /// <summary>Clock difference tolerated on <c>exp</c>/<c>nbf</c>; small so an expired token is refused promptly.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static void Add(IServiceCollection services, AuthenticationOptions options, SecurityKey? localKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = services.AddAuthentication(Scheme);
        builder.AddPolicyScheme(Scheme, "Bearer token", o => o.ForwardDefaultSelector = context => Select(context, options));
        if (options.LocalTokens)
        {
            ArgumentNullException.ThrowIfNull(localKey);
            builder.AddJwtBearer(LocalScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = Parameters(options);
                o.TokenValidationParameters.ValidIssuer = AuthenticationOptions.LocalIssuer;
                o.TokenValidationParameters.ValidAudience = options.LocalAudience;
                o.TokenValidationParameters.IssuerSigningKey = localKey;
                o.Events = Events(options.LocalAudience);
            });
        }

        if (options.Authority is { } authority)
        {
            builder.AddJwtBearer(AuthorityScheme, o =>
            {
                o.MapInboundClaims = false;
                o.Authority = authority;
                o.Audience = options.Audience;
                o.RequireHttpsMetadata = options.RequireHttpsMetadata;
                o.TokenValidationParameters = Parameters(options);
                o.TokenValidationParameters.ValidAudience = options.Audience;
                // The metadata's issuer is added to these by the handler.
                o.TokenValidationParameters.ValidIssuers = options.ValidIssuers;
                o.Events = Events(options.Audience!);
            });
        }

        services.AddAuthorization(o => VigilPolicies.Add(o, Scheme));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationFailureWriter>();
    }

    private static TokenValidationParameters Parameters(AuthenticationOptions options) => new()
    {
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
        NameClaimType = "name",
        RoleClaimType = VigilPolicies.RolesClaim,
    };

    /// <summary>Vigil's issuer goes to the local scheme; any other (or an unreadable token) to the authority when there is one.</summary>
    private static string Select(HttpContext context, AuthenticationOptions options)
    {
        if (!options.LocalTokens)
        {
            return AuthorityScheme;
        }

        if (options.Authority is null)
        {
            return LocalScheme;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var handler = new JsonWebTokenHandler();
            var token = header["Bearer ".Length..].Trim();
            if (handler.CanReadToken(token))
            {
                try
                {
                    if (handler.ReadJsonWebToken(token).Issuer != AuthenticationOptions.LocalIssuer)
                    {
                        return AuthorityScheme;
                    }
                }
                catch (ArgumentException)
                {
                    // Unreadable: let the local scheme say so.
                }
            }
        }

        return LocalScheme;
    }

    private static JwtBearerEvents Events(string audience) => new()
    {
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var (innerCode, detail) = Describe(context.Request, context.AuthenticateFailure, audience);
            var topCode = context.AuthenticateFailure switch
            {
                null => "AuthenticationFailed",
                SecurityTokenInvalidAudienceException => "InvalidAuthenticationTokenAudience",
                _ => "InvalidAuthenticationToken",
            };
            var message = context.AuthenticateFailure is null
                ? "Authentication failed: a bearer token is required."
                : "The access token is invalid.";
            context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                ? "Bearer realm=\"vigil\""
                : $"Bearer realm=\"vigil\", error=\"invalid_token\", error_description=\"{detail.Replace('"', '\'')}\"";
            await HttpErrors.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, topCode, message, innerCode, detail).ConfigureAwait(false);
        },
    };

    /// <summary>The audience the (already refused) token names, read without validation for the error message.</summary>
    private static string TokenAudience(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        try
        {
            return string.Join(", ", new JsonWebTokenHandler().ReadJsonWebToken(header["Bearer ".Length..].Trim()).Audiences);
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }

    private static (string Code, string Message) Describe(HttpRequest request, Exception? failure, string audience) => failure switch
    {
        null when request.Headers.Authorization.Count == 0 =>
            ("MissingAuthorizationHeader", "The 'Authorization' header is missing: send 'Authorization: Bearer <token>' (vigil token prints one)."),
        null => ("UnsupportedAuthorizationScheme", "The 'Authorization' header must be 'Bearer <token>'."),
        SecurityTokenExpiredException expired =>
            ("ExpiredAuthenticationToken", $"The access token expired at {expired.Expires:yyyy-MM-ddTHH:mm:ssZ}."),
        SecurityTokenNotYetValidException => ("TokenNotYetValid", "The access token is not valid yet (nbf is in the future)."),
        SecurityTokenInvalidAudienceException =>
            ("InvalidAudience", $"The access token was issued for the audience '{TokenAudience(request)}'; this server accepts '{audience}'."),
        SecurityTokenInvalidIssuerException issuer =>
            ("InvalidIssuer", $"The access token's issuer '{issuer.InvalidIssuer}' is not trusted by this server."),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            ("InvalidSignature", "The access token's signature does not verify with any key this server trusts."),
        SecurityTokenMalformedException => ("MalformedToken", "The access token is not a well-formed JWT."),
        SecurityTokenException => ("InvalidToken", "The access token was refused: " + failure.Message),
        _ => ("AuthenticationUnavailable", "The token could not be checked: " + failure.Message),
    };
}
