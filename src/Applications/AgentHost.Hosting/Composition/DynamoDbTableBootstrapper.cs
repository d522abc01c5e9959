using AgentHost.Hosting.Configuration;
using AgentHost.Storage.DynamoDb;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Composition;

/// <summary>Creates the DynamoDB table (and the control layer's control and audit tables, and the supervision table) at start-up when <c>Store:DynamoDbCreateTable</c> is set (local and development use).</summary>
internal sealed class DynamoDbTableBootstrapper(AgentHostSettings settings, ILoggerFactory loggerFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = StoreFactory.DynamoDbOptions(settings.Store);
        using var client = DynamoDbClientFactory.Create(options);
        var initializer = new DynamoDbTableInitializer(client, loggerFactory.CreateLogger<DynamoDbTableInitializer>());
        await initializer.CreateTableIfMissingAsync(options.TableName, enablePointInTimeRecovery: false, cancellationToken);
        if (settings.Control.Enabled)
        {
            await new DynamoDbControlTableInitializer(client, loggerFactory.CreateLogger<DynamoDbControlTableInitializer>())
                .CreateTablesIfMissingAsync(ControlFactory.DynamoDbOptions(settings), enablePointInTimeRecovery: false, cancellationToken);
        }

        if (settings.Supervisor.Enabled)
        {
            await new DynamoDbSupervisionTableInitializer(client, loggerFactory.CreateLogger<DynamoDbSupervisionTableInitializer>())
                .CreateTableIfMissingAsync(SupervisionFactory.DynamoDbOptions(settings).TableName, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
