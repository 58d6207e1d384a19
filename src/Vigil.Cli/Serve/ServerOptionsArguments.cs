using System.CommandLine;
using Vigil.Server;
using Vigil.Server.Configuration;

namespace Vigil.Cli.Serve;

/// <summary>
/// The <c>--config FILE</c> and <c>--data DIR</c> options <c>vigil serve</c> and <c>vigil token</c> share, so both
/// find the same state folder (signing key, certificate, workspace id). Flags override the file.
/// </summary>
internal sealed class ServerOptionsArguments
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "A JSON server configuration (urls, data, workspaceId, certificate, authentication, sharedKeys, limits; see src/Vigil.Server/README.md).",
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "The workspace directory (created when it does not exist); overrides the configuration's 'data'.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Data);
    }

    public VigilServerOptions Resolve(ParseResult parsed, string? urls = null) =>
        Resolve(parsed.GetValue(Config), parsed.GetValue(Data), urls);

    public static VigilServerOptions Resolve(string? config, string? data, string? urls)
    {
        VigilServerOptions options;
        try
        {
            options = config is null ? new VigilServerOptions() : ServerConfigFile.Load(config);
        }
        catch (ServerConfigurationException e)
        {
            throw new CommandException(e.Message);
        }

        if (data is not null)
        {
            options = options with { DataDirectory = Path.GetFullPath(data) };
        }

        if (urls is not null)
        {
            options = options with { Urls = urls };
        }

        return options;
    }
}
