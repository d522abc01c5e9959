using AgentHost.Abstractions.Tools;

namespace AgentHost.Hosting.Composition;

/// <summary>A tool provider added with <see cref="AgentHostBuilder.WithToolProvider(Func{IServiceProvider, IToolProvider})"/>, offered beside the gateway tools.</summary>
/// <param name="Provider">The provider.</param>
public sealed record ToolProviderRegistration(IToolProvider Provider);
