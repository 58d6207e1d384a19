using System.CommandLine;
using System.Globalization;
using Vigil.Server.Configuration;
using Vigil.Server.Security;

namespace Vigil.Cli.Serve;

/// <summary>
/// <c>vigil token --principal NAME --role ROLE [--expires 1h] [--config FILE] [--data DIR]</c>: prints a bearer JWT
/// signed by the server's own key (the one <c>vigil serve</c> with the same <c>--config</c>/<c>--data</c> trusts;
/// generated here when it does not exist yet).
/// </summary>
internal static class TokenCommand
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    public static Command Create()
    {
        var shared = new ServerOptionsArguments();
        var principal = new Option<string>("--principal") { Description = "Who the token is for (its sub and name claims).", Required = true };
        var role = new Option<string>("--role") { Description = "Reader, Responder, Contributor or Admin (each includes the ones before it).", Required = true };
        var expires = new Option<string>("--expires")
        {
            Description = "How long the token is valid: a number with s, m, h or d (default 1h; at most 365d).",
            DefaultValueFactory = _ => "1h",
        };
        var command = new Command("token", "Print a bearer token for vigil serve, signed by the server's own key.");
        shared.AddTo(command);
        command.Options.Add(principal);
        command.Options.Add(role);
        command.Options.Add(expires);
        command.SetAction(parsed =>
        {
            var options = shared.Resolve(parsed);
            parsed.InvocationConfiguration.Output.WriteLine(Issue(options, parsed.GetValue(principal)!, parsed.GetValue(role)!, parsed.GetValue(expires)!));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Issue(Vigil.Server.VigilServerOptions options, string principal, string roleName, string expires)
    {
        if (string.IsNullOrWhiteSpace(principal))
        {
            throw new CommandException("--principal must name someone");
        }

        if (!VigilPolicies.TryParseRole(roleName, out var role))
        {
            throw new CommandException($"'{roleName}' is not a role: use Reader, Responder, Contributor or Admin");
        }

        if (!TryParseLifetime(expires, out var lifetime))
        {
            throw new CommandException($"--expires '{expires}' is not a duration like 30m, 1h or 7d (at most 365d)");
        }

        if (!options.Authentication.LocalTokens)
        {
            throw new CommandException("the configuration turns Vigil's own tokens off (authentication.localTokens is false): get a token from the authority");
        }

        try
        {
            var key = LocalSigningKey.LoadOrCreate(ServerState.For(options));
            return LocalTokenIssuer.Issue(key, principal, role, lifetime, options.Authentication.LocalAudience);
        }
        catch (ServerConfigurationException e)
        {
            throw new CommandException(e.Message);
        }
    }

    internal static bool TryParseLifetime(string text, out TimeSpan lifetime)
    {
        lifetime = default;
        text = text.Trim();
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        var days = MaxLifetime.TotalDays;
        var unit = char.ToLowerInvariant(text[^1]);
        double? seconds = unit switch
        {
            's' => amount,
            'm' => amount * 60.0,
            'h' => amount * 3600.0,
            'd' => amount * 86400.0,
            _ => null,
        };
        if (seconds is not { } s || s > days * 86400)
        {
            return false;
        }

        lifetime = TimeSpan.FromSeconds(s);
        return true;
    }
}
