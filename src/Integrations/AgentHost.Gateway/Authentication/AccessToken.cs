namespace AgentHost.Gateway.Authentication;

/// <summary>A cached bearer token and when to stop using it. Sensitive: never log <see cref="Value"/>.</summary>
internal sealed record AccessToken(string Value, DateTimeOffset RefreshAt);
