using AgentHost.Abstractions.Agents;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Endpoints;
using AgentHost.Aws.Signing;
using AgentHost.Gateway.Authentication;
using AgentHost.Gateway.Configuration;

namespace AgentHost.Gateway.Connections;

/// <summary>Builds the HTTP handler chain of one gateway: authentication (bearer or SigV4), then sockets.</summary>
internal static class GatewayHttpPipeline
{
    public const string SigningService = "bedrock-agentcore";

    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The chain for <paramref name="gateway"/>.</summary>
    /// <param name="gateway">The gateway.</param>
    /// <param name="tokens">CUSTOM_JWT: where tokens come from (null: none configured).</param>
    /// <param name="handshake">CUSTOM_JWT: the invocation opening the session now, for the handshake the SDK sends on its own.</param>
    /// <param name="awsCredentials">AWS_IAM: the credentials (null: the standard chain).</param>
    /// <param name="time">The clock of the signer.</param>
    /// <param name="primary">The innermost handler.</param>
    public static HttpMessageHandler Create(
        GatewayOptions gateway,
        IGatewayTokenSource? tokens,
        Func<InvocationContext?> handshake,
        IAwsCredentialsProvider? awsCredentials,
        TimeProvider time,
        HttpMessageHandler primary)
    {
        switch (gateway.AuthType)
        {
            case GatewayAuthType.CustomJwt:
                return new GatewayAuthenticationHandler(tokens, gateway.PassThroughAuthorization, handshake) { InnerHandler = primary };
            case GatewayAuthType.AwsIam:
                var credentials = awsCredentials ?? new DefaultAwsCredentialsProvider();
                return new SigV4SigningHandler(SigningService, ResolveRegion(gateway), credentials, primary, time);
            default:
                return primary;
        }
    }

    /// <summary>The signing region: configured, else from a <c>*.gateway.bedrock-agentcore.{region}.amazonaws.com</c> host, else the AWS chain, else us-east-1.</summary>
    public static string ResolveRegion(GatewayOptions gateway)
    {
        if (!string.IsNullOrWhiteSpace(gateway.Region))
        {
            return gateway.Region.Trim();
        }

        var labels = gateway.Url?.Host.Split('.') ?? [];
        var index = Array.IndexOf(labels, "bedrock-agentcore");
        if (index >= 0 && index + 1 < labels.Length && labels[index + 1] != "amazonaws")
        {
            return labels[index + 1];
        }

        return AwsRegionResolver.Resolve() ?? "us-east-1";
    }
}
