using System.Globalization;
using AgentHost.Bedrock.EventStream;

namespace AgentHost.Bedrock.Benchmarks;

/// <summary>A ConverseStream body: 500 text deltas of one token each, then one tool call sent in 5 fragments.</summary>
internal static class StreamBody
{
    public const int TextTokens = 500;

    public static byte[] Create()
    {
        var frames = new List<byte[]> { EventStreamEncoder.EncodeEvent("messageStart", """{"role":"assistant"}""") };
        for (var i = 0; i < TextTokens; i++)
        {
            var token = " word" + (i % 50).ToString(CultureInfo.InvariantCulture);
            frames.Add(EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + token + "\"},\"p\":\"abcdefgh\"}"));
        }

        frames.Add(EventStreamEncoder.EncodeEvent("contentBlockStop", """{"contentBlockIndex":0}"""));
        frames.Add(EventStreamEncoder.EncodeEvent("contentBlockStart", """{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"tooluse_1","name":"get_order_status"}}}"""));
        foreach (var fragment in new[] { "{\\\"order", "_id\\\": ", "\\\"A-1001\\\"", ", \\\"verbose\\\"", ": true}" })
        {
            frames.Add(EventStreamEncoder.EncodeEvent("contentBlockDelta", "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"" + fragment + "\"}}}"));
        }

        frames.Add(EventStreamEncoder.EncodeEvent("contentBlockStop", """{"contentBlockIndex":1}"""));
        frames.Add(EventStreamEncoder.EncodeEvent("messageStop", """{"stopReason":"tool_use"}"""));
        frames.Add(EventStreamEncoder.EncodeEvent("metadata", """{"usage":{"inputTokens":900,"outputTokens":530,"totalTokens":1430},"metrics":{"latencyMs":2000}}"""));
        return [.. frames.SelectMany(f => f)];
    }
}
