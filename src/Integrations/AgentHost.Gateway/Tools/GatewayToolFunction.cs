using System.Net;
using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.Authentication;
using AgentHost.Gateway.Connections;
using AgentHost.Gateway.Validation;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tools;

/// <summary>
/// A gateway tool as an <see cref="AIFunction"/> under its Bedrock name. Invoking it validates the arguments against the input
/// schema, maps the name back to the gateway's and calls the tool over MCP, with the invocation the loop passes (its
/// credentials authenticate the call) and the call's progress sink. Every failure throws <see cref="GatewayToolException"/>.
/// The tool's MCP annotations are published under <see cref="ToolAnnotationKeys"/> in <see cref="AdditionalProperties"/>.
/// </summary>
internal sealed class GatewayToolFunction : AIFunction
{
    private readonly GatewayConnection _connection;

    public GatewayToolFunction(GatewayConnection connection, Tool tool, string bedrockName)
    {
        _connection = connection;
        OriginalName = tool.Name;
        Name = bedrockName;
        Description = tool.Description ?? tool.Title ?? string.Empty;
        JsonSchema = NormaliseSchema(tool.InputSchema);
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [GatewayToolProperties.ToolName] = tool.Name,
            [GatewayToolProperties.GatewayName] = connection.Name,
        };
        AddAnnotations(properties, tool);
        AdditionalProperties = properties;
    }

    public override IReadOnlyDictionary<string, object?> AdditionalProperties { get; }

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema { get; }

    /// <summary>The tool's name at the gateway (e.g. <c>target___tool</c>).</summary>
    public string OriginalName { get; }

    public string GatewayName => _connection.Name;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        // The loop serialised the arguments once already; hand-built calls (outside the loop) are serialised here.
        var json = arguments.GetArgumentsJson() ?? ConversationJson.ToJsonObject(arguments);
        var errors = ToolArgumentValidator.Validate(JsonSchema, json);
        if (errors.Count > 0)
        {
            throw new GatewayToolException(Name, GatewayToolErrorKind.InvalidArguments,
                $"Invalid arguments for tool '{Name}': {string.Join(" ", errors)} Fix the arguments and call the tool again.");
        }

        CallToolResult result;
        try
        {
            result = await _connection.CallToolAsync(OriginalName, json, arguments.GetInvocation(), arguments.GetProgress(), cancellationToken).ConfigureAwait(false);
        }
        catch (McpProtocolException ex)
        {
            throw PolicyText.IsDenial(ex.Message)
                ? new GatewayToolException(Name, GatewayToolErrorKind.PolicyDenied, $"The gateway's policy denied the call to '{Name}': {ex.Message}", ex)
                : new GatewayToolException(Name, GatewayToolErrorKind.ToolError, $"The gateway rejected the call to '{Name}': {ex.Message}", ex);
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new GatewayToolException(Name, GatewayToolErrorKind.PolicyDenied, $"The gateway denied the call to '{Name}' (HTTP 403).", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or McpException or GatewayAuthenticationException or IOException or TimeoutException ||
                                   (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GatewayToolException(Name, GatewayToolErrorKind.Unavailable,
                $"The tool '{Name}' is unavailable: gateway '{_connection.Name}' could not be reached ({GatewayConnection.Describe(ex)}).", ex);
        }

        if (result.IsError == true)
        {
            var text = ToolResultConverter.ErrorText(result);
            throw PolicyText.IsDenial(text)
                ? new GatewayToolException(Name, GatewayToolErrorKind.PolicyDenied, $"The gateway's policy denied the call to '{Name}': {text}")
                : new GatewayToolException(Name, GatewayToolErrorKind.ToolError, $"The tool '{Name}' reported an error: {text}");
        }

        return ToolResultConverter.Convert(result);
    }

    /// <summary>Publishes the tool's MCP annotations (the hints it declares, and its title) under <see cref="ToolAnnotationKeys"/>.</summary>
    private static void AddAnnotations(Dictionary<string, object?> properties, Tool tool)
    {
        if (tool.Annotations is { } annotations)
        {
            AddFlag(properties, ToolAnnotationKeys.ReadOnlyHint, annotations.ReadOnlyHint);
            AddFlag(properties, ToolAnnotationKeys.DestructiveHint, annotations.DestructiveHint);
            AddFlag(properties, ToolAnnotationKeys.IdempotentHint, annotations.IdempotentHint);
            AddFlag(properties, ToolAnnotationKeys.OpenWorldHint, annotations.OpenWorldHint);
        }

        if ((tool.Title ?? tool.Annotations?.Title) is { Length: > 0 } title)
        {
            properties[ToolAnnotationKeys.Title] = title;
        }
    }

    private static void AddFlag(Dictionary<string, object?> properties, string key, bool? value)
    {
        if (value is { } flag)
        {
            properties[key] = flag;
        }
    }

    private static JsonElement NormaliseSchema(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object)
        {
            return schema;
        }

        using var document = JsonDocument.Parse("""{"type":"object","properties":{}}""");
        return document.RootElement.Clone();
    }
}
