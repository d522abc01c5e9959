using System.Text.Json.Nodes;
using AgentHost.Bedrock.EventStream;

namespace AgentHost.Bedrock.Tests.Support;

/// <summary>Builds ConverseStream bodies.</summary>
internal static class EventStreamBodies
{
    public static byte[] Concat(params byte[][] frames) => [.. frames.SelectMany(f => f)];

    public static byte[] MessageStart() => EventStreamEncoder.EncodeEvent("messageStart", """{"role":"assistant"}""");

    public static byte[] TextDelta(int index, string text)
        => EventStreamEncoder.EncodeEvent("contentBlockDelta", new JsonObject { ["contentBlockIndex"] = index, ["delta"] = new JsonObject { ["text"] = text } }.ToJsonString());

    public static byte[] BlockStop(int index)
        => EventStreamEncoder.EncodeEvent("contentBlockStop", new JsonObject { ["contentBlockIndex"] = index }.ToJsonString());

    public static byte[] ToolStart(int index, string id, string name)
        => EventStreamEncoder.EncodeEvent("contentBlockStart", new JsonObject { ["contentBlockIndex"] = index, ["start"] = new JsonObject { ["toolUse"] = new JsonObject { ["toolUseId"] = id, ["name"] = name } } }.ToJsonString());

    public static byte[] ToolDelta(int index, string fragment)
        => EventStreamEncoder.EncodeEvent("contentBlockDelta", new JsonObject { ["contentBlockIndex"] = index, ["delta"] = new JsonObject { ["toolUse"] = new JsonObject { ["input"] = fragment } } }.ToJsonString());

    public static byte[] MessageStop(string stopReason)
        => EventStreamEncoder.EncodeEvent("messageStop", new JsonObject { ["stopReason"] = stopReason }.ToJsonString());

    public static byte[] Metadata(int input, int output)
        => EventStreamEncoder.EncodeEvent("metadata", new JsonObject { ["usage"] = new JsonObject { ["inputTokens"] = input, ["outputTokens"] = output, ["totalTokens"] = input + output }, ["metrics"] = new JsonObject { ["latencyMs"] = 10 } }.ToJsonString());

    public static byte[] TextAnswer(string text, int input = 10, int output = 5)
        => Concat(MessageStart(), TextDelta(0, text), BlockStop(0), MessageStop("end_turn"), Metadata(input, output));
}
