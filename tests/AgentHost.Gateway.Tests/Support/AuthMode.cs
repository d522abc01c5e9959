namespace AgentHost.Gateway.Tests.Support;

internal enum AuthMode
{
    None,
    Bearer,
    SigV4,
}
