using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Cli.Serve;

namespace Vigil.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_prints_its_address_answers_health_and_stops_when_cancelled()
    {
        var output = new ReadyWriter();
        using var stop = new CancellationTokenSource();
        var running = ServeCommand.RunAsync(null, "http://127.0.0.1:0", output, stop.Token);
        await Task.WhenAny(output.Ready, running);
        Assert.False(running.IsCompleted, output.ToString());

        var address = Regex.Match(output.ToString(), @"listening on (http://127\.0\.0\.1:\d+)").Groups[1].Value;
        using (var client = new HttpClient())
        {
            using var response = await client.GetAsync(new Uri(address + "/health"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await stop.CancelAsync();
        await running;
        Assert.EndsWith("vigil: stopped", output.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>Collects output and signals once the server says it is serving.</summary>
    private sealed class ReadyWriter : StringWriter
    {
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ready => _ready.Task;

        public override void WriteLine(string? value)
        {
            lock (_ready)
            {
                base.WriteLine(value);
            }

            if (value?.Contains("press Ctrl+C", StringComparison.Ordinal) == true)
            {
                _ready.TrySetResult();
            }
        }

        public override string ToString()
        {
            lock (_ready)
            {
                return base.ToString();
            }
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
