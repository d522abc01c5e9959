using AgentHost.Aws.Credentials;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace AgentHost.Gateway.Connections;

/// <summary>What a <see cref="GatewayConnection"/> needs from the container.</summary>
/// <param name="LoggerFactory">Logs (also the SDK's).</param>
/// <param name="TimeProvider">Time, for token lifetimes.</param>
/// <param name="PrimaryHandlerFactory">The innermost HTTP handler (sockets) of a gateway's pipeline and its token requests.</param>
/// <param name="AwsCredentials">AWS credentials for AWS_IAM gateways and AgentCore Identity; null: the standard chain.</param>
/// <param name="ConfigureClient">Changes the SDK client options of every session (tests); null for none.</param>
internal sealed record GatewayConnectionServices(
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider,
    Func<HttpMessageHandler> PrimaryHandlerFactory,
    IAwsCredentialsProvider? AwsCredentials,
    Action<McpClientOptions>? ConfigureClient = null);
