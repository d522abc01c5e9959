using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Supervision;
using AgentHost.Abstractions.Tools;
using AgentHost.Supervision.Masking;
using AgentHost.Testing.Supervision;

namespace AgentHost.Supervision.Tests;

/// <summary>
/// The feed sees tool results after sanitisation has put them in its envelope (<see cref="ToolResultEnvelope"/>): what it
/// summarises and reads (the identity check) is the data inside.
/// </summary>
public sealed class EnvelopedResultTests
{
    [Fact]
    public async Task RunTurnAsync_IdentityCheckResultInATextEnvelope_MarksTheCustomerVerifiedAsync()
    {
        await using var host = new SupervisedTestHost(innerMiddleware: new TextEnvelopeMiddleware());
        host.Model.ThenToolCalls(SupervisedTestHost.Call("verify_identity", ("pin", "1234"))).ThenText("Thanks, you are verified.");

        await host.TurnAsync("s-verify", "my pin is 1234");
        await host.FlushAsync();

        var live = await host.Feed.GetSessionAsync("s-verify", TestContext.Current.CancellationToken);
        Assert.Equal("verified", live!.Identity);
        var events = await host.Feed.ReadAsync("s-verify", 0, 100, TestContext.Current.CancellationToken);
        var finished = Assert.Single(events, e => e.Kind == ActivityKinds.ToolCallFinished);
        Assert.Equal("verified=true, method=***(3)", finished.Summary);
    }

    [Fact]
    public void OfResult_JsonTextInATextEnvelope_SummarisesTheDataAndHashesWhatTheModelSaw()
    {
        var enveloped = "<tool_result tool=\"lookup\" call_id=\"c1\">\n{\"name\":\"Jane\",\"balance\":42.5}\n</tool_result>";

        var (summary, hash) = ResultSummary.OfResult(enveloped);

        Assert.Equal("name=***(4), balance=42.5", summary);
        Assert.Equal(AgentHost.Control.Hashing.ControlHashes.Text(enveloped), hash);
    }

    [Fact]
    public void OfResult_JsonEnvelope_SummarisesTheData()
    {
        using var document = JsonDocument.Parse("""{"tool":"lookup","call_id":"c1","data":{"queued":true,"position":3}}""");

        var (summary, _) = ResultSummary.OfResult(document.RootElement.Clone());

        Assert.Equal("queued=true, position=3", summary);
    }

    [Theory]
    [InlineData("<tool_result tool=\"t\" call_id=\"c\">\nplain words\n</tool_result>", "text: 11 characters")]
    [InlineData("plain words", "text: 11 characters")]
    [InlineData("{not json", "text: 9 characters")]
    public void OfResult_PlainText_IsSummarisedBySize(string result, string expected) =>
        Assert.Equal(expected, ResultSummary.OfResult(result).Summary);

    [Fact]
    public void OfResult_PlainText_ThrowsNoFirstChanceException()
    {
        var thrown = 0;
        var thread = Environment.CurrentManagedThreadId;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            // Only this test's own (synchronous) calls: other tests run in parallel.
            if (e.Exception is JsonException && Environment.CurrentManagedThreadId == thread)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            ResultSummary.OfResult("<tool_result tool=\"t\" call_id=\"c\">\nCustomer C-1 is on the gold tier.\n</tool_result>");
            ResultSummary.OfResult("Customer C-1 is on the gold tier.");
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, Volatile.Read(ref thrown));
    }

    /// <summary>Puts every successful string result in the text envelope, where the host's sanitisation sits.</summary>
    private sealed class TextEnvelopeMiddleware : IToolCallMiddleware
    {
        public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
        {
            var outcome = await next(context, cancellationToken);
            return outcome is { Status: ToolCallStatus.Success, Result: string text }
                ? ToolCallOutcome.Success($"<tool_result tool=\"{context.ToolName}\" call_id=\"{context.CallId}\">\n{text}\n</tool_result>")
                : outcome;
        }
    }
}
