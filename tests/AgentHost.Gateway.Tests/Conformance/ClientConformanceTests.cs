namespace AgentHost.Gateway.Tests.Conformance;

/// <summary>
/// The MCP conformance suite's client scenarios against a small client built on the gateway integration
/// (tests/AgentHost.Gateway.ConformanceClient): every scenario that applies to a tools client passes; the others are listed
/// here with the reason they do not apply (also in the gateway's README).
/// </summary>
public sealed class ClientConformanceTests(ITestOutputHelper output)
{
    /// <summary>The scenarios a tools client must pass.</summary>
    public static readonly string[] ApplicableScenarios = ["initialize", "tools_call", "sse-retry", "auth/client-credentials-basic"];

    /// <summary><see cref="ApplicableScenarios"/> as theory data.</summary>
    public static TheoryData<string> Applicable => [.. ApplicableScenarios];

    /// <summary>The scenarios that do not apply to AgentHost's gateway client, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotApplicable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["elicitation-sep1034-client-defaults"] = "the host declares no elicitation capability: an agent in a contact centre has nobody to ask mid-call",
        ["auth/metadata-default"] = AuthorizationCode,
        ["auth/metadata-var1"] = AuthorizationCode,
        ["auth/metadata-var2"] = AuthorizationCode,
        ["auth/metadata-var3"] = AuthorizationCode,
        ["auth/basic-cimd"] = AuthorizationCode,
        ["auth/scope-from-www-authenticate"] = AuthorizationCode,
        ["auth/scope-from-scopes-supported"] = AuthorizationCode,
        ["auth/scope-omitted-when-undefined"] = AuthorizationCode,
        ["auth/scope-step-up"] = AuthorizationCode,
        ["auth/scope-retry-limit"] = AuthorizationCode,
        ["auth/token-endpoint-auth-basic"] = AuthorizationCode,
        ["auth/token-endpoint-auth-post"] = AuthorizationCode,
        ["auth/token-endpoint-auth-none"] = AuthorizationCode,
        ["auth/pre-registration"] = AuthorizationCode,
        ["auth/2025-03-26-oauth-metadata-backcompat"] = AuthorizationCode,
        ["auth/2025-03-26-oauth-endpoint-fallback"] = AuthorizationCode,
        ["auth/resource-mismatch"] = AuthorizationCode,
        ["auth/offline-access-scope"] = AuthorizationCode,
        ["auth/offline-access-not-supported"] = AuthorizationCode,
        ["auth/client-credentials-jwt"] = "client authentication with a signed JWT (private_key_jwt) is not supported: gateway tokens come from client credentials with a secret (HTTP Basic), the caller's token or AgentCore Identity",
        ["auth/cross-app-access-complete-flow"] = "identity assertion grants (cross-app access) are not supported: see auth/client-credentials-jwt",
    };

    private const string AuthorizationCode =
        "interactive OAuth (authorization code with a browser redirect, dynamic or metadata-document client registration) does not apply to a headless agent host: " +
        "a gateway's token comes from configured client credentials, the caller's own token (pass-through) or AgentCore Identity";

    [Theory]
    [MemberData(nameof(Applicable))]
    public async Task ConformanceSuite_ClientScenario_PassesAsync(string scenario)
    {
        Assert.SkipUnless(ConformanceSuite.IsInstalled, "The MCP conformance suite is not installed: run tests/setup/mcp-peer.sh (tests/run.sh does).");

        var (exitCode, text) = await ConformanceSuite.RunAsync("client", "--scenario", scenario, "--command", ConformanceSuite.ClientCommand, "--timeout", "60000");

        output.WriteLine(text);
        Assert.True(exitCode == 0 && text.Contains("OVERALL: PASSED", StringComparison.Ordinal), $"Scenario {scenario} failed:\n{text}");
    }

    [Fact]
    public async Task ConformanceSuite_EveryClientScenario_IsRunOrListedAsNotApplicableWithAReasonAsync()
    {
        Assert.SkipUnless(ConformanceSuite.IsInstalled, "The MCP conformance suite is not installed: run tests/setup/mcp-peer.sh (tests/run.sh does).");

        var (exitCode, text) = await ConformanceSuite.RunAsync("list", "--client");

        Assert.Equal(0, exitCode);
        var scenarios = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Split(' ')[0]).ToList();
        Assert.NotEmpty(scenarios);
        var applicable = ApplicableScenarios.ToHashSet(StringComparer.Ordinal);
        foreach (var scenario in scenarios.Where(s => !applicable.Contains(s)))
        {
            Assert.True(NotApplicable.TryGetValue(scenario, out var reason), $"The suite has a client scenario '{scenario}' that is neither run nor listed as not applicable.");
            output.WriteLine($"not applicable: {scenario}: {reason}");
        }

        Assert.All(applicable, s => Assert.Contains(s, scenarios));
    }
}
