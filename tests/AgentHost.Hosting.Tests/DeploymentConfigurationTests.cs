using System.Text.Json;
using AgentHost.Hosting.Configuration;
using AgentHost.Testing;

namespace AgentHost.Hosting.Tests;

public sealed class DeploymentConfigurationTests
{
    [Fact]
    public void Load_EveryVariableAgentcoreJsonSets_IsAcceptedByTheHost()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "agentcore.json")));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var runtime in document.RootElement.GetProperty("runtimes").EnumerateArray())
        {
            if (!runtime.TryGetProperty("envVars", out var variables))
            {
                continue;
            }

            foreach (var variable in variables.EnumerateArray())
            {
                environment[variable.GetProperty("name").GetString()!] = variable.GetProperty("value").GetString()!;
            }
        }

        Assert.NotEmpty(environment);
        var settings = AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));

        Assert.Equal("dynamodb", settings.Store.Provider);
        Assert.Equal("json", settings.Runtime.LogFormat);
        Assert.Empty(settings.Warnings);
    }
}
