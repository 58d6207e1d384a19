namespace Vigil.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Help_describes_vigil_and_lists_the_commands()
    {
        var (code, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Vigil", stdout, StringComparison.Ordinal);
        foreach (var command in VigilCommandLine.Build().Subcommands)
        {
            Assert.Contains(command.Name, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_prints_the_product_version()
    {
        var (code, stdout, _) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
    }

    [Fact]
    public void Unknown_option_is_one_line_on_stderr_and_a_usage_exit_code()
    {
        var (code, stdout, stderr) = CliRunner.Run("--no-such-option");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var lines = stderr.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("vigil: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("--no-such-option", lines[0], StringComparison.Ordinal);
    }
}
