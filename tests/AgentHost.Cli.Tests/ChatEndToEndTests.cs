using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentHost.Cli.Tests;

public sealed partial class ChatEndToEndTests
{
    [Fact]
    public async Task Chat_RedirectedConversation_CallsTheToolAndResumesAfterRestartAsync()
    {
        using var cli = new CliProcess();

        var (exit, output, error) = await cli.RunAsync("What is the portfolio of investor LP-001?\n/sessions\n/exit\n", "chat");

        Assert.True(exit == 0, error);
        Assert.Contains("offline rule-based model", output, StringComparison.Ordinal);
        Assert.Contains("-> portfolio___get_portfolio {\"investorId\":\"LP-001\"}", output, StringComparison.Ordinal);
        Assert.Matches(@"<- portfolio___get_portfolio success in \d+ ms", output);
        Assert.Contains("agent> Here is the portfolio for LP-001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        var sessionId = SessionPattern().Match(output).Groups["id"].Value;
        Assert.StartsWith("cli-", sessionId, StringComparison.Ordinal);
        Assert.Contains($"* {sessionId}", output, StringComparison.Ordinal);

        (exit, output, error) = await cli.RunAsync($"/resume {sessionId[..12]}\n/history\nWhat are the positions of investor LP-001?\n/exit\n", "chat");

        Assert.True(exit == 0, error);
        Assert.Contains($"Resumed session {sessionId} (1 turns)", output, StringComparison.Ordinal);
        Assert.Contains("you> What is the portfolio of investor LP-001?", output, StringComparison.Ordinal);
        Assert.Contains("tool portfolio___get_portfolio {\"investorId\":\"LP-001\"} -> success", output, StringComparison.Ordinal);
        Assert.Contains("-> portfolio___get_positions", output, StringComparison.Ordinal);

        (exit, output, _) = await cli.RunAsync(string.Empty, "sessions", "show", sessionId);
        Assert.Equal(0, exit);
        Assert.Contains("[2]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_SlashCommands_HelpToolsNewAndUnknownAsync()
    {
        using var cli = new CliProcess();

        var (exit, output, _) = await cli.RunAsync("/help\n/tools\n/new\n/nonsense\n/history\n", "chat");

        Assert.Equal(0, exit);
        Assert.Contains("/resume [ID]", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ tools:", output);
        Assert.Contains("New session cli-", output, StringComparison.Ordinal);
        Assert.Contains("Unknown command /nonsense", output, StringComparison.Ordinal);
        Assert.Contains("has no turns yet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_ResumeUnknownSession_SaysSoAndKeepsGoingAsync()
    {
        using var cli = new CliProcess();

        var (exit, output, _) = await cli.RunAsync("/resume does-not-exist\n/exit\n", "chat");

        Assert.Equal(0, exit);
        Assert.Contains("No session 'does-not-exist'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Json_PrintsTheInvocationResponseShapeAsync()
    {
        using var cli = new CliProcess();

        var (exit, output, error) = await cli.RunAsync(string.Empty, "invoke", "What is the portfolio of investor LP-001?", "--json", "--session", "cli-json-session-0000000000000000000001");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("cli-json-session-0000000000000000000001", root.GetProperty("sessionId").GetString());
        Assert.Equal("endTurn", root.GetProperty("stopReason").GetString());
        var call = Assert.Single(root.GetProperty("toolCalls").EnumerateArray());
        Assert.Equal("portfolio___get_portfolio", call.GetProperty("name").GetString());
        Assert.Equal("LP-001", call.GetProperty("input").GetProperty("investorId").GetString());
        Assert.Equal(2, root.GetProperty("cycles").GetInt32());
    }

    [Fact]
    public async Task Sessions_DeleteThenShow_ReportsTheSessionIsGoneAsync()
    {
        using var cli = new CliProcess();
        await cli.RunAsync(string.Empty, "invoke", "hello", "--session", "cli-delete-me-000000000000000000000001");

        var (exit, output, _) = await cli.RunAsync(string.Empty, "sessions", "delete", "cli-delete-me-000000000000000000000001");
        Assert.Equal(0, exit);
        Assert.Contains("Deleted session", output, StringComparison.Ordinal);

        (exit, _, var error) = await cli.RunAsync(string.Empty, "sessions", "show", "cli-delete-me-000000000000000000000001");
        Assert.Equal(1, exit);
        Assert.Contains("No session", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigShow_InvalidSetting_ExitsWithUsageErrorAndPreciseMessageAsync()
    {
        using var cli = new CliProcess();

        var (exit, _, error) = await cli.RunAsync(string.Empty, "config", "show", "--max-cycles", "0");

        Assert.Equal(2, exit);
        Assert.Contains("'Agent:Limits:MaxCycles' is 0 (from command line); it must be between 1 and 1000.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigShow_ValidConfiguration_PrintsEffectiveValuesWithSourcesAsync()
    {
        using var cli = new CliProcess();

        var (exit, output, _) = await cli.RunAsync(string.Empty, "config", "show", "--set", "Agent:Name=desk-bot");

        Assert.Equal(0, exit);
        Assert.Matches(@"Agent:Name\s+= desk-bot\s+\(command line\)", output);
        Assert.Matches(@"Model:Provider\s+= offline\s+\(environment variable AGENTHOST_MODEL_PROVIDER\)", output);
    }

    [Fact]
    public async Task ConfigShow_UnknownAgentHostVariable_PrintsAWarningToStandardErrorAndSucceedsAsync()
    {
        using var cli = new CliProcess();
        cli.Environment["AGENTHOST_MODLE_ID"] = "anthropic.claude";

        var (exit, output, error) = await cli.RunAsync(string.Empty, "config", "show");

        Assert.Equal(0, exit);
        Assert.Contains("warning: Unknown environment variable AGENTHOST_MODLE_ID ignored; did you mean AGENTHOST_MODEL_ID?", error, StringComparison.Ordinal);
        Assert.DoesNotContain("AGENTHOST_MODLE_ID", output, StringComparison.Ordinal);
        Assert.Matches(@"Runtime:GatewayStartupWaitSeconds\s+= 10\s+\(default\)", output);
    }

    [GeneratedRegex(@"Session (?<id>cli-[0-9a-f]{32})")]
    private static partial Regex SessionPattern();
}
