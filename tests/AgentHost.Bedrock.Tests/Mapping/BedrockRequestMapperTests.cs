using AgentHost.Testing;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.Bedrock.Mapping;
using AgentHost.Bedrock.Tests.Support;
using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Tests.Mapping;

public sealed class BedrockRequestMapperTests
{
    private static readonly JsonElement OrderSchema = JsonDocument.Parse("""{"type":"object","properties":{"order_id":{"type":"string","description":"Order id such as A-1001"}},"required":["order_id"]}""").RootElement;
    private static readonly JsonElement EscalateSchema = JsonDocument.Parse("""{"type":"object","properties":{"reason":{"type":"string"}},"required":["reason"]}""").RootElement;

    [Fact]
    public void Map_SystemToolsInferenceAndAdditionalFields_ProducesTheFixtureRequest()
    {
        var expected = LoadFixture("converse-request-with-tools.json");
        expected["inferenceConfig"]!.AsObject().Remove("stopSequences");
        var options = new ChatOptions
        {
            MaxOutputTokens = 512,
            Temperature = 0.2f,
            TopP = 0.9f,
            ToolMode = ChatToolMode.Auto,
            Tools = [new Declaration("get_order_status", "Look up the shipping status of an order by its id.", OrderSchema), new Declaration("escalate_to_human", "Transfer the customer to a human agent.", EscalateSchema)],
            AdditionalProperties = new() { ["additionalModelRequestFields"] = new Dictionary<string, object> { ["top_k"] = 50 } },
        };

        var actual = ToNode(BedrockRequestMapper.Map(
            [new(ChatRole.System, "You are a contact-centre assistant for Example Corp. Be brief; answers are spoken aloud."), new(ChatRole.User, "Where is my order A-1001?")],
            options,
            new BedrockChatClientOptions()));

        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
    }

    [Fact]
    public void Map_ToolResultTurn_ProducesTheFixtureRequestWithoutSuccessStatus()
    {
        var expected = LoadFixture("converse-request-tool-result-turn.json");
        expected["messages"]![2]!["content"]![0]!["toolResult"]!.AsObject().Remove("status");
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""").RootElement;
        var result = JsonDocument.Parse("""{"status":"SHIPPED","eta":"2025-01-17"}""").RootElement;
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Where is my order A-1001?"),
            new(ChatRole.Assistant, [new TextContent("Let me check that order."), new FunctionCallContent("tooluse_Xy12AbCdEfGh", "get_order_status", new Dictionary<string, object?> { ["order_id"] = "A-1001" })]),
            new(ChatRole.Tool, [new FunctionResultContent("tooluse_Xy12AbCdEfGh", result)]),
        ];

        var actual = ToNode(BedrockRequestMapper.Map(messages, new ChatOptions { MaxOutputTokens = 512, Tools = [new Declaration("get_order_status", "Look up the shipping status of an order by its id.", schema)] }, new BedrockChatClientOptions()));

        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
    }

    [Fact]
    public void Map_FunctionResultWithException_SendsErrorStatusAndTheResultText()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Hi"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "lookup")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "Error: denied by policy") { Exception = new InvalidOperationException("denied") }]),
        ];

        var request = BedrockRequestMapper.Map(messages, null, new BedrockChatClientOptions());

        var toolResult = request.Messages[2].Content[0].ToolResult!;
        Assert.Equal("error", toolResult.Status);
        Assert.Equal("Error: denied by policy", toolResult.Content[0].Text);
    }

    [Fact]
    public void Map_ToolResultWithTextImageAndDocument_SendsEachAsItsToolResultBlock()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47];
        List<AIContent> contents = [new TextContent("The chart:"), new DataContent(png, "image/png"), new DataContent("a,b\n1,2"u8.ToArray(), "text/csv") { Name = "rows.csv" }, new DataContent(new byte[3], "audio/wav")];
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Chart?"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "chart")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", contents)]),
        ];

        var blocks = BedrockRequestMapper.Map(messages, null, new BedrockChatClientOptions()).Messages[2].Content[0].ToolResult!.Content;

        Assert.Equal("The chart:", blocks[0].Text);
        Assert.Equal("png", blocks[1].Image!.Format);
        Assert.Equal(png, blocks[1].Image!.Source.Bytes);
        Assert.Equal(("csv", "rows"), (blocks[2].Document!.Format, blocks[2].Document!.Name));
        Assert.Equal("[audio/wav content of 3 bytes, not shown]", blocks[3].Text);
    }

    [Theory]
    [InlineData("timeout", "error")]
    [InlineData("error", "error")]
    [InlineData("success", null)]
    public void Map_StoredFunctionResultWithStatusProperty_SendsTheStatusAfterReload(string status, string? expected)
    {
        var stored = new FunctionResultContent("c1", "The tool 'lookup' did not answer within 5 seconds.")
        {
            AdditionalProperties = new AdditionalPropertiesDictionary { ["status"] = status },
        };
        var reloaded = AgentHost.Abstractions.Conversations.ConversationJson.DeserializeMessages(
            AgentHost.Abstractions.Conversations.ConversationJson.SerializeMessages([new ChatMessage(ChatRole.Tool, [stored])]));
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Hi"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "lookup")]),
            reloaded[0],
        ];

        var request = BedrockRequestMapper.Map(messages, null, new BedrockChatClientOptions());

        Assert.Equal(expected, request.Messages[2].Content[0].ToolResult!.Status);
    }

    [Fact]
    public void Map_HistoryWithToolBlocksButNoTools_StillSendsAToolConfigNamingThoseTools()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Hi"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "lookup", new Dictionary<string, object?> { ["q"] = "x" })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "done")]),
        ];

        var request = BedrockRequestMapper.Map(messages, null, new BedrockChatClientOptions());

        Assert.Equal("lookup", Assert.Single(request.ToolConfig!.Tools).ToolSpec!.Name);
        Assert.Null(request.ToolConfig.ToolChoice);
    }

    [Fact]
    public void Map_CachePointsEnabled_AddsCachePointsAfterSystemAndAfterTools()
    {
        var options = new ChatOptions { Tools = [new Declaration("lookup", "d", OrderSchema)] };

        var request = BedrockRequestMapper.Map([new(ChatRole.System, "sys"), new(ChatRole.User, "Hi")], options, new BedrockChatClientOptions { CachePointAfterSystem = true, CachePointAfterTools = true });

        Assert.Equal("default", request.System![^1].CachePoint!.Type);
        Assert.Equal("sys", request.System[0].Text);
        Assert.Equal("default", request.ToolConfig!.Tools[^1].CachePoint!.Type);
        Assert.Equal("lookup", request.ToolConfig.Tools[0].ToolSpec!.Name);
    }

    [Fact]
    public void Map_CachePointsDisabledByDefault_AddsNone()
    {
        var request = BedrockRequestMapper.Map([new(ChatRole.System, "sys"), new(ChatRole.User, "Hi")], new ChatOptions { Tools = [new Declaration("lookup", "d", OrderSchema)] }, new BedrockChatClientOptions());

        Assert.DoesNotContain(request.System!, s => s.CachePoint is not null);
        Assert.DoesNotContain(request.ToolConfig!.Tools, t => t.CachePoint is not null);
    }

    [Fact]
    public void Map_RequireSpecificTool_SetsToolChoiceTool()
    {
        var request = BedrockRequestMapper.Map([new(ChatRole.User, "Hi")], new ChatOptions { Tools = [new Declaration("lookup", "d", OrderSchema)], ToolMode = ChatToolMode.RequireSpecific("lookup") }, new BedrockChatClientOptions());

        Assert.Equal("lookup", request.ToolConfig!.ToolChoice!.Tool!.Name);
    }

    [Fact]
    public void Map_RequireAny_SetsToolChoiceAny()
    {
        var request = BedrockRequestMapper.Map([new(ChatRole.User, "Hi")], new ChatOptions { Tools = [new Declaration("lookup", "d", OrderSchema)], ToolMode = ChatToolMode.RequireAny }, new BedrockChatClientOptions());

        Assert.NotNull(request.ToolConfig!.ToolChoice!.Any);
    }

    [Fact]
    public void Map_ToolModeNone_SendsNoTools()
    {
        var request = BedrockRequestMapper.Map([new(ChatRole.User, "Hi")], new ChatOptions { Tools = [new Declaration("lookup", "d", OrderSchema)], ToolMode = ChatToolMode.None }, new BedrockChatClientOptions());

        Assert.Null(request.ToolConfig);
    }

    [Fact]
    public void Map_ImageAndPdf_BecomeImageAndDocumentBlocks()
    {
        var message = new ChatMessage(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png"), new DataContent(new byte[] { 4, 5 }, "application/pdf") { Name = "invoice_2025.pdf" }]);

        var node = ToNode(BedrockRequestMapper.Map([message], null, new BedrockChatClientOptions()));

        var content = node["messages"]![0]!["content"]!.AsArray();
        Assert.Equal("png", content[1]!["image"]!["format"]!.GetValue<string>());
        Assert.Equal("AQID", content[1]!["image"]!["source"]!["bytes"]!.GetValue<string>());
        Assert.Equal("pdf", content[2]!["document"]!["format"]!.GetValue<string>());
        Assert.Equal("invoice 2025", content[2]!["document"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Map_ConsecutiveUserMessagesAndEmptyText_AreMergedAndDropped()
    {
        var request = BedrockRequestMapper.Map([new(ChatRole.User, "a"), new(ChatRole.User, " "), new(ChatRole.User, "b")], null, new BedrockChatClientOptions());

        var message = Assert.Single(request.Messages);
        Assert.Equal(["a", "b"], message.Content.Select(c => c.Text));
    }

    [Fact]
    public void Map_InstructionsAndStopSequencesAndDefaultMaxTokens_AreMapped()
    {
        var request = BedrockRequestMapper.Map([new(ChatRole.User, "Hi")], new ChatOptions { Instructions = "Be kind.", StopSequences = ["END"] }, new BedrockChatClientOptions { DefaultMaxOutputTokens = 1000 });

        Assert.Equal("Be kind.", request.System![0].Text);
        Assert.Equal(["END"], request.InferenceConfig!.StopSequences!);
        Assert.Equal(1000, request.InferenceConfig.MaxTokens);
    }

    [Fact]
    public void Map_AssistantReasoningWithSignature_IsReplayedAsReasoningContent()
    {
        var request = BedrockRequestMapper.Map([new(ChatRole.User, "Hi"), new(ChatRole.Assistant, [new TextReasoningContent("thinking") { ProtectedData = "sig" }, new TextContent("Hello")]), new(ChatRole.User, "More")], null, new BedrockChatClientOptions());

        Assert.Equal("sig", request.Messages[1].Content[0].ReasoningContent!.ReasoningText!.Signature);
    }

    private static JsonNode LoadFixture(string name)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Fixture("bedrock", "json", name)))!;
        node.AsObject().Remove("_comment");
        return node;
    }

    private static JsonNode ToNode(ConverseRequest request)
        => JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(request, BedrockJsonContext.Default.ConverseRequest))!;

    private sealed class Declaration(string name, string description, JsonElement schema) : AIFunctionDeclaration
    {
        public override string Name => name;

        public override string Description => description;

        public override JsonElement JsonSchema => schema;
    }
}
