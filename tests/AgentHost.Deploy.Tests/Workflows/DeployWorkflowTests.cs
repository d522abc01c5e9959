using System.Text.RegularExpressions;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Workflows;

/// <summary>The deploy workflow a user copies: tests first, OIDC credentials, the pinned CLI, exit code 2 as a warning.</summary>
public sealed partial class DeployWorkflowTests
{
    private static readonly string Workflow = File.ReadAllText(RepositoryPaths.Combine(".github/workflows/deploy.yml"));

    [Fact]
    public void Workflow_CliVersion_MatchesTheVersionTheTestsValidateWith()
    {
        var setup = File.ReadAllText(RepositoryPaths.Combine("tests/setup/agentcore-cli.sh"));

        var pinned = SetupVersion().Match(setup);
        var deployed = WorkflowVersion().Match(Workflow);

        Assert.True(pinned.Success, "tests/setup/agentcore-cli.sh has no default AGENTCORE_CLI_VERSION.");
        Assert.True(deployed.Success, "deploy.yml does not pin AGENTCORE_CLI_VERSION.");
        Assert.Equal(pinned.Groups[1].Value, deployed.Groups[1].Value);
        Assert.Contains("@aws/agentcore@${AGENTCORE_CLI_VERSION}", Workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_DeployJob_RunsAfterTheTestsWithOidcCredentials()
    {
        Assert.Contains("bash tests/run.sh", Workflow, StringComparison.Ordinal);
        Assert.Contains("needs: test", Workflow, StringComparison.Ordinal);
        Assert.Contains("id-token: write", Workflow, StringComparison.Ordinal);
        Assert.Contains("aws-actions/configure-aws-credentials@", Workflow, StringComparison.Ordinal);
        Assert.Contains("role-to-assume:", Workflow, StringComparison.Ordinal);
        Assert.Contains("branches: [main]", Workflow, StringComparison.Ordinal);
        Assert.Contains("workflow_dispatch:", Workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_Deploy_TreatsExitCodeTwoAsSuccessWithAWarning()
    {
        Assert.Contains("agentcore deploy -y --target \"$AGENTCORE_TARGET\" --json", Workflow, StringComparison.Ordinal);
        Assert.Matches(@"if \[ ""\$status"" -eq 2 \]; then\s+echo ""::warning[^\n]*\n\s+exit 0", Workflow);
        Assert.Contains("exit \"$status\"", Workflow, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"AGENTCORE_CLI_VERSION:-([0-9][0-9A-Za-z.\-]*)\}")]
    private static partial Regex SetupVersion();

    [GeneratedRegex(@"AGENTCORE_CLI_VERSION: ""([0-9][0-9A-Za-z.\-]*)""")]
    private static partial Regex WorkflowVersion();
}
