using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.AgentCore;

/// <summary>The repository's <c>agentcore.json</c>, read as JSON.</summary>
internal static class AgentCoreProject
{
    public static string RootFile => RepositoryPaths.Combine("agentcore.json");

    public static JsonObject Load() => JsonNode.Parse(File.ReadAllText(RootFile))?.AsObject()
        ?? throw new InvalidOperationException("agentcore.json is empty.");

    public static IEnumerable<JsonObject> Runtimes(JsonObject project) => Array(project, "runtimes");

    public static IEnumerable<JsonObject> Gateways(JsonObject project) => Array(project, "agentCoreGateways");

    public static IEnumerable<JsonObject> Array(JsonObject owner, string name) =>
        owner[name] is JsonArray array ? array.OfType<JsonObject>() : [];

    public static string String(JsonObject owner, string name) =>
        owner[name]?.GetValue<string>() ?? throw new InvalidOperationException($"'{name}' is missing.");

    /// <summary>The runtime's environment variables (name to value).</summary>
    public static Dictionary<string, string> EnvironmentVariables(JsonObject runtime) =>
        Array(runtime, "envVars").ToDictionary(e => String(e, "name"), e => String(e, "value"), StringComparer.Ordinal);

    /// <summary>Writes a staged project the CLI accepts: <c>DIR/agentcore/agentcore.json</c> and <c>aws-targets.json</c>.</summary>
    public static void Stage(string directory, JsonObject project)
    {
        var folder = Path.Combine(directory, "agentcore");
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "agentcore.json"), project.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Copy(RepositoryPaths.Combine("agentcore/aws-targets.json"), Path.Combine(folder, "aws-targets.json"), overwrite: true);
    }
}
