using System.Globalization;
using System.Text.Json;

namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>The Runtime API emulator, the fake data plane and the published bootstrap, wired together for one test.</summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    private readonly bool _ownsPlane;

    private BridgeHarness(RuntimeApiEmulator lambda, FakeAgentCoreDataPlane plane, BootstrapProcess bootstrap, bool ownsPlane)
    {
        Lambda = lambda;
        DataPlane = plane;
        Bootstrap = bootstrap;
        _ownsPlane = ownsPlane;
    }

    public RuntimeApiEmulator Lambda { get; }

    public FakeAgentCoreDataPlane DataPlane { get; }

    public BootstrapProcess Bootstrap { get; }

    /// <summary>Starts everything; <paramref name="endpoint"/> overrides the data plane address (e.g. a closed port).</summary>
    public static async Task<BridgeHarness> StartAsync(PublishedBootstrap published, Dictionary<string, string?>? extra = null, Uri? endpoint = null, FakeAgentCoreDataPlane? sharedPlane = null)
    {
        var lambda = await RuntimeApiEmulator.StartAsync();
        var plane = sharedPlane ?? await FakeAgentCoreDataPlane.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = lambda.Address,
            ["AWS_REGION"] = FakeAgentCoreDataPlane.Region,
            ["AWS_ACCESS_KEY_ID"] = FakeAgentCoreDataPlane.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = FakeAgentCoreDataPlane.Credentials.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = FakeAgentCoreDataPlane.Credentials.SessionToken,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE"] = (endpoint ?? plane.BaseUri).ToString(),
            ["AGENTHOST_RUNTIME_ARN"] = FakeAgentCoreDataPlane.RuntimeArn,
            ["AGENTHOST_LOG_LEVEL"] = "Debug",
            ["HOME"] = Path.GetTempPath(),
        };
        foreach (var (name, value) in extra ?? [])
        {
            environment[name] = value;
        }

        return new BridgeHarness(lambda, plane, BootstrapProcess.Start(published.Path, environment), ownsPlane: sharedPlane is null);
    }

    /// <summary>Sends an event through the bootstrap and returns the reply JSON (fails the test on an error reply).</summary>
    public async Task<JsonElement> InvokeAsync(byte[] body, TimeSpan? timeout = null)
    {
        var result = await Lambda.InvokeAsync(body, timeout).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.False(result.IsError, $"The bootstrap answered with an error ({result.ErrorType}): {System.Text.Encoding.UTF8.GetString(result.Body)}\n{Bootstrap.Output}");
        return JsonDocument.Parse(result.Body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Bootstrap.DisposeAsync();
        if (_ownsPlane)
        {
            await DataPlane.DisposeAsync();
        }

        await Lambda.DisposeAsync();
    }

    /// <summary>A completed /invocations response as the runtime host sends it.</summary>
    public static string Completed(RecordedInvocation call, string text, string toolCalls = "[]") =>
        $$"""{"sessionId":{{Quote(call.SessionId)}},"turnId":{{Quote(call.TurnId)}},"text":{{Quote(text)}},"stopReason":"endTurn","toolCalls":{{toolCalls}},"usage":{"inputTokens":1,"outputTokens":2,"totalTokens":3},"cycles":1}""";

    public static string Quote(string? value) => value is null ? "null" : "\"" + JsonEncodedText.Encode(value) + "\"";

    public static string Ms(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
