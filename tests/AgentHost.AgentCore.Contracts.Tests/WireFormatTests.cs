using System.Text.Json;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Contracts.Tests;

/// <summary>The JSON of each wire type, byte for byte: what the host sent before the types moved here.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public void InvocationResponse_Serialize_WritesTheContractMembersInOrder()
    {
        var response = new InvocationResponse
        {
            SessionId = "s-1",
            TurnId = "t-1",
            Text = "Hello.",
            StopReason = InvocationStopReasons.EndTurn,
            ToolCalls =
            [
                new ToolCallSummary { Name = "crm___lookup", Input = Json("""{"id":"C-1"}"""), Status = "success", DurationMs = 12.5, ToolUseId = "call-1" },
                new ToolCallSummary { Name = "crm___update", Input = Json("{}"), Status = "error", DurationMs = 3, ToolUseId = "call-2", Error = "boom" },
            ],
            Usage = new UsageSummary { InputTokens = 10, OutputTokens = 2, TotalTokens = 12 },
            Cycles = 2,
        };

        var json = JsonSerializer.Serialize(response, AgentCoreJsonContext.Default.InvocationResponse);

        Assert.Equal(
            """{"sessionId":"s-1","turnId":"t-1","text":"Hello.","stopReason":"endTurn","toolCalls":[{"name":"crm___lookup","input":{"id":"C-1"},"status":"success","durationMs":12.5,"toolUseId":"call-1"},{"name":"crm___update","input":{},"status":"error","durationMs":3,"toolUseId":"call-2","error":"boom"}],"usage":{"inputTokens":10,"outputTokens":2,"totalTokens":12},"cycles":2}""",
            json);
    }

    [Fact]
    public void InvocationResponse_ReplayedWithError_WritesReplayedAndError()
    {
        var response = new InvocationResponse
        {
            SessionId = "s",
            TurnId = "t",
            Text = string.Empty,
            StopReason = InvocationStopReasons.Error,
            ToolCalls = [],
            Usage = new UsageSummary(),
            Cycles = 1,
            Replayed = true,
            Error = "model failed",
        };

        var json = JsonSerializer.Serialize(response, AgentCoreJsonContext.Default.InvocationResponse);

        Assert.Equal("""{"sessionId":"s","turnId":"t","text":"","stopReason":"error","toolCalls":[],"usage":{"inputTokens":0,"outputTokens":0,"totalTokens":0},"cycles":1,"replayed":true,"error":"model failed"}""", json);
    }

    [Fact]
    public void ToolCallSummary_EmptyFlags_AreOmitted()
    {
        var call = new ToolCallSummary { Name = "n", Input = Json("{}"), Status = "success", ToolUseId = "c", Flags = [] };

        var json = JsonSerializer.Serialize(new InvocationResponse { SessionId = "s", TurnId = "t", Text = "x", StopReason = "endTurn", ToolCalls = [call], Usage = new UsageSummary(), Cycles = 1 }, AgentCoreJsonContext.Default.InvocationResponse);

        Assert.Null(call.Flags);
        Assert.DoesNotContain("flags", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToolCallSummary_Flags_AreWrittenLastAndReadBack()
    {
        var call = new ToolCallSummary { Name = "n", Input = Json("{}"), Status = "success", ToolUseId = "c", Flags = ["sanitised", "replayed"] };
        var response = new InvocationResponse { SessionId = "s", TurnId = "t", Text = "x", StopReason = "endTurn", ToolCalls = [call], Usage = new UsageSummary(), Cycles = 1 };

        var json = JsonSerializer.Serialize(response, AgentCoreJsonContext.Default.InvocationResponse);
        var back = JsonSerializer.Deserialize(json, AgentCoreJsonContext.Default.InvocationResponse)!;

        Assert.Contains("""{"name":"n","input":{},"status":"success","durationMs":0,"toolUseId":"c","flags":["sanitised","replayed"]}""", json, StringComparison.Ordinal);
        Assert.Equal(["sanitised", "replayed"], back.ToolCalls[0].Flags!);
    }

    [Fact]
    public void InvocationResponse_UnknownStopReasonAndMembers_AreRead()
    {
        var json = """{"sessionId":"s","turnId":"t","text":"Waiting.","stopReason":"awaitingApproval","toolCalls":[],"usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"cycles":1,"somethingNew":{"a":1}}""";

        var response = JsonSerializer.Deserialize(json, AgentCoreJsonContext.Default.InvocationResponse)!;

        Assert.Equal(InvocationStopReasons.AwaitingApproval, response.StopReason);
    }

    [Fact]
    public void InvocationPayload_Serialize_UsesTheContractNames()
    {
        var payload = new InvocationPayload
        {
            Prompt = "Hi",
            SessionId = "s",
            Stream = true,
            TurnId = "t",
            Channel = "VOICE",
            Language = "en-US",
            ContactId = "c",
            CustomerId = "cu",
            Attributes = new() { ["tier"] = "gold" },
            TimeoutMs = 7500,
        };

        var json = JsonSerializer.Serialize(payload, AgentCoreJsonContext.Default.InvocationPayload);

        Assert.Equal("""{"prompt":"Hi","sessionId":"s","stream":true,"turnId":"t","channel":"VOICE","language":"en-US","contactId":"c","customerId":"cu","attributes":{"tier":"gold"},"timeoutMs":7500}""", json);
    }

    [Fact]
    public void InvocationPayload_Deserialize_IgnoresUnknownMembers()
    {
        var payload = JsonSerializer.Deserialize("""{"prompt":"Hi","unknown":[1,2],"timeoutMs":50}""", AgentCoreJsonContext.Default.InvocationPayload)!;

        Assert.Equal("Hi", payload.Prompt);
        Assert.Equal(50, payload.TimeoutMs);
    }

    [Fact]
    public void ErrorResponse_Serialize_OmitsUnsetMembers()
    {
        Assert.Equal("""{"error":"Invalid JSON","details":"empty"}""", JsonSerializer.Serialize(new ErrorResponse { Error = "Invalid JSON", Details = "empty" }, AgentCoreJsonContext.Default.ErrorResponse));
        Assert.Equal(
            """{"error":"boom","error_type":"ModelError","message":"An error occurred during streaming"}""",
            JsonSerializer.Serialize(new ErrorResponse { Error = "boom", ErrorType = RuntimeErrorTypes.ModelError, Message = "An error occurred during streaming" }, AgentCoreJsonContext.Default.ErrorResponse));
    }

    [Fact]
    public void PingResponse_Serialize_UsesSnakeCaseTime()
    {
        var json = JsonSerializer.Serialize(new PingResponse { Status = PingStatusNames.HealthyBusy, TimeOfLastUpdate = 1795311943 }, AgentCoreJsonContext.Default.PingResponse);

        Assert.Equal("""{"status":"HealthyBusy","time_of_last_update":1795311943}""", json);
    }

    [Fact]
    public void StreamPayloads_Serialize_AsTheHostWritesThem()
    {
        Assert.Equal("""{"text":"Hel"}""", JsonSerializer.Serialize(new TextChunk { Text = "Hel" }, AgentCoreJsonContext.Default.TextChunk));
        Assert.Equal(
            """{"phase":"started","toolUseId":"c1","name":"lookup","input":{"id":1}}""",
            JsonSerializer.Serialize(new ToolCallProgress { Phase = ToolCallProgress.Started, ToolUseId = "c1", Name = "lookup", Input = Json("""{"id":1}""") }, AgentCoreJsonContext.Default.ToolCallProgress));
        Assert.Equal(
            """{"phase":"finished","toolUseId":"c1","name":"lookup","input":{"id":1},"status":"success","durationMs":4.25}""",
            JsonSerializer.Serialize(new ToolCallProgress { Phase = ToolCallProgress.Finished, ToolUseId = "c1", Name = "lookup", Input = Json("""{"id":1}"""), Status = "success", DurationMs = 4.25 }, AgentCoreJsonContext.Default.ToolCallProgress));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
