using System.Text.Json;
using Vigil.Engine;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Cli.Tests.Query;

public sealed class QueryCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("vigil-query-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Json_format_prints_the_log_analytics_body_with_typed_values()
    {
        var (code, stdout, stderr) = CliRunner.Run(
            "query", "--format", "json",
            "print n = 42, r = 1.5, s = 'x', t = datetime(2024-01-02 03:04:05), d = dynamic({\"a\":[1,2]}), b = true, ts = 1h, z = long(null)");
        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(stdout);
        var table = document.RootElement.GetProperty("tables")[0];
        Assert.Equal("PrimaryResult", table.GetProperty("name").GetString());
        var types = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()!).ToArray();
        Assert.Equal(["long", "real", "string", "datetime", "dynamic", "bool", "timespan", "long"], types);
        var row = table.GetProperty("rows")[0];
        Assert.Equal(42, row[0].GetInt64());
        Assert.Equal(1.5, row[1].GetDouble());
        Assert.Equal("x", row[2].GetString());
        Assert.Equal("2024-01-02T03:04:05Z", row[3].GetString());
        using (var dynamicCell = JsonDocument.Parse(row[4].GetString()!))
        {
            // As Log Analytics: a dynamic cell is its JSON text.
            Assert.Equal(2, dynamicCell.RootElement.GetProperty("a")[1].GetInt32());
        }

        Assert.True(row[5].GetBoolean());
        Assert.Equal("01:00:00", row[6].GetString());
        Assert.Equal(JsonValueKind.Null, row[7].ValueKind);
    }

    [Fact]
    public void Table_format_aligns_columns_and_reports_the_row_count()
    {
        var (code, stdout, _) = CliRunner.Run("query", "range x from 1 to 3 step 1 | extend y = x * 100");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("x  y", lines[0]);
        Assert.Equal("-  ---", lines[1]);
        Assert.Equal("3  300", lines[4]);
        Assert.StartsWith("3 rows in ", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_format_quotes_cells_with_commas()
    {
        var (code, stdout, _) = CliRunner.Run("query", "--format", "csv", "print a = 'x,y', b = 2");
        Assert.Equal(0, code);
        Assert.Equal("a,b\n\"x,y\",2\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Syntax_error_is_one_line_on_stderr_with_exit_code_1()
    {
        var (code, stdout, stderr) = CliRunner.Run("query", "print (1");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("vigil: query failed: KQL1", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Query_from_file_runs_over_a_data_directory()
    {
        var data = Path.Combine(_dir.Path, "ws");
        using (var workspace = SchemaMapping.OpenWorkspace(data, new WorkspaceOptions { BackgroundMaintenance = false }))
        {
            workspace.CreateTable(new Storage.TableSchema("Logs_CL", [new ColumnDefinition("TimeGenerated", ColumnType.DateTime), new ColumnDefinition("Msg", ColumnType.String)]));
            // Recent times: rows older than the retention (90 days by default) are not returned.
            var time = DateTime.UtcNow.AddHours(-1).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
            var lines = $"{{\"TimeGenerated\":\"{time}\",\"Msg\":\"hello world\"}}\n{{\"TimeGenerated\":\"{time}\",\"Msg\":\"bye\"}}\n";
            using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines));
            workspace.Ingest("Logs_CL", input, IngestFormat.JsonLines);
        }

        var file = _dir.Write("q.kql", "Logs_CL | where Msg has 'hello' | project Msg");
        var (code, stdout, stderr) = CliRunner.Run("query", "--data", data, "--format", "csv", "--file", file);
        Assert.True(code == 0, stderr);
        Assert.Equal("Msg\nhello world\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Missing_data_directory_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("query", "--data", Path.Combine(_dir.Path, "nope"), "print 1");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_mode_prints_one_json_line_per_query_with_ok_or_error()
    {
        var input = _dir.Write("in.jsonl", "{\"page\":\"p\",\"line\":1,\"query\":\"print x = 1\"}\n{\"page\":\"p\",\"line\":2,\"query\":\"print (\"}\n");
        var (code, stdout, _) = CliRunner.Run("query", "--batch", input);
        Assert.Equal(1, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.True(first.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("1", first.RootElement.GetProperty("rows")[0][0].GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, second.RootElement.GetProperty("line").GetInt32());
    }
}
