using System.Text.Json;
using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Mapping;

/// <summary>Maps chat messages and options to a Converse request body.</summary>
internal static class BedrockRequestMapper
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key whose value becomes <c>additionalModelRequestFields</c>.</summary>
    public const string AdditionalModelRequestFieldsKey = "additionalModelRequestFields";

    private static readonly JsonElement PermissiveSchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    public static ConverseRequest Map(IEnumerable<ChatMessage> messages, ChatOptions? options, BedrockChatClientOptions clientOptions, bool stream = false)
    {
        var request = new ConverseRequest();
        var system = new List<SystemContentBlock>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            system.Add(new SystemContentBlock { Text = options.Instructions });
        }

        var documentCounter = 0;
        var toolNamesInHistory = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                var text = message.Text;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    system.Add(new SystemContentBlock { Text = text });
                }

                continue;
            }

            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = new List<ContentBlock>();
            foreach (var content in message.Contents)
            {
                if (BedrockContentMapper.ToBlock(content, ref documentCounter) is { } block)
                {
                    if (block.ToolUse is { } toolUse)
                    {
                        toolNamesInHistory.Add(toolUse.Name);
                    }

                    blocks.Add(block);
                }
            }

            if (blocks.Count == 0)
            {
                continue;
            }

            if (request.Messages.Count > 0 && request.Messages[^1].Role == role)
            {
                request.Messages[^1].Content.AddRange(blocks);
            }
            else
            {
                request.Messages.Add(new BedrockMessage { Role = role, Content = blocks });
            }
        }

        if (system.Count > 0)
        {
            if (clientOptions.CachePointAfterSystem)
            {
                system.Add(new SystemContentBlock { CachePoint = new CachePointBlock() });
            }

            request.System = system;
        }

        if (clientOptions.CachePointAfterHistory)
        {
            AddHistoryCachePoint(request.Messages);
        }

        request.InferenceConfig = MapInference(options, clientOptions);
        request.GuardrailConfig = MapGuardrail(clientOptions, stream);
        request.ToolConfig = MapTools(options, clientOptions, toolNamesInHistory, HasToolBlocks(request));
        if (options?.AdditionalProperties?.TryGetValue(AdditionalModelRequestFieldsKey, out var extra) == true && extra is not null)
        {
            request.AdditionalModelRequestFields = BedrockJsonValues.ToElement(extra);
        }

        return request;
    }

    /// <summary>
    /// A cache point at the end of the conversation before the latest user input: the history is the prefix that repeats from
    /// one call to the next, so it is what is worth caching. Nothing when there is no history yet.
    /// </summary>
    private static void AddHistoryCachePoint(List<BedrockMessage> messages)
    {
        for (var i = messages.Count - 1; i > 0; i--)
        {
            var message = messages[i];
            if (message.Role == "user" && message.Content.Any(c => c.Text is not null) && message.Content.All(c => c.ToolResult is null))
            {
                messages[i - 1].Content.Add(new ContentBlock { CachePoint = new CachePointBlock() });
                return;
            }
        }
    }

    private static GuardrailConfiguration? MapGuardrail(BedrockChatClientOptions clientOptions, bool stream)
    {
        if (string.IsNullOrWhiteSpace(clientOptions.GuardrailIdentifier))
        {
            return null;
        }

        return new GuardrailConfiguration
        {
            GuardrailIdentifier = clientOptions.GuardrailIdentifier,
            GuardrailVersion = clientOptions.GuardrailVersion,
            Trace = clientOptions.GuardrailTrace,
            StreamProcessingMode = stream ? clientOptions.GuardrailStreamProcessingMode : null,
        };
    }

    private static bool HasToolBlocks(ConverseRequest request)
        => request.Messages.Any(m => m.Content.Any(c => c.ToolUse is not null || c.ToolResult is not null));

    private static InferenceConfiguration? MapInference(ChatOptions? options, BedrockChatClientOptions clientOptions)
    {
        var config = new InferenceConfiguration
        {
            MaxTokens = options?.MaxOutputTokens ?? clientOptions.DefaultMaxOutputTokens,
            Temperature = options?.Temperature,
            TopP = options?.TopP,
            StopSequences = options?.StopSequences is { Count: > 0 } stops ? [.. stops] : null,
        };
        return config.MaxTokens is null && config.Temperature is null && config.TopP is null && config.StopSequences is null ? null : config;
    }

    private static ToolConfiguration? MapTools(ChatOptions? options, BedrockChatClientOptions clientOptions, HashSet<string> toolNamesInHistory, bool historyHasTools)
    {
        var declared = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var toolsDisabled = options?.ToolMode is NoneChatToolMode;
        if ((declared.Count == 0 || toolsDisabled) && !historyHasTools)
        {
            return null;
        }

        var config = new ToolConfiguration();
        foreach (var tool in declared)
        {
            config.Tools.Add(new ToolEntry
            {
                ToolSpec = new ToolSpecification
                {
                    Name = tool.Name,
                    Description = string.IsNullOrWhiteSpace(tool.Description) ? null : tool.Description,
                    InputSchema = new ToolInputSchema { Json = tool.JsonSchema.ValueKind == JsonValueKind.Object ? tool.JsonSchema : PermissiveSchema },
                },
            });
        }

        // Bedrock rejects a history with toolUse/toolResult blocks unless toolConfig names those tools.
        foreach (var name in toolNamesInHistory.Where(n => declared.All(d => d.Name != n)))
        {
            config.Tools.Add(new ToolEntry { ToolSpec = new ToolSpecification { Name = name, InputSchema = new ToolInputSchema { Json = PermissiveSchema } } });
        }

        if (config.Tools.Count == 0)
        {
            return null;
        }

        if (clientOptions.CachePointAfterTools)
        {
            config.Tools.Add(new ToolEntry { CachePoint = new CachePointBlock() });
        }

        config.ToolChoice = toolsDisabled ? null : options?.ToolMode switch
        {
            RequiredChatToolMode { RequiredFunctionName: { } name } => new ToolChoice { Tool = new SpecificToolChoice { Name = name } },
            RequiredChatToolMode => new ToolChoice { Any = EmptyObject.Instance },
            AutoChatToolMode => new ToolChoice { Auto = EmptyObject.Instance },
            _ => null,
        };
        return config;
    }
}
