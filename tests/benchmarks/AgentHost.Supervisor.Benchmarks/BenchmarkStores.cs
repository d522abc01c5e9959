using AgentHost.Abstractions.Supervision;
using AgentHost.Storage.DynamoDb;
using AgentHost.Storage.Sqlite;
using AgentHost.Testing.Storage;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace AgentHost.Supervisor.Benchmarks;

/// <summary>The runtime's and the console's own instances of one supervision store (SQLite file, or a DynamoDB Local table).</summary>
internal sealed class BenchmarkStores : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private DynamoDbLocalServer? _dynamo;
    private DynamoDbSupervisionStore? _dynamoRuntime;

    private BenchmarkStores()
    {
    }

    public IActivityFeed RuntimeFeed { get; private set; } = null!;

    public IGuidanceStore RuntimeGuidance { get; private set; } = null!;

    public IActivityFeed ConsoleFeed { get; private set; } = null!;

    public IGuidanceStore ConsoleGuidance { get; private set; } = null!;

    public string Description { get; private set; } = string.Empty;

    public static async Task<BenchmarkStores> OpenAsync(string kind, string folder)
    {
        var stores = new BenchmarkStores();
        if (kind == "dynamodb")
        {
            stores._dynamo = await DynamoDbLocalServer.StartAsync();
            var options = new DynamoDbSupervisionStoreOptions { TableName = "bench-supervisor" };
            var runtimeClient = stores.Client();
            await new DynamoDbSupervisionTableInitializer(runtimeClient).CreateTableIfMissingAsync(options.TableName);
            stores._dynamoRuntime = new DynamoDbSupervisionStore(runtimeClient, options);
            var console = new DynamoDbSupervisionStore(stores.Client(), options);
            (stores.RuntimeFeed, stores.RuntimeGuidance, stores.ConsoleFeed, stores.ConsoleGuidance) = (stores._dynamoRuntime, stores._dynamoRuntime, console, console);
            stores.Description = $"DynamoDB Local {stores._dynamo.ServiceUrl} (its own JVM process)";
            return stores;
        }

        if (kind != "sqlite")
        {
            throw new ArgumentException($"Unknown store '{kind}': use sqlite or dynamodb.", nameof(kind));
        }

        var path = SqliteSupervisionStore.DefaultPathFor(Path.Combine(folder, "agenthost.db"));
        var runtime = new SqliteSupervisionStore(new SqliteConversationStoreOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(30) });
        var reader = new SqliteSupervisionStore(new SqliteConversationStoreOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(30) });
        stores._owned.Add(runtime);
        stores._owned.Add(reader);
        (stores.RuntimeFeed, stores.RuntimeGuidance, stores.ConsoleFeed, stores.ConsoleGuidance) = (runtime, runtime, reader, reader);
        stores.Description = $"SQLite {path}";
        return stores;
    }

    /// <summary>The write capacity DynamoDB reported for the runtime's batches, or null on SQLite.</summary>
    public double? WriteCapacityUnits() => _dynamoRuntime?.BatchWriteCapacityUnits;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (_dynamo is not null)
        {
            await _dynamo.DisposeAsync();
        }
    }

    private AmazonDynamoDBClient Client()
    {
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("fake", "fake"), new AmazonDynamoDBConfig { ServiceURL = _dynamo!.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1" });
        _owned.Add(client);
        return client;
    }
}
