using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Engine.Tests.Query;

/// <summary>externaldata reading files from a real HTTP server on 127.0.0.1 that the test starts.</summary>
public sealed class ExternalDataTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal)
    {
        ["/data.csv"] = "Date,Event,Count\n2024-01-02T03:04:05Z,\"Login, failed\",3\n2024-01-03,Logout,x\n",
        ["/data.tsv"] = "a\t1\nb\t2\n",
        ["/feed"] = "# comment\nabc\n\ndef\n",
        ["/rows.json"] = "{\"Name\":\"a\",\"Value\":1,\"Tags\":[1,2]}\n{\"Name\":\"b\",\"Value\":null}\n",
        ["/rows.multijson"] = "[{\"Name\":\"a\",\"Value\":1},\n {\"Name\":\"b\",\n  \"Value\":2}]",
    };

    private readonly string _base;

    public ExternalDataTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(_base + "/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    public void Dispose() => _listener.Close();

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            if (_files.TryGetValue(path, out var text))
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    [Fact]
    public void Csv_cells_convert_to_the_declared_types_and_ignore_first_record_skips_the_header()
    {
        var result = QueryRunner.Run($"externaldata (Date:datetime, Event:string, Count:long) ['{_base}/data.csv'] with (ignoreFirstRecord=true)");
        Assert.Equal("Date:datetime, Event:string, Count:long", QueryRunner.Schema(result));
        Assert.Equal(["2024-01-02T03:04:05.0000000Z | Login, failed | 3", "2024-01-03T00:00:00.0000000Z | Logout | null"], QueryRunner.Rows(result));
    }

    [Fact]
    public void The_format_comes_from_the_property_or_the_extension()
    {
        Assert.Equal(["a | 1", "b | 2"], QueryRunner.Rows($"externaldata (k:string, v:int) [h@'{_base}/data.tsv']"));
        Assert.Equal(["abc", "def"], QueryRunner.Rows($"externaldata (line:string) ['{_base}/feed'] with (format='txt') | where line !startswith '#' and isnotempty(line)"));
    }

    [Fact]
    public void Json_lines_and_multijson_map_properties_by_column_name()
    {
        Assert.Equal(["a | 1 | [1,2]", "b | null | null"], QueryRunner.Rows($"externaldata (Name:string, Value:long, Tags:dynamic) ['{_base}/rows.json'] with (format=json)"));
        Assert.Equal(["a | 1", "b | 2"], QueryRunner.Rows($"externaldata (Name:string, Value:long) ['{_base}/rows.multijson']"));
    }

    [Fact]
    public void Several_files_are_read_one_after_the_other()
    {
        Assert.Equal(["4"], QueryRunner.Rows($"externaldata (k:string, v:int) ['{_base}/data.tsv', '{_base}/data.tsv'] | count"));
    }

    [Fact]
    public void A_missing_file_or_an_unreachable_host_is_a_clear_runtime_error()
    {
        var missing = Assert.Throws<QueryException>(() => QueryRunner.Run($"externaldata (x:string) ['{_base}/nope.csv']"));
        Assert.Equal(QueryErrorKind.Runtime, missing.Kind);
        Assert.Contains("HTTP 404", missing.Message, StringComparison.Ordinal);

        var closed = Assert.Throws<QueryException>(() => QueryRunner.Run("externaldata (x:string) ['http://127.0.0.1:1/x.csv']"));
        Assert.Equal(QueryErrorKind.Runtime, closed.Kind);
        Assert.Contains("externaldata could not read 'http://127.0.0.1:1/x.csv'", closed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_connection_strings_other_than_http_are_not_supported()
    {
        var error = Assert.Throws<QueryException>(() => QueryRunner.Run("externaldata (x:string) ['file:///etc/passwd']"));
        Assert.Equal(QueryErrorKind.NotSupported, error.Kind);
    }
}
