using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using AgentHost.Bedrock.Tests.Support;
using AgentHost.Testing;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Tests.Client;

/// <summary>A full agent-style turn driven by hand (the real loop lives in AgentHost.Core).</summary>
public sealed class AgentTurnTests
{
    [Fact]
    public async Task AgentTurn_ToolCallThenToolResult_ReturnsFinalTextAndSumsUsageAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueEventStream(File.ReadAllBytes(RepositoryPaths.Fixture("bedrock", "eventstream", "converse-stream-text-then-tooluse.bin")));
        server.EnqueueEventStream(EventStreamBodies.Concat(
            EventStreamBodies.MessageStart(),
            EventStreamBodies.TextDelta(0, "Order A-1001 has shipped; "),
            EventStreamBodies.TextDelta(0, "it arrives on 17 January."),
            EventStreamBodies.BlockStop(0),
            EventStreamBodies.MessageStop("end_turn"),
            EventStreamBodies.Metadata(520, 14)));
        using var client = ClientFactory.Create(server);
        var toolRuns = 0;
        var tool = AIFunctionFactory.Create(
            (string order_id) =>
            {
                toolRuns++;
                return new Dictionary<string, string> { ["order_id"] = order_id, ["status"] = "SHIPPED", ["eta"] = "2025-01-17" };
            },
            "get_order_status",
            "Look up the shipping status of an order by its id.",
            ConversationJson.Options);
        var options = new ChatOptions { Tools = [tool], ToolMode = ChatToolMode.Auto, Instructions = "You are a contact-centre assistant." };
        List<ChatMessage> history = [new(ChatRole.User, "Where is my order A-1001?")];
        var usage = new UsageDetails();

        var first = await StreamAsync(client, history, options);
        usage.Add(first.Usage!);
        history.AddRange(first.Messages);
        var call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        var result = await tool.InvokeAsync(new AIFunctionArguments(call.Arguments), TestContext.Current.CancellationToken);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
        var second = await StreamAsync(client, history, options);
        usage.Add(second.Usage!);

        Assert.Equal(1, toolRuns);
        Assert.Equal("Order A-1001 has shipped; it arrives on 17 January.", second.Text);
        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
        Assert.Equal(412 + 520, usage.InputTokenCount);
        Assert.Equal(58 + 14, usage.OutputTokenCount);
        Assert.Equal(470 + 534, usage.TotalTokenCount);

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(r.SignatureValid, r.SignatureProblem));
        var secondBody = server.Requests[1].Body!;
        var messages = secondBody["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        var toolUse = messages[1]!["content"]!.AsArray().Single(c => c!["toolUse"] is not null)!["toolUse"]!;
        Assert.Equal("tooluse_Xy12AbCdEfGh", toolUse["toolUseId"]!.GetValue<string>());
        Assert.Equal("A-1001", toolUse["input"]!["order_id"]!.GetValue<string>());
        var toolResult = messages[2]!["content"]![0]!["toolResult"]!;
        Assert.Equal("tooluse_Xy12AbCdEfGh", toolResult["toolUseId"]!.GetValue<string>());
        Assert.Equal("SHIPPED", toolResult["content"]![0]!["json"]!["status"]!.GetValue<string>());
        Assert.Equal("get_order_status", secondBody["toolConfig"]!["tools"]![0]!["toolSpec"]!["name"]!.GetValue<string>());
        Assert.Equal("You are a contact-centre assistant.", secondBody["system"]![0]!["text"]!.GetValue<string>());
    }

    private static async Task<ChatResponse> StreamAsync(IChatClient client, List<ChatMessage> history, ChatOptions options)
        => (await BedrockChatClientStreamingTests.CollectAsync(client.GetStreamingResponseAsync(history, options, TestContext.Current.CancellationToken))).ToChatResponse();
}
