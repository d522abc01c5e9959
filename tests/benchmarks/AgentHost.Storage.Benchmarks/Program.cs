// Storage benchmark: DynamoDB requests and request bytes per turn at turns 1, 100 and 1,000 of one session, and the time
// to load the window of a 1,000-turn session. Runs against DynamoDB Local (tests/setup/dynamodb-local.sh installs it).
// Prints figures only; nothing is asserted. Run: dotnet run -c Release --project tests/benchmarks/AgentHost.Storage.Benchmarks
// With the argument `sqlite [requests] [concurrency]` it measures the SQLite store instead (SqliteStoreBenchmark.cs; no
// server needed): dotnet run -c Release --project tests/benchmarks/AgentHost.Storage.Benchmarks -- sqlite 5000 8
using System.Diagnostics;
using System.Globalization;
using AgentHost.Storage.Benchmarks;
using AgentHost.Storage.DynamoDb;
using AgentHost.Testing.Storage;
using Amazon.Runtime;

if (args is ["sqlite", ..])
{
    await SqliteStoreBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8);
    return;
}

const int Turns = 1000;
int[] measured = [1, 100, 1000];
int[] windows = [20, 50];
const int LoadRepetitions = 50;

await using var server = await DynamoDbLocalServer.StartAsync();
var factory = new BenchmarkHttpClientFactory();
var options = new DynamoDbConversationStoreOptions { TableName = "agenthost-benchmark", Region = "us-east-1", ServiceUrl = server.ServiceUrl };
using var client = DynamoDbClientFactory.Create(options, new BasicAWSCredentials("fake", "fake"), config => config.HttpClientFactory = factory);
await new DynamoDbTableInitializer(client).CreateTableIfMissingAsync(options.TableName);
var store = new DynamoDbConversationStore(client, options);
var session = StoreTestData.NewSessionId();
var toolResult = string.Concat(Enumerable.Repeat("{\"sku\":\"A-17\",\"status\":\"shipped\",\"eta\":\"2026-12-01\"},", 40));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DynamoDB Local {server.ServiceUrl}; each turn = 4 messages incl. a tool call and a {toolResult.Length}-character tool result"));
Console.WriteLine("turn   requests  request-bytes  operations");
var appendTimes = new List<double>();
for (var sequence = 1; sequence <= Turns; sequence++)
{
    factory.Handler.Reset();
    var watch = Stopwatch.StartNew();
    await store.AppendTurnAsync(StoreTestData.ToolTurn(session, sequence, toolResult));
    appendTimes.Add(watch.Elapsed.TotalMilliseconds);
    if (measured.Contains(sequence))
    {
        var operations = string.Join(", ", factory.Handler.Operations.Select(p => $"{p.Key}={p.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sequence,-6} {factory.Handler.Requests,8}  {factory.Handler.BytesSent,13}  {operations}"));
    }
}

appendTimes.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"append latency over {Turns} turns: median {appendTimes[Turns / 2]:F2} ms, p95 {appendTimes[Turns * 95 / 100]:F2} ms (DynamoDB Local, not AWS)"));

foreach (var window in windows)
{
    await store.LoadAsync(session, window);
    var times = new List<double>();
    factory.Handler.Reset();
    for (var i = 0; i < LoadRepetitions; i++)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = await store.LoadAsync(session, window);
        times.Add(watch.Elapsed.TotalMilliseconds);
        if (snapshot.RecentTurns.Count != window || snapshot.Header?.TurnCount != Turns)
        {
            throw new InvalidOperationException("The load returned an unexpected window.");
        }
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load window of {window} turns from a {Turns}-turn session: median {times[LoadRepetitions / 2]:F2} ms, p95 {times[LoadRepetitions * 95 / 100]:F2} ms, {factory.Handler.Requests / (double)LoadRepetitions:F0} requests per load"));
}

factory.Handler.Reset();
var readWatch = Stopwatch.StartNew();
var count = 0;
await foreach (var _ in store.ReadTurnsAsync(session))
{
    count++;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read the whole history ({count} turns): {readWatch.Elapsed.TotalMilliseconds:F0} ms, {factory.Handler.Requests} requests"));
