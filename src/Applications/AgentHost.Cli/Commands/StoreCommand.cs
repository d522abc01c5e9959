using System.CommandLine;
using AgentHost.Hosting.Composition;
using AgentHost.Storage.DynamoDb;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost store create-table</c>: creates the DynamoDB table (local and development use).</summary>
internal static class StoreCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("store", "Manage the conversation store.");
        var pitr = new Option<bool>("--point-in-time-recovery") { Description = "Also enable point-in-time recovery (recommended outside local use)." };
        var create = new Command("create-table", "Create the DynamoDB tables, if missing: the conversation table named by AGENTHOST_DYNAMODB_TABLE (keys, status index, TTL) and the control layer's control and audit tables (AGENTHOST_DYNAMODB_CONTROL_TABLE, AGENTHOST_DYNAMODB_AUDIT_TABLE; default NAME-control and NAME-audit) and the supervision table (AGENTHOST_DYNAMODB_SUPERVISOR_TABLE; default NAME-supervisor).") { pitr };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var (_, settings) = global.Load(parse);
            if (string.IsNullOrWhiteSpace(settings.Store.DynamoDbTable))
            {
                await context.Error.WriteLineAsync("No table name: set AGENTHOST_DYNAMODB_TABLE (or --set Store:DynamoDbTable=NAME).");
                return CliApplication.UsageError;
            }

            var options = StoreFactory.DynamoDbOptions(settings.Store);
            using var client = DynamoDbClientFactory.Create(options);
            var created = await new DynamoDbTableInitializer(client).CreateTableIfMissingAsync(options.TableName, parse.GetValue(pitr), cancellationToken);
            await context.Output.WriteLineAsync(created ? $"Created table {options.TableName}." : $"Table {options.TableName} already exists.");
            if (settings.Control.Enabled)
            {
                var tables = ControlFactory.DynamoDbOptions(settings);
                var createdControl = await new DynamoDbControlTableInitializer(client).CreateTablesIfMissingAsync(tables, parse.GetValue(pitr), cancellationToken);
                foreach (var table in new[] { tables.ControlTableName, tables.AuditTableName })
                {
                    await context.Output.WriteLineAsync(createdControl.Contains(table) ? $"Created table {table}." : $"Table {table} already exists.");
                }
            }

            if (settings.Supervisor.Enabled)
            {
                var supervisor = SupervisionFactory.DynamoDbOptions(settings).TableName;
                var createdSupervisor = await new DynamoDbSupervisionTableInitializer(client).CreateTableIfMissingAsync(supervisor, cancellationToken);
                await context.Output.WriteLineAsync(createdSupervisor ? $"Created table {supervisor}." : $"Table {supervisor} already exists.");
            }

            return 0;
        });
        command.Subcommands.Add(create);
        return command;
    }
}
