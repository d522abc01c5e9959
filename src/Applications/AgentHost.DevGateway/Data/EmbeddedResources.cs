using System.Text.Json.Serialization.Metadata;

namespace AgentHost.DevGateway.Data;

/// <summary>Reads the JSON files embedded in this assembly.</summary>
internal static class EmbeddedResources
{
    public const string SampleDataName = "AgentHost.DevGateway.sample-data.json";
    public const string ToolCatalogName = "AgentHost.DevGateway.tool-catalog.json";

    public static T Read<T>(string name, JsonTypeInfo<T> typeInfo)
    {
        using Stream stream = typeof(EmbeddedResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from {typeof(EmbeddedResources).Assembly.GetName().Name}.");
        return System.Text.Json.JsonSerializer.Deserialize(stream, typeInfo)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is empty.");
    }
}
