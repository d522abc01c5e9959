using AgentHost.Telemetry.Redaction;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Telemetry.Tests;

public sealed partial class LogRedactionTests
{
    [Fact]
    public void Log_SourceGeneratedEntryWithUserValues_ReachesProvidersRedactedInMessageStateAndException()
    {
        var (provider, capture) = Build(services => { });
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        LogLookup(logger, new InvalidOperationException("lookup failed for 4111111111111111"), "078-05-1120", 3);

        var entry = Assert.Single(capture.Entries, e => e.Contains("Lookup", StringComparison.Ordinal));
        Assert.Contains("Lookup of [REDACTED:ssn] failed after 3 attempts {braces}", entry, StringComparison.Ordinal);
        Assert.Contains("Customer=[REDACTED:ssn]", entry, StringComparison.Ordinal);
        Assert.Contains("Attempts=3", entry, StringComparison.Ordinal);
        Assert.Contains("{OriginalFormat}=Lookup of {Customer} failed after {Attempts} attempts {{braces}}", entry, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: lookup failed for [REDACTED:card]", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgentHostLogRedaction_AnotherRedactorForUserData_IsUsed()
    {
        var (provider, capture) = Build(services => services.AddRedaction(b => b.SetRedactor<ErasingRedactor>(new Microsoft.Extensions.Compliance.Classification.DataClassificationSet(AgentHostDataClasses.UserData))));
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("test");

        LogLookup(logger, null, "jane", 1);

        Assert.Contains(capture.Entries, e => e.Contains("Lookup of  failed after 1 attempts", StringComparison.Ordinal));
    }

    private static (ServiceProvider Provider, CapturingLoggerProvider Capture) Build(Action<IServiceCollection> configure)
    {
        var capture = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(capture));
        services.AddAgentHostLogRedaction();
        configure(services);
        return (services.BuildServiceProvider(), capture);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Lookup of {Customer} failed after {Attempts} attempts {{braces}}")]
    private static partial void LogLookup(ILogger logger, Exception? exception, string customer, int attempts);
}
