using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Benchmarks;

/// <summary>Size of the Bedrock Converse <c>toolConfig</c> a model call would carry for a list of tools.</summary>
internal static class ToolSpecBytes
{
    public static int Measure(IReadOnlyList<AITool> tools)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("tools");
            foreach (var tool in tools.OfType<AIFunction>())
            {
                writer.WriteStartObject();
                writer.WriteStartObject("toolSpec");
                writer.WriteString("name", tool.Name);
                writer.WriteString("description", tool.Description);
                writer.WriteStartObject("inputSchema");
                writer.WritePropertyName("json");
                tool.JsonSchema.WriteTo(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return (int)stream.Length;
    }
}
