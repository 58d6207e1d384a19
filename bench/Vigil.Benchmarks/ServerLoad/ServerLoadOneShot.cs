using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Vigil.Server;
using Vigil.Server.Configuration;
using Vigil.Server.Security;

namespace Vigil.Benchmarks.ServerLoad;

/// <summary>
/// A real Vigil server in this process (HTTPS on a free loopback port, temporary state, throttling raised so the
/// engine is what is measured) with N query clients running <see cref="LoadQueries"/> through the Log Analytics
/// query API while one client uploads batches of <see cref="ProcessRowMaker"/> rows through the Logs Ingestion API:
/// <code>dotnet bin/Release/net10.0/Vigil.Benchmarks.dll server-load [--seconds 30] [--clients 8] [--batch 1000] [--data DIR]</code>
/// Latency is client-side, request sent to body read. Peak working set is the whole process (server and clients).
/// </summary>
internal static class ServerLoadOneShot
{
    private const string Usage = "usage: server-load [--seconds 30] [--clients 8] [--batch 1000] [--data DIR]";

    public static int Run(string[] args)
    {
        var seconds = 30;
        var clients = 8;
        var batch = 1000;
        string? data = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Length: seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--clients" when i + 1 < args.Length: clients = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batch" when i + 1 < args.Length: batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                default:
                    Console.Error.WriteLine($"unknown argument {args[i]}; {Usage}");
                    return 2;
            }
        }

        if (seconds <= 0 || clients <= 0 || batch <= 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        return RunAsync(TimeSpan.FromSeconds(seconds), clients, batch, data).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(TimeSpan duration, int clients, int batch, string? data)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "vigil-server-load-" + Guid.NewGuid().ToString("N")[..8]);
        var dataDirectory = data ?? Path.Combine(scratch, "data");
        var limits = new ServerLimits
        {
            ConcurrentQueriesPerPrincipal = 1_000,
            QueuedQueriesPerPrincipal = 10_000,
            QueriesPerWindow = int.MaxValue,
            RateWindow = TimeSpan.FromSeconds(1),
        };
        var options = new VigilServerOptions
        {
            Urls = "https://127.0.0.1:0",
            DataDirectory = dataDirectory,
            StateDirectory = Path.Combine(scratch, "state"),
            Limits = limits,
        };
        try
        {
            await using var server = VigilServer.Create(options);
            await server.StartAsync();
            var address = new Uri(server.Addresses[0]);
            using var trusted = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.CertificatePath!));
            var key = LocalSigningKey.LoadOrCreate(server.State);
            string Token(string principal, VigilRole role) =>
                LocalTokenIssuer.Issue(key, principal, role, TimeSpan.FromHours(2), AuthenticationOptions.DefaultLocalAudience);

            Console.WriteLine($"server {address} over {dataDirectory}; throttling raised for the benchmark " +
                $"({limits.ConcurrentQueriesPerPrincipal} concurrent queries per principal, no rate limit): this measures the engine, not Log Analytics' limits");

            using var ingestClient = Client(address, trusted, Token("bench-ingest", VigilRole.Contributor));
            var ruleId = await CreateRuleAsync(ingestClient);
            var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            long rowsAcknowledged = 0;
            var next = 0L;

            // One batch before the clock starts, so the table exists when the first query arrives.
            if (!await UploadAsync(ingestClient, ruleId, ProcessRowMaker.Batch(next, batch, DateTime.UtcNow), errors))
            {
                Console.Error.WriteLine("the first upload failed: " + string.Join(", ", errors.Select(e => $"{e.Key} x{e.Value}")));
                return 1;
            }

            next += batch;
            var seeded = next;
            using var stop = new CancellationTokenSource();
            var latencies = new ConcurrentBag<List<double>>();
            var clock = Stopwatch.StartNew();
            var queryTasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                using var client = Client(address, trusted, Token("bench-reader-" + c.ToString(CultureInfo.InvariantCulture), VigilRole.Reader));
                var mine = new List<double>();
                latencies.Add(mine);
                var path = $"/v1/workspaces/{server.WorkspaceId:D}/query";
                for (var n = c; !stop.IsCancellationRequested; n++)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await client.PostAsJsonAsync(path, new { query = LoadQueries.All[n % LoadQueries.All.Length] }, stop.Token);
                        await response.Content.ReadAsByteArrayAsync(stop.Token);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }
                        else
                        {
                            errors.AddOrUpdate("query " + (int)response.StatusCode, 1, (_, v) => v + 1);
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (TaskCanceledException)
                    {
                        errors.AddOrUpdate("query client timeout", 1, (_, v) => v + 1);
                    }
                    catch (HttpRequestException e)
                    {
                        errors.AddOrUpdate("query " + e.HttpRequestError, 1, (_, v) => v + 1);
                    }
                }
            })).ToArray();

            var ingestTask = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var payload = ProcessRowMaker.Batch(next, batch, DateTime.UtcNow);
                    next += batch;
                    if (await UploadAsync(ingestClient, ruleId, payload, errors))
                    {
                        Interlocked.Add(ref rowsAcknowledged, batch);
                    }
                }
            });

            await Task.Delay(duration);
            await stop.CancelAsync();
            await Task.WhenAll(queryTasks.Append(ingestTask));
            var elapsed = clock.Elapsed.TotalSeconds;

            // Every acknowledged row must be queryable: the count after the run is the check that the figures are real.
            var expected = seeded + rowsAcknowledged;
            using (var checker = Client(address, trusted, Token("bench-check", VigilRole.Reader)))
            using (var counted = await checker.PostAsJsonAsync($"/v1/workspaces/{server.WorkspaceId:D}/query", new { query = LoadQueries.All[0] }))
            {
                var rows = JsonNode.Parse(await counted.Content.ReadAsStringAsync())?["tables"]?[0]?["rows"]?[0]?[0]?.GetValue<long>();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows in {ProcessRowMaker.Table} after the run: {rows} (acknowledged {expected})"));
                if (rows != expected)
                {
                    errors.AddOrUpdate("rows missing after the run", 1, (_, v) => v + 1);
                }
            }

            var all = latencies.SelectMany(l => l).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{elapsed:F1} s, {clients} query clients, ingestion batches of {batch} rows ({seeded} seeded before the clock)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"queries: {all.Length} ok, {all.Length / elapsed:F1} queries/s; latency ms p50 {Percentile(all, 0.50):F1}, p95 {Percentile(all, 0.95):F1}, p99 {Percentile(all, 0.99):F1}, max {(all.Length == 0 ? 0 : all[^1]):F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingestion: {rowsAcknowledged:N0} rows acknowledged, {rowsAcknowledged / elapsed:N0} rows/s"));
            Console.WriteLine("errors: " + (errors.IsEmpty ? "none" : string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} x{e.Value}"))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak working set (server and clients): {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB"));
            return errors.IsEmpty ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static HttpClient Client(Uri address, X509Certificate2 trusted, string token)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate?.GetCertHashString() == trusted.Thumbprint),
            },
        };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> CreateRuleAsync(HttpClient client)
    {
        var columns = new JsonArray(ProcessRowMaker.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type }).ToArray());
        var rule = new JsonObject
        {
            ["location"] = "local",
            ["kind"] = "Direct",
            ["properties"] = new JsonObject
            {
                ["streamDeclarations"] = new JsonObject { [ProcessRowMaker.Stream] = new JsonObject { ["columns"] = columns } },
                ["destinations"] = new JsonObject
                {
                    ["logAnalytics"] = new JsonArray(new JsonObject { ["workspaceResourceId"] = "/subscriptions/bench/resourceGroups/bench/providers/Microsoft.OperationalInsights/workspaces/vigil", ["name"] = "Vigil" }),
                },
                ["dataFlows"] = new JsonArray(new JsonObject
                {
                    ["streams"] = new JsonArray(ProcessRowMaker.Stream),
                    ["destinations"] = new JsonArray("Vigil"),
                    ["transformKql"] = "source",
                    ["outputStream"] = "Custom-" + ProcessRowMaker.Table,
                }),
            },
        };
        using var response = await client.PutAsJsonAsync("/subscriptions/bench/resourceGroups/bench/providers/Microsoft.Insights/dataCollectionRules/server-load?api-version=2023-03-11", rule);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating the data collection rule failed: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!["properties"]!["immutableId"]!.GetValue<string>();
    }

    private static async Task<bool> UploadAsync(HttpClient client, string ruleId, byte[] payload, ConcurrentDictionary<string, int> errors)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(new Uri($"/dataCollectionRules/{ruleId}/streams/{ProcessRowMaker.Stream}?api-version=2023-01-01", UriKind.Relative), content);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return true;
            }

            errors.AddOrUpdate("ingest " + (int)response.StatusCode, 1, (_, v) => v + 1);
        }
        catch (HttpRequestException e)
        {
            errors.AddOrUpdate("ingest " + e.HttpRequestError, 1, (_, v) => v + 1);
        }

        return false;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
