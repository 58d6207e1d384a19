using System.Text.Json;
using Vigil.Testing;

namespace Vigil.Cli.Tests.Check;

public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("vigil-check-");

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string content) => _dir.Write(name, content);

    [Fact]
    public void Valid_query_exits_zero_and_says_what_was_checked()
    {
        var path = Write("ok.kql", "DeviceProcessEvents\n| where Timestamp > ago(1d)\n| summarize count() by DeviceName\n");
        var (code, stdout, stderr) = CliRunner.Run("check", path);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("checked 1 query in 1 file: 0 errors, 0 warnings", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_is_reported_like_a_compiler_at_its_file_position()
    {
        var path = Write("bad.kql", "DeviceProcessEvents\n| where (FileName == \"a.exe\"\n| take 1\n");
        var (code, stdout, _) = CliRunner.Run("check", path);
        Assert.Equal(1, code);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:\d+:\d+: error KQL1\d{{3}}: .*\)", stdout.Split('\n')[0]);
    }

    [Fact]
    public void Unknown_column_in_a_yaml_rule_maps_to_the_file_line_and_column()
    {
        var path = Write("rule.yaml", "name: r\nquery: |\n  DeviceProcessEvents\n  | where NoSuchColumn == 1\n");
        var (code, stdout, _) = CliRunner.Run("check", path);
        Assert.Equal(1, code);
        Assert.StartsWith($"{path}:4:11: error KQL2", stdout, StringComparison.Ordinal);
        Assert.Contains("NoSuchColumn", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_table_is_an_error_unless_unknown_names_are_warnings()
    {
        var path = Write("t.kql", "NoSuchTable_CL | take 1");
        Assert.Equal(1, CliRunner.Run("check", path).ExitCode);
        var (code, stdout, _) = CliRunner.Run("check", "--unknown-as-warnings", path);
        Assert.Equal(0, code);
        Assert.Contains(": warning KQL2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_writes_one_object_per_query_with_positions_inside_the_query()
    {
        var path = Write("q.jsonl", "{\"name\":\"good\",\"query\":\"print x = 1\"}\n{\"name\":\"bad\",\"query\":\"print x = \\n  (1\"}\n");
        var (code, stdout, _) = CliRunner.Run("check", "--format", "json", path);
        Assert.Equal(1, code);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        using var good = JsonDocument.Parse(lines[0]);
        Assert.Equal("good", good.RootElement.GetProperty("name").GetString());
        Assert.Equal(0, good.RootElement.GetProperty("diagnostics").GetArrayLength());
        using var bad = JsonDocument.Parse(lines[1]);
        Assert.Equal(1, bad.RootElement.GetProperty("index").GetInt32());
        var d = bad.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.StartsWith("KQL1", d.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, d.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Missing_file_is_one_line_on_stderr_and_exit_code_two()
    {
        var (code, stdout, stderr) = CliRunner.Run("check", Path.Combine(_dir.Path, "nope.kql"));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Bad_format_value_is_a_usage_error()
    {
        var path = Write("ok.kql", "print 1");
        var (code, _, stderr) = CliRunner.Run("check", "--format", "xml", path);
        Assert.Equal(2, code);
        Assert.StartsWith("vigil: ", stderr, StringComparison.Ordinal);
    }
}
