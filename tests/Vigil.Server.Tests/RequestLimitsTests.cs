using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Server.Security;

namespace Vigil.Server.Tests;

/// <summary>Malformed and oversized requests get clear 4xx answers and the server keeps serving.</summary>
public sealed class RequestLimitsTests
{
    [Fact]
    public async Task OversizedAndMalformedBodies_GetClearErrors_AndTheServerStillServes()
    {
        await using var server = await LiveServer.StartAsync(o => o with { Limits = o.Limits with { MaxQueryBodyBytes = 4096 } });
        using var client = server.CreateClient(server.Token("alice", VigilRole.Reader));
        var big = "{\"query\":\"print '" + new string('x', 10_000) + "'\"}";

        // Declared length over the limit.
        using (var content = new StringContent(big, Encoding.UTF8, "application/json"))
        using (var response = await client.PostAsync(new Uri(server.QueryPath, UriKind.Relative), content))
        {
            await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "PayloadTooLarge");
        }

        // No length (chunked): caught while reading.
        using (var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))))
        using (var request = new HttpRequestMessage(HttpMethod.Post, server.QueryPath) { Content = content })
        {
            content.Headers.ContentType = new("application/json");
            request.Headers.TransferEncodingChunked = true;
            using var response = await client.SendAsync(request);
            await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "PayloadTooLarge");
        }

        foreach (var malformed in new[] { "{\"query\":", "\u0000\u0001\u0002", "{\"query\": 42}", "[]" })
        {
            using var content = new StringContent(malformed, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(server.QueryPath, UriKind.Relative), content);
            await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgumentError");
        }

        using var ok = await client.PostAsJsonAsync(server.QueryPath, new { query = "print 1" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task RequestOverTheServerWideLimit_Returns413()
    {
        await using var server = await LiveServer.StartAsync(o => o with { Limits = o.Limits with { MaxRequestBodyBytes = 1024 } });
        using var client = server.CreateClient(server.Token("alice", VigilRole.Reader));
        using var content = new ByteArrayContent(new byte[4096]);
        using var response = await client.PostAsync(new Uri(server.QueryPath, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal(code, body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
