using Vigil.Cli.Serve;
using Vigil.Testing;

namespace Vigil.Cli.Tests.Serve;

public sealed class ServerOptionsArgumentsTests
{
    [Fact]
    public void Flags_override_the_configuration_file()
    {
        using var directory = new TempDirectory();
        var config = Path.Combine(directory.Path, "vigil.json");
        File.WriteAllText(config, """{"urls": "https://127.0.0.1:9000", "data": "from-file", "limits": {"queriesPerWindow": 7}}""");

        var fromFile = ServerOptionsArguments.Resolve(config, null, null);
        Assert.Equal("https://127.0.0.1:9000", fromFile.Urls);
        Assert.Equal(Path.Combine(directory.Path, "from-file"), fromFile.DataDirectory);
        Assert.Equal(7, fromFile.Limits.QueriesPerWindow);

        var overridden = ServerOptionsArguments.Resolve(config, "elsewhere", "http://127.0.0.1:0");
        Assert.Equal("http://127.0.0.1:0", overridden.Urls);
        Assert.Equal(Path.GetFullPath("elsewhere"), overridden.DataDirectory);
        Assert.Equal(7, overridden.Limits.QueriesPerWindow);
    }

    [Fact]
    public void A_bad_configuration_is_a_usage_error_naming_the_file()
    {
        using var directory = new TempDirectory();
        var config = Path.Combine(directory.Path, "vigil.json");
        File.WriteAllText(config, """{"limits": {"queriesPerWindow": -1}}""");
        var (code, _, stderr) = CliRunner.Run("serve", "--config", config);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(config, stderr, StringComparison.Ordinal);
        Assert.Contains("limits.queriesPerWindow", stderr, StringComparison.Ordinal);
    }
}
