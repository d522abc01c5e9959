using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace AgentHost.AgentCore.Runtime.Tests;

/// <summary>
/// The contract served as routed endpoints (<c>MapAgentCoreRuntime</c>) and as one terminal middleware
/// (<c>UseAgentCoreRuntime</c>, what the container uses): the same answers either way.
/// </summary>
public sealed class ContractServingTests
{
    public static TheoryData<bool> BothWays => new() { true, false };

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Ping_Get_AnswersTheStatusAsync(bool routed)
    {
        await using var host = await RuntimeTestHost.StartAsync(routed: routed);

        using var response = await host.Client.GetAsync("/ping", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Paths_OtherCaseOrTrailingSlash_AreTheSameResourceAsync(bool routed)
    {
        await using var host = await RuntimeTestHost.StartAsync(routed: routed);
        host.Model.ThenText("Hello.", 10, 2);

        using var ping = await host.Client.GetAsync("/PING/", TestContext.Current.CancellationToken);
        using var request = RuntimeTestHost.Invocation("""{"prompt":"Hi"}""");
        request.RequestUri = new Uri("/Invocations/", UriKind.Relative);
        using var invocation = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invocation.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Invocation_Post_RunsTheTurnAsync(bool routed)
    {
        await using var host = await RuntimeTestHost.StartAsync(routed: routed);
        host.Model.ThenText("Hello there.", 10, 2);

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"Hi"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Hello there.", body.RootElement.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(true, "POST", "/ping", "GET")]
    [InlineData(false, "POST", "/ping", "GET")]
    [InlineData(true, "GET", "/invocations", "POST")]
    [InlineData(false, "GET", "/invocations", "POST")]
    [InlineData(true, "DELETE", "/invocations", "POST")]
    [InlineData(false, "DELETE", "/invocations", "POST")]
    public async Task KnownPath_OtherMethod_Answers405WithAllowAsync(bool routed, string method, string path, string allow)
    {
        await using var host = await RuntimeTestHost.StartAsync(routed: routed);

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json"));
        }

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Empty(host.Model.Calls);
    }

    [Theory]
    [MemberData(nameof(BothWays))]
    public async Task Get_UnknownPath_Answers404Async(bool routed)
    {
        await using var host = await RuntimeTestHost.StartAsync(routed: routed);

        using var response = await host.Client.GetAsync("/invocations/extra", TestContext.Current.CancellationToken);
        using var root = await host.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }

    [Fact]
    public async Task UseAgentCoreRuntime_WithoutTheServices_SaysWhatIsMissingAsync()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseAgentCoreRuntime());

        Assert.Contains("services.AddAgentCoreRuntime() before app.UseAgentCoreRuntime()", error.Message, StringComparison.Ordinal);
    }
}
