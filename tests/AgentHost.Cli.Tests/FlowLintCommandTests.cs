using AgentHost.Testing;

namespace AgentHost.Cli.Tests;

/// <summary><c>agenthost flow lint</c> as a user runs it: the real CLI process on the shipped and the broken flows.</summary>
public sealed class FlowLintCommandTests
{
    private static string Flow(params string[] parts) => Path.Combine([RepositoryPaths.Root, .. parts]);

    [Fact]
    public async Task FlowLint_ShippedFlows_PassesWithExitCode0Async()
    {
        using var cli = new CliProcess();

        var (exit, output, error) = await cli.RunAsync(string.Empty, "flow", "lint", Flow("deploy", "connect", "flows", "agenthost-voice.json"), Flow("deploy", "connect", "flows", "agenthost-chat.json"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("agenthost-voice.json: ok (0 error(s), 0 warning(s))", output, StringComparison.Ordinal);
        Assert.Contains("agenthost-chat.json: ok (0 error(s), 0 warning(s))", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowLint_FlowWithASilentRejection_ReportsTheActionAndAHintWithExitCode1Async()
    {
        using var cli = new CliProcess();
        var broken = Flow("tests", "fixtures", "connect", "flows", "broken", "FL012__lex-initialization-data.json");

        var (exit, output, _) = await cli.RunAsync(string.Empty, "flow", "lint", Flow("deploy", "connect", "flows", "agenthost-chat.json"), broken);

        Assert.Equal(1, exit);
        Assert.Contains("error FL012 [action agent-turn]: ConnectParticipantWithLexBot has LexInitializationData", output, StringComparison.Ordinal);
        Assert.Contains("Hint: Remove LexInitializationData", output, StringComparison.Ordinal);
        Assert.Contains("FL012__lex-initialization-data.json: FAILED (1 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowLint_MissingFile_SaysSoWithExitCode2Async()
    {
        using var cli = new CliProcess();

        var (exit, _, error) = await cli.RunAsync(string.Empty, "flow", "lint", "no-such-flow.json");

        Assert.Equal(2, exit);
        Assert.Contains("no-such-flow.json: cannot be read", error, StringComparison.Ordinal);
    }
}
