using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentHost.Deploy.Tests.Restore;

/// <summary>
/// A Bedrock Runtime stand-in on 127.0.0.1 (Kestrel) answering ConverseStream like the peer harness's scripted model: the
/// first turn calls the offered tool whose name ends in <c>get_customer_profile</c> for the customer id in the prompt, the
/// second turn (the last message carries the tool result) answers from the result. It does not check signatures (the
/// Bedrock tests do). Stopping it closes every connection the host holds to it; a new one can take the same port.
/// </summary>
internal sealed class FakeBedrockRuntime : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FakeBedrockRuntime(WebApplication app) => _app = app;

    /// <summary>ConverseStream requests answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FakeBedrockRuntime> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fake = new FakeBedrockRuntime(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        using (var now = new CancellationTokenSource(TimeSpan.Zero))
        {
            await _app.StopAsync(now.Token); // no grace period: open connections are cut, as a restore cuts them
        }

        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Value!.EndsWith("/converse-stream", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        Interlocked.Increment(ref _requests);
        var request = (await JsonNode.ParseAsync(context.Request.Body))!;
        var messages = request["messages"]!.AsArray();
        var last = messages[^1]!["content"]!.AsArray();
        var toolResult = last.FirstOrDefault(c => c!["toolResult"] is not null)?["toolResult"];

        context.Response.ContentType = "application/vnd.amazon.eventstream";
        await WriteAsync(context, "messageStart", new JsonObject { ["role"] = "assistant" });
        if (toolResult is null)
        {
            var tool = request["toolConfig"]!["tools"]!.AsArray()
                .Select(t => t!["toolSpec"]?["name"]?.GetValue<string>())
                .First(n => n is not null && n.EndsWith("get_customer_profile", StringComparison.Ordinal))!;
            var prompt = last.First(c => c!["text"] is not null)!["text"]!.GetValue<string>();
            var customer = System.Text.RegularExpressions.Regex.Match(prompt, @"C-\d{4}").Value;
            await WriteAsync(context, "contentBlockStart", new JsonObject
            {
                ["contentBlockIndex"] = 0,
                ["start"] = new JsonObject { ["toolUse"] = new JsonObject { ["toolUseId"] = "tooluse_" + customer, ["name"] = tool } },
            });
            await WriteAsync(context, "contentBlockDelta", new JsonObject
            {
                ["contentBlockIndex"] = 0,
                ["delta"] = new JsonObject { ["toolUse"] = new JsonObject { ["input"] = new JsonObject { ["customerId"] = customer }.ToJsonString() } },
            });
            await WriteAsync(context, "contentBlockStop", new JsonObject { ["contentBlockIndex"] = 0 });
            await WriteAsync(context, "messageStop", new JsonObject { ["stopReason"] = "tool_use" });
        }
        else
        {
            // The result's first block: JSON, or text holding JSON (the MCP tool answers one text item).
            var block = toolResult["content"]!.AsArray()[0]!;
            using var profile = JsonDocument.Parse(Unwrap(block["json"]?.ToJsonString() ?? block["text"]!.GetValue<string>()));
            var p = profile.RootElement;
            var answer = $"Customer {p.GetProperty("name").GetString()} ({p.GetProperty("customerId").GetString()}) is a {p.GetProperty("tier").GetString()} member.";
            await WriteAsync(context, "contentBlockDelta", new JsonObject { ["contentBlockIndex"] = 0, ["delta"] = new JsonObject { ["text"] = answer } });
            await WriteAsync(context, "contentBlockStop", new JsonObject { ["contentBlockIndex"] = 0 });
            await WriteAsync(context, "messageStop", new JsonObject { ["stopReason"] = "end_turn" });
        }

        await WriteAsync(context, "metadata", new JsonObject
        {
            ["usage"] = new JsonObject { ["inputTokens"] = 100, ["outputTokens"] = 20, ["totalTokens"] = 120 },
            ["metrics"] = new JsonObject { ["latencyMs"] = 1 },
        });
    }

    /// <summary>
    /// The tool's data as a model reads it through the host's sanitisation envelope: a JSON result arrives as
    /// <c>{"tool","call_id","data"}</c>, a text result between <c>&lt;tool_result …&gt;</c> tags.
    /// </summary>
    private static string Unwrap(string result)
    {
        var text = result.Trim();
        if (text.StartsWith("<tool_result", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf('>', StringComparison.Ordinal) + 1)..text.LastIndexOf('<')].Trim();
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data) && document.RootElement.TryGetProperty("tool", out _)
            ? data.GetRawText()
            : text;
    }

    private static async Task WriteAsync(HttpContext context, string eventType, JsonObject payload)
    {
        await context.Response.Body.WriteAsync(EventStreamWriter.Event(eventType, payload.ToJsonString()));
        await context.Response.Body.FlushAsync();
    }
}
