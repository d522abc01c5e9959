namespace AgentHost.Gateway.Tools;

/// <summary>Why a gateway tool call failed.</summary>
public enum GatewayToolErrorKind
{
    /// <summary>The arguments do not match the tool's input schema; nothing was sent to the gateway.</summary>
    InvalidArguments,

    /// <summary>The tool ran and reported an error (<c>isError</c>), or the gateway rejected the request.</summary>
    ToolError,

    /// <summary>A gateway policy (Cedar) denied the call.</summary>
    PolicyDenied,

    /// <summary>The gateway could not be reached or authenticated to (transport failure, token endpoint down).</summary>
    Unavailable,
}
