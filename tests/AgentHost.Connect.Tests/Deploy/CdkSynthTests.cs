using System.Text.Json;
using AgentHost.Connect.Tests.Support;
using AgentHost.Testing;

namespace AgentHost.Connect.Tests.Deploy;

/// <summary>
/// The Connect CDK app (deploy/connect) synthesised offline with the real aws-cdk CLI, with cdk-nag's AWS Solutions rules
/// (installed by tests/setup/connect-cdk.sh). No AWS account is involved: the context values are fictitious ARNs.
/// </summary>
public sealed class CdkSynthTests : IClassFixture<CdkSynthTests.Synth>
{
    private const string RuntimeArn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/AgentHost-abc123";
    private const string InstanceArn = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";
    private const string QueueArn = InstanceArn + "/queue/66666666-7777-8888-9999-000000000000";
    private readonly Synth _synth;

    public CdkSynthTests(Synth synth) => _synth = synth;

    [Fact]
    public async Task Synth_WithCdkNagAwsSolutions_PassesWithOnlyJustifiedAcknowledgementsAsync()
    {
        var result = await _synth.Result;

        Assert.True(result.ExitCode == 0, result.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.OutputFolder, "validation-report.json")));
        var plugin = Assert.Single(report.RootElement.GetProperty("pluginReports").EnumerateArray(), p => p.GetProperty("pluginName").GetString() == "AwsSolutions");
        Assert.Equal("success", plugin.GetProperty("conclusion").GetString());
        Assert.Empty(plugin.GetProperty("violations").EnumerateArray());
        Assert.All(plugin.GetProperty("suppressedViolations").EnumerateArray(), s => Assert.True(s.GetProperty("reason").GetString()!.Length > 40, s.ToString()));
    }

    [Fact]
    public async Task Synth_Template_HasTheArm64BridgeWithInvokeAgentRuntimeOnTheRuntimeOnlyAsync()
    {
        var template = await TemplateAsync();
        var function = Single(template, "AWS::Lambda::Function");
        Assert.Equal("provided.al2023", function.GetProperty("Runtime").GetString());
        Assert.Equal("arm64", function.GetProperty("Architectures")[0].GetString());
        Assert.Equal("bootstrap", function.GetProperty("Handler").GetString());
        Assert.Equal(RuntimeArn, function.GetProperty("Environment").GetProperty("Variables").GetProperty("AGENTHOST_RUNTIME_ARN").GetString());

        var statements = Resources(template, "AWS::IAM::Policy").SelectMany(p => p.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray()).ToList();
        var invoke = Assert.Single(statements, s => s.GetProperty("Action").ToString().Contains("bedrock-agentcore", StringComparison.Ordinal));
        Assert.Equal("bedrock-agentcore:InvokeAgentRuntime", invoke.GetProperty("Action").GetString());
        Assert.All(invoke.GetProperty("Resource").EnumerateArray(), r => Assert.StartsWith(RuntimeArn, r.GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.GetProperty("Action").ToString().Contains("bedrock-agentcore:*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synth_Template_HasTheBotWithCodeHooksTheAssociationsAndBothFlowsAsync()
    {
        var template = await TemplateAsync();
        var bot = Single(template, "AWS::Lex::Bot");
        var intents = bot.GetProperty("BotLocales")[0].GetProperty("Intents").EnumerateArray().ToList();
        var fallback = Assert.Single(intents, i => i.TryGetProperty("ParentIntentSignature", out var parent) && parent.GetString() == "AMAZON.FallbackIntent");
        Assert.True(fallback.GetProperty("FulfillmentCodeHook").GetProperty("Enabled").GetBoolean());
        var alias = Single(template, "AWS::Lex::BotAlias");
        Assert.Equal("1.0", alias.GetProperty("BotAliasLocaleSettings")[0].GetProperty("BotAliasLocaleSetting").GetProperty("CodeHookSpecification").GetProperty("LambdaCodeHook").GetProperty("CodeHookInterfaceVersion").GetString());

        var associations = Resources(template, "AWS::Connect::IntegrationAssociation").Select(a => a.GetProperty("IntegrationType").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["LAMBDA_FUNCTION", "LEX_BOT"], associations);

        var flows = Resources(template, "AWS::Connect::ContactFlow").ToList();
        Assert.Equal(2, flows.Count);
        Assert.All(flows, f =>
        {
            Assert.Equal(InstanceArn, f.GetProperty("InstanceArn").GetString());
            var sub = f.GetProperty("Content").GetProperty("Fn::Sub");
            Assert.Contains("$.Lex.SessionAttributes.Tool", sub[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(QueueArn, sub[1].GetProperty("EscalationQueueArn").GetString());
        });
    }

    [Fact]
    public async Task Synth_MissingRuntimeArn_FailsNamingTheContextValueAsync()
    {
        Assert.True((await _synth.Result).ExitCode == 0);
        var (exit, output) = await Synth.RunAsync(_synth.Bootstrap, Path.Combine(_synth.Folder, "missing"), includeRuntime: false);

        Assert.NotEqual(0, exit);
        Assert.Contains("agenthost:agentRuntimeArn", output, StringComparison.Ordinal);
    }

    private async Task<JsonElement> TemplateAsync()
    {
        var result = await _synth.Result;
        Assert.True(result.ExitCode == 0, result.Output);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(result.OutputFolder, "AgentHostConnect.template.json"))).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Resources(JsonElement template, string type) =>
        template.GetProperty("Resources").EnumerateObject().Where(r => r.Value.GetProperty("Type").GetString() == type).Select(r => r.Value.GetProperty("Properties"));

    private static JsonElement Single(JsonElement template, string type) => Assert.Single(Resources(template, type));

    /// <summary>One synth per test class: compile the app, then cdk synth into a temporary folder.</summary>
    public sealed class Synth : IDisposable
    {
        public Synth()
        {
            Folder = Path.Combine(Path.GetTempPath(), "agenthost-connect-cdk", Guid.NewGuid().ToString("N"));
            Bootstrap = Path.Combine(Folder, "bootstrap-dir");
            Directory.CreateDirectory(Bootstrap);
            File.WriteAllText(Path.Combine(Bootstrap, "bootstrap"), "placeholder: the real Native AOT bootstrap is published before a deploy");
            Result = RunSynthAsync();
        }

        public string Folder { get; }

        public string Bootstrap { get; }

        public Task<(int ExitCode, string Output, string OutputFolder)> Result { get; }

        public static string App => Path.Combine(RepositoryPaths.Root, "deploy", "connect");

        public static async Task<(int ExitCode, string Output)> RunAsync(string bootstrap, string output, bool includeRuntime = true)
        {
            string[] context =
            [
                "-c", $"agenthost:bootstrapDir={bootstrap}",
                "-c", $"agenthost:connectInstanceArn={InstanceArn}",
                "-c", $"agenthost:escalationQueueArn={QueueArn}",
                .. includeRuntime ? new[] { "-c", $"agenthost:agentRuntimeArn={RuntimeArn}" } : [],
            ];
            return await ToolProcess.RunAsync("node", [Path.Combine(App, "node_modules", "aws-cdk", "bin", "cdk"), "synth", "--no-notices", "-q", "-o", output, .. context], App, Environment(), TimeSpan.FromMinutes(5));
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private async Task<(int, string, string)> RunSynthAsync()
        {
            if (!Directory.Exists(Path.Combine(App, "node_modules", "aws-cdk-lib")) || !Directory.Exists(Path.Combine(App, "node_modules", "cdk-nag")))
            {
                return (-1, "deploy/connect/node_modules is missing: run bash tests/setup/connect-cdk.sh (tests/run.sh does).", string.Empty);
            }

            var (tscExit, tscOutput) = await ToolProcess.RunAsync("node", [Path.Combine(App, "node_modules", "typescript", "bin", "tsc"), "-p", "."], App, Environment(), TimeSpan.FromMinutes(3));
            if (tscExit != 0)
            {
                return (tscExit, "tsc failed: " + tscOutput, string.Empty);
            }

            var output = Path.Combine(Folder, "cdk.out");
            var (exit, text) = await RunAsync(Bootstrap, output);
            return (exit, text, output);
        }

        private static Dictionary<string, string?> Environment() => new()
        {
            ["CDK_DISABLE_VERSION_CHECK"] = "true",
            ["CDK_DISABLE_CLI_TELEMETRY"] = "true",
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
    }
}
