using System.Text;
using AgentHost.Gateway.Connections;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tests.Calls;

/// <summary>How one JSON-RPC message on a tools/call answer is read.</summary>
public sealed class StreamableHttpToolCallTests
{
    private int _listChanges;

    private CallToolResult? Read(string json, string id = "agenthost-7") =>
        StreamableHttpToolCall.ReadMessage(Encoding.UTF8.GetBytes(json), id, () => _listChanges++);

    [Fact]
    public void ReadMessage_ReplyToThisCall_ReturnsTheResult()
    {
        var result = Read("""{"jsonrpc":"2.0","id":"agenthost-7","result":{"content":[{"type":"text","text":"Parcel delivered."}],"isError":false}}""");

        var text = Assert.IsType<TextContentBlock>(Assert.Single(Assert.IsType<CallToolResult>(result).Content));
        Assert.Equal("Parcel delivered.", text.Text);
        Assert.Equal(0, _listChanges);
    }

    [Fact]
    public void ReadMessage_ResultBeforeIdAndUnknownMembers_ReturnsTheResult()
    {
        var result = Read("""{"result":{"content":[],"isError":true,"_meta":{"x":[1,{"y":2}]}},"extra":{"a":[]},"jsonrpc":"2.0","id":"agenthost-7"}""");

        Assert.True(Assert.IsType<CallToolResult>(result).IsError);
    }

    [Fact]
    public void ReadMessage_ErrorReply_ThrowsAProtocolExceptionWithTheGatewayMessageAndCode()
    {
        var error = Assert.Throws<McpProtocolException>(() => Read("""{"jsonrpc":"2.0","id":"agenthost-7","error":{"code":-32602,"message":"Unknown tool: refund"}}"""));

        Assert.Equal("Request failed (remote): Unknown tool: refund", error.Message);
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
    }

    [Fact]
    public void ReadMessage_ListChangedNotification_IsPassedOnAndIsNotTheReply()
    {
        Assert.Null(Read("""{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}"""));

        Assert.Equal(1, _listChanges);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":0.5}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":3,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"agenthost-8","result":{"content":[]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":{"content":[]}}""")]
    public void ReadMessage_OtherMessages_AreNotTheReply(string json)
    {
        Assert.Null(Read(json));

        Assert.Equal(0, _listChanges);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":"agenthost-7","result":{"content":[]}}]""")]
    [InlineData("\"agenthost-7\"")]
    public void ReadMessage_NotAJsonObject_FailsClearly(string json)
    {
        var error = Assert.Throws<McpException>(() => Read(json));

        Assert.Contains("not a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMessage_ReplyWithoutResultOrError_FailsClearly()
    {
        var error = Assert.Throws<McpException>(() => Read("""{"jsonrpc":"2.0","id":"agenthost-7"}"""));

        Assert.Contains("neither a result nor an error", error.Message, StringComparison.Ordinal);
    }
}
