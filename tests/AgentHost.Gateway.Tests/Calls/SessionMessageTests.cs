using System.Text;
using System.Text.Json;
using AgentHost.Gateway.Connections;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tests.Calls;

/// <summary>How one JSON-RPC message on a tools/call answer is classified.</summary>
public sealed class SessionMessageTests
{
    private static SessionMessage<CallToolResult> Read(string json) => SessionMessage.Read(Encoding.UTF8.GetBytes(json), "agenthost-7", "tools/call", McpTypes.CallToolResult);

    [Fact]
    public void Read_ReplyToThisCall_IsTheReplyWithItsResult()
    {
        var message = Read("""{"jsonrpc":"2.0","id":"agenthost-7","result":{"content":[{"type":"text","text":"Parcel delivered."}],"isError":false}}""");

        Assert.Equal(SessionMessageKind.Reply, message.Kind);
        Assert.Equal("Parcel delivered.", Assert.IsType<TextContentBlock>(Assert.Single(message.Result!.Content)).Text);
    }

    [Fact]
    public void Read_ResultBeforeIdAndUnknownMembers_IsTheReply()
    {
        var message = Read("""{"result":{"content":[],"isError":true,"_meta":{"x":[1,{"y":2}]}},"extra":{"a":[]},"jsonrpc":"2.0","id":"agenthost-7"}""");

        Assert.True(message.Result!.IsError);
    }

    [Fact]
    public void Read_ErrorReply_ThrowsAProtocolExceptionWithTheGatewayMessageAndCode()
    {
        var error = Assert.Throws<McpProtocolException>(() => Read("""{"jsonrpc":"2.0","id":"agenthost-7","error":{"code":-32602,"message":"Unknown tool: refund"}}"""));

        Assert.Equal("Request failed (remote): Unknown tool: refund", error.Message);
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
    }

    [Fact]
    public void Read_ListChangedNotification_IsAListChange()
    {
        Assert.Equal(SessionMessageKind.ListChanged, Read("""{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}""").Kind);
    }

    [Fact]
    public void Read_ServerRequest_KeepsItsIdAsWrittenAndItsMethod()
    {
        var message = Read("""{"jsonrpc":"2.0","id":{"n":[1,2]},"method":"ping","params":{"method":"x"}}""");

        Assert.Equal(SessionMessageKind.ServerRequest, message.Kind);
        Assert.Equal("ping", message.Method);
        Assert.Equal("""{"n":[1,2]}""", message.RequestIdJson);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":1,"progress":0.5}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"agenthost-8","result":{"content":[]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":{"content":[]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":{"id":"agenthost-7"},"result":{"content":[]}}""")]
    public void Read_OtherMessages_AreOther(string json)
    {
        Assert.Equal(SessionMessageKind.Other, Read(json).Kind);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":"agenthost-7","result":{"content":[]}}]""")]
    [InlineData("\"agenthost-7\"")]
    [InlineData("""{"jsonrpc":"2.0","id":"agenthost-7","result":{"content":"not a list"}}""")]
    public void Read_NotAMessageObjectOrAMalformedResult_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json));
    }

    [Fact]
    public void Read_ReplyWithoutResultOrError_FailsClearly()
    {
        var error = Assert.Throws<McpException>(() => Read("""{"jsonrpc":"2.0","id":"agenthost-7"}"""));

        Assert.Contains("neither a result nor an error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadError_ReadsTheErrorOfAJsonRpcBodyAndNothingElse()
    {
        Assert.Equal(McpErrorCode.InvalidRequest, SessionMessage.TryReadError("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"x"}}"""u8)!.ErrorCode);
        Assert.Null(SessionMessage.TryReadError("Bad Request"u8));
        Assert.Null(SessionMessage.TryReadError("""{"message":"x"}"""u8));
    }
}
