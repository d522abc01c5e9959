using AgentHost.Aws.Credentials;
using AgentHost.Gateway.Authentication;
using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.Connections;

/// <summary>What a <see cref="GatewayConnection"/> needs from the container.</summary>
internal sealed record GatewayConnectionServices(
    ILoggerFactory LoggerFactory,
    TimeProvider TimeProvider,
    Func<HttpMessageHandler> PrimaryHandlerFactory,
    IInboundAuthorizationAccessor? InboundAuthorization,
    IAwsCredentialsProvider? AwsCredentials);
