using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Support;

/// <summary>Helpers to run one turn of the offline model and read its answer.</summary>
internal static class Chat
{
    public static Task<ChatResponse> AskAsync(string prompt, ChatOptions? options = null, OfflineChatClientOptions? clientOptions = null) =>
        AskAsync([new ChatMessage(ChatRole.User, prompt)], options, clientOptions);

    public static async Task<ChatResponse> AskAsync(IList<ChatMessage> messages, ChatOptions? options = null, OfflineChatClientOptions? clientOptions = null)
    {
        using OfflineChatClient client = new(clientOptions);
        return await client.GetResponseAsync(messages, options ?? CatalogTools.Options(), TestContext.Current.CancellationToken);
    }

    public static FunctionCallContent? Call(ChatResponse response) =>
        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().SingleOrDefault();

    public static FunctionCallContent RequireCall(ChatResponse response) =>
        Call(response) ?? throw new Xunit.Sdk.XunitException($"Expected a tool call but the model answered: {response.Text}");
}
