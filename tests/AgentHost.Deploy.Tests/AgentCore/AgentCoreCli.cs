using System.Text.Json;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.AgentCore;

/// <summary>The outcome of <c>agentcore validate --json</c>.</summary>
internal sealed record ValidateResult(bool Success, string? Error, ProcessResult Process);

/// <summary>
/// The real <c>@aws/agentcore</c> CLI, as installed by <c>tests/setup/agentcore-cli.sh</c> into <c>.tools/agentcore-cli</c>
/// (or <c>AGENTCORE_CLI_DIR</c>). A missing CLI fails the test: the check must never pass by being skipped.
/// </summary>
internal static class AgentCoreCli
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("AGENTCORE_CLI_DIR") is { Length: > 0 } custom ? custom : RepositoryPaths.Combine(".tools/agentcore-cli");

    public static string EntryPoint => Path.Combine(Directory, "package", "dist", "cli", "index.mjs");

    /// <summary>Runs <c>agentcore validate -d DIR --json</c> offline, with telemetry disabled.</summary>
    public static async Task<ValidateResult> ValidateAsync(string projectDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(EntryPoint))
        {
            Assert.Fail($"The agentcore CLI is not installed ({EntryPoint} is missing). Run 'bash tests/setup/agentcore-cli.sh' "
                + "(tests/run.sh runs every tests/setup/*.sh first); its log is in artifacts/test-logs/agentcore-cli.log.");
        }

        var environment = new Dictionary<string, string>
        {
            ["AGENTCORE_TELEMETRY_DISABLED"] = "1",
            ["NO_COLOR"] = "1",
            ["CI"] = "true",
        };
        var process = await ProcessRunner.RunAsync(
            "node", [EntryPoint, "validate", "-d", projectDirectory, "--json"], projectDirectory, environment, TimeSpan.FromMinutes(3), cancellationToken);
        var json = process.StandardOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith('{'));
        if (json is null)
        {
            Assert.Fail("agentcore validate printed no JSON result: " + process.Describe());
        }

        using var document = JsonDocument.Parse(json);
        var success = document.RootElement.TryGetProperty("success", out var value) && value.ValueKind == JsonValueKind.True;
        var error = document.RootElement.TryGetProperty("error", out var message) ? message.ToString() : null;
        return new ValidateResult(success, error, process);
    }
}
