using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentHost.Telemetry.Redaction;

/// <summary>Redaction of the host's logs through <c>Microsoft.Extensions.Compliance.Redaction</c>.</summary>
public static class AgentHostRedactionExtensions
{
    /// <summary>
    /// Registers the redaction engine (<c>AddRedaction</c>) with <see cref="SensitiveDataRedactor"/> for
    /// <see cref="AgentHostDataClasses.UserData"/> (replace it with <c>services.AddRedaction(b =&gt; b.SetRedactor&lt;ErasingRedactor&gt;(...))</c>
    /// to erase instead), and makes the <see cref="ILoggerFactory"/> redact every entry: values, message and exception message
    /// pass the redactor before any provider (console, OTLP) sees them. Call after logging is configured. Idempotent.
    /// </summary>
    public static IServiceCollection AddAgentHostLogRedaction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(RedactingLoggerFactoryMarker)))
        {
            return services;
        }

        services.AddSingleton<RedactingLoggerFactoryMarker>();
        services.AddRedaction(builder => builder.SetRedactor<SensitiveDataRedactor>(new DataClassificationSet(AgentHostDataClasses.UserData)));
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(
                sp.GetServices<ILoggerProvider>(),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(),
                sp.GetService<Microsoft.Extensions.Logging.IExternalScopeProvider>()),
            UserDataRedactor(sp))));
        return services;
    }

    /// <summary>The redactor registered for <see cref="AgentHostDataClasses.UserData"/>.</summary>
    public static Redactor UserDataRedactor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IRedactorProvider>().GetRedactor(new DataClassificationSet(AgentHostDataClasses.UserData));
    }

    private sealed class RedactingLoggerFactoryMarker;
}
