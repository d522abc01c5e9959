using System.Text.Json;

namespace AgentHost.Connect.Tests.Support;

internal static class Json
{
    public static JsonElement Parse(byte[] bytes) => JsonDocument.Parse(bytes).RootElement.Clone();

    public static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement.Clone();

    public static string? Attribute(JsonElement lexReply, string name)
        => lexReply.GetProperty("sessionState").GetProperty("sessionAttributes").TryGetProperty(name, out var value) ? value.GetString() : null;
}
