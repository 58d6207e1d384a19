using Vigil.Cli.Check;
using Vigil.Testing;

namespace Vigil.Cli.Tests.Check;

public sealed class QuerySourceReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("vigil-check-");

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string content) => _dir.Write(name, content);

    [Fact]
    public void Kql_file_is_one_query_starting_at_line_one()
    {
        var path = Write("a.kql", "DeviceInfo\n| take 1\n");
        var source = Assert.Single(QuerySourceReader.Read(path));
        Assert.Equal("DeviceInfo\n| take 1\n", source.Text);
        Assert.Equal(1, source.FileLine);
        Assert.Equal(0, source.Indent);
    }

    [Fact]
    public void Sentinel_rule_yaml_gives_the_query_field_with_its_block_position()
    {
        var path = Write("rule.yaml", """
            id: 0b9ae89d-8cad-461c-808f-0494f70ad5c4
            name: Rare process
            severity: Medium
            query: |
              DeviceProcessEvents
              | where FileName =~ "x.exe"
            entityMappings: []
            """);
        var source = Assert.Single(QuerySourceReader.Read(path));
        Assert.Equal("Rare process", source.Name);
        Assert.Equal("DeviceProcessEvents\n| where FileName =~ \"x.exe\"\n", source.Text);
        Assert.Equal(5, source.FileLine);
        Assert.Equal(2, source.Indent);
    }

    [Fact]
    public void Yaml_without_a_query_field_is_a_user_error_naming_the_file()
    {
        var path = Write("bad.yml", "name: x\n");
        var e = Assert.Throws<CommandException>(() => QuerySourceReader.Read(path).ToList());
        Assert.Contains("bad.yml", e.Message, StringComparison.Ordinal);
        Assert.Contains("'query'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_give_each_query_with_its_record_line_and_name()
    {
        var path = Write("q.jsonl", "{\"name\":\"one\",\"query\":\"print 1\"}\n\n{\"query\":\"print 2\"}\n");
        var sources = QuerySourceReader.Read(path).ToList();
        Assert.Equal(2, sources.Count);
        Assert.Equal(("one", "print 1", 1, 0), (sources[0].Name, sources[0].Text, sources[0].RecordLine, sources[0].Index));
        Assert.Equal((null, "print 2", 3, 1), (sources[1].Name, sources[1].Text, sources[1].RecordLine, sources[1].Index));
    }

    [Fact]
    public void Json_line_that_is_not_json_names_its_line()
    {
        var path = Write("q.jsonl", "{\"query\":\"print 1\"}\n{oops\n");
        var e = Assert.Throws<CommandException>(() => QuerySourceReader.Read(path).ToList());
        Assert.StartsWith($"{path}:2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_extension_and_missing_file_are_user_errors()
    {
        Assert.Throws<CommandException>(() => QuerySourceReader.Read(Write("x.txt", "print 1")));
        Assert.Throws<CommandException>(() => QuerySourceReader.Read(Path.Combine(_dir.Path, "missing.kql")));
    }

    [Fact]
    public void The_corpus_reads_as_576_queries()
    {
        var sources = QuerySourceReader.Read(RepositoryPaths.SharedFile("corpus", "m365d-hunting.jsonl")).ToList();
        Assert.Equal(576, sources.Count);
        Assert.All(sources, s => Assert.False(string.IsNullOrEmpty(s.Text)));
    }
}
