namespace AgentHost.Gateway.Authentication;

/// <summary>
/// Gives the gateway client the <c>Authorization</c> header of the inbound request being served, for gateways configured with
/// <see cref="Configuration.GatewayOptions.PassThroughAuthorization"/>. The server layer sets it per request
/// (see <see cref="InboundAuthorization"/>).
/// </summary>
public interface IInboundAuthorizationAccessor
{
    /// <summary>The inbound <c>Authorization</c> header value (e.g. <c>Bearer eyJ...</c>), or <see langword="null"/>. Sensitive: never log it.</summary>
    string? Authorization { get; }
}
