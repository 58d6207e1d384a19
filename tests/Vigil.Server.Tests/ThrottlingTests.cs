using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Configuration;
using Vigil.Server.Security;
using Vigil.Server.Throttling;
using Vigil.Testing;

namespace Vigil.Server.Tests;

/// <summary>Per-caller query rate and concurrency limits: 429 with Retry-After and a Log Analytics error body.</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task QueryRateLimit_Returns429WithRetryAfter_PerCaller()
    {
        using var data = new TempDirectory();
        await using var server = await LiveServer.StartAsync(o => o with
        {
            DataDirectory = data.Path, Limits = o.Limits with { QueriesPerWindow = 3, RateWindow = TimeSpan.FromMinutes(5) },
        });
        using var alice = server.CreateClient(server.Token("alice", Security.VigilRole.Reader));
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await alice.PostAsJsonAsync(server.QueryPath, new { query = "print 1" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await alice.PostAsJsonAsync(server.QueryPath, new { query = "print 1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("ThrottledError", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("QueryRateLimitExceeded", body.RootElement.GetProperty("error").GetProperty("innererror").GetProperty("code").GetString());

        // Another caller has its own budget, and health is never throttled.
        using var bob = server.CreateClient(server.Token("bob", Security.VigilRole.Reader));
        using var other = await bob.PostAsJsonAsync(server.QueryPath, new { query = "print 1" });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var health = await alice.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // The throttled query is audited with its 429, as Log Analytics does.
        await server.FlushAuditAsync();
        using var audit = await bob.PostAsJsonAsync(server.QueryPath, new { query = "LAQueryLogs | where ResponseCode == 429 | summarize count() by AADObjectId" });
        using var auditBody = JsonDocument.Parse(await audit.Content.ReadAsStringAsync());
        var row = Assert.Single(auditBody.RootElement.GetProperty("tables")[0].GetProperty("rows").EnumerateArray());
        Assert.Equal(LocalTokenIssuer.ObjectId("alice").ToString(), row[0].GetString());
        Assert.Equal(1, row[1].GetInt64());
    }

    [Fact]
    public async Task ConcurrencyLimit_RefusesTheNextQueryWhileTheCallersSlotsAreTaken()
    {
        await using var throttle = new QueryThrottle(new ServerLimits { ConcurrentQueriesPerPrincipal = 1, QueuedQueriesPerPrincipal = 0 });
        var release = new TaskCompletionSource();
        var running = throttle.InvokeAsync(Context("alice"), _ => release.Task);
        Assert.False(running.IsCompleted);

        var second = Context("alice");
        await throttle.InvokeAsync(second, _ => throw new InvalidOperationException("must not run"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, second.Response.StatusCode);
        Assert.Equal("5", second.Response.Headers.RetryAfter.ToString());
        Assert.Contains("ConcurrentQueryLimitExceeded", Body(second), StringComparison.Ordinal);

        // Another caller is not affected; once the first query ends, the slot is free again.
        var bob = Context("bob");
        await throttle.InvokeAsync(bob, _ => Task.CompletedTask);
        Assert.Equal(StatusCodes.Status200OK, bob.Response.StatusCode);
        release.SetResult();
        await running;
        var third = Context("alice");
        await throttle.InvokeAsync(third, _ => Task.CompletedTask);
        Assert.Equal(StatusCodes.Status200OK, third.Response.StatusCode);
    }

    [Fact]
    public async Task QueuedQuery_RunsWhenASlotFrees()
    {
        await using var throttle = new QueryThrottle(new ServerLimits { ConcurrentQueriesPerPrincipal = 1, QueuedQueriesPerPrincipal = 1 });
        var release = new TaskCompletionSource();
        var running = throttle.InvokeAsync(Context("alice"), _ => release.Task);
        var ran = false;
        var queued = throttle.InvokeAsync(Context("alice"), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        Assert.False(queued.IsCompleted);
        release.SetResult();
        await running;
        await queued;
        Assert.True(ran);
    }

    [Fact]
    public async Task QueuedQuery_Returns429WhenItWaitsTooLong()
    {
        await using var throttle = new QueryThrottle(new ServerLimits
        {
            ConcurrentQueriesPerPrincipal = 1, QueuedQueriesPerPrincipal = 1, QueueTimeout = TimeSpan.FromMilliseconds(50),
        });
        var release = new TaskCompletionSource();
        var running = throttle.InvokeAsync(Context("alice"), _ => release.Task);
        var waiting = Context("alice");
        await throttle.InvokeAsync(waiting, _ => throw new InvalidOperationException("must not run"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, waiting.Response.StatusCode);
        Assert.Contains("ConcurrentQueryQueueTimeout", Body(waiting), StringComparison.Ordinal);
        release.SetResult();
        await running;
    }

    private static DefaultHttpContext Context(string caller)
    {
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", caller)], "test")),
            RequestServices = new ServiceCollection().BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(QueryThrottleMetadata.Instance), "query"));
        return context;
    }

    private static string Body(HttpContext context) =>
        System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}
