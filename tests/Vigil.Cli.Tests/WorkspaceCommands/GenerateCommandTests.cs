using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Testing;

namespace Vigil.Cli.Tests.WorkspaceCommands;

public sealed partial class GenerateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("vigil-generate-");

    // Recent (retention keeps it) yet fixed for the two runs a test compares.
    private static readonly string End = DateTime.UtcNow.Date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Generate_prints_rows_per_table_and_the_same_options_generate_the_same_queryable_rows()
    {
        string[] Args(string name) => ["generate", "--data", Path.Combine(_dir.Path, name), "--days", "1", "--devices", "3", "--seed", "9", "--end", End];
        var first = CliRunner.Run(Args("x"));
        var second = CliRunner.Run(Args("y"));
        Assert.True(first.ExitCode == 0, first.Stderr);
        var counts = Counts(first.Stdout);
        Assert.Contains("DeviceProcessEvents", counts.Keys);
        Assert.Contains("EmailEvents", counts.Keys);
        Assert.Contains("generated ", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(counts, Counts(second.Stdout));

        var (queryCode, result, queryError) = CliRunner.Run("query", "--data", Path.Combine(_dir.Path, "x"), "--format", "csv", "DeviceProcessEvents | count");
        Assert.True(queryCode == 0, queryError);
        Assert.Equal($"Count\n{counts["DeviceProcessEvents"]}\n", result.ReplaceLineEndings("\n"));

        const string Query = "DeviceProcessEvents | order by ReportId asc | project Timestamp, DeviceName, ProcessCommandLine, SHA256 | take 50";
        var a = CliRunner.Run("query", "--data", Path.Combine(_dir.Path, "x"), "--format", "csv", Query).Stdout;
        var b = CliRunner.Run("query", "--data", Path.Combine(_dir.Path, "y"), "--format", "csv", Query).Stdout;
        Assert.Equal(a, b);
        Assert.True(a.Split('\n').Length > 10);
    }

    [Theory]
    [InlineData("--days", "0", "days")]
    [InlineData("--devices", "100000", "devices")]
    [InlineData("--end", "yesterday-ish", "--end")]
    public void Bad_options_are_usage_errors_that_name_the_option(string option, string value, string named)
    {
        var (code, _, stderr) = CliRunner.Run("generate", "--data", Path.Combine(_dir.Path, "bad"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, long> Counts(string stdout)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Match m in TableLine().Matches(stdout))
        {
            counts[m.Groups[1].Value] = long.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }

        return counts;
    }

    [GeneratedRegex(@"^(\w+)\s+([\d,]+) rows", RegexOptions.Multiline)]
    private static partial Regex TableLine();
}
