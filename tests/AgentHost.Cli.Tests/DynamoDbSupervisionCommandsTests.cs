using AgentHost.Testing.Storage;

namespace AgentHost.Cli.Tests;

/// <summary>
/// Supervision on DynamoDB through the real CLI, as in production where the runtime and the supervisor share only the
/// tables: <c>store create-table</c> creates the supervision table, a turn in one process writes the activity feed, and
/// <c>sessions watch</c> and <c>sessions guide</c> in other processes read it and store guidance the next turn consumes (audited).
/// </summary>
public sealed class DynamoDbSupervisionCommandsTests
{
    [Fact]
    public async Task SessionsWatchAndGuide_DynamoDbStore_SeeTheRuntimesFeedAndSteerItsNextTurnAsync()
    {
        await using var dynamo = await DynamoDbLocalServer.StartAsync(TestContext.Current.CancellationToken);
        using var cli = new CliProcess();
        var table = "cli-" + Guid.NewGuid().ToString("N");
        cli.Environment["AGENTHOST_DYNAMODB_TABLE"] = table;
        cli.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.ServiceUrl.ToString();
        cli.Environment["AWS_REGION"] = "us-east-1";
        cli.Environment["AWS_ACCESS_KEY_ID"] = "fake";
        cli.Environment["AWS_SECRET_ACCESS_KEY"] = "fake";

        var (exit, output, error) = await cli.RunAsync(string.Empty, "store", "create-table");
        Assert.True(exit == 0, error);
        Assert.Contains($"Created table {table}-supervisor.", output, StringComparison.Ordinal);

        const string Session = "dynamo-supervised-session-0001";
        (exit, _, error) = await cli.RunAsync(string.Empty, "invoke", "What is the portfolio of investor LP-001?", "--session", Session);
        Assert.True(exit == 0, error);

        (exit, output, error) = await cli.RunAsync(string.Empty, "sessions", "watch", Session, "--from-start", "--until-idle");
        Assert.True(exit == 0, error);
        Assert.Contains("customer> What is the portfolio of investor LP-001?", output, StringComparison.Ordinal);
        Assert.Contains("turn finished: endTurn", output, StringComparison.Ordinal);
        Assert.DoesNotContain("LP-001\"", output, StringComparison.Ordinal);

        (exit, output, error) = await cli.RunAsync(string.Empty, "sessions", "guide", Session, "Offer the quarterly review call.", "--by", "alice");
        Assert.True(exit == 0, error);
        Assert.Contains("stored for session", output, StringComparison.Ordinal);
        (exit, _, error) = await cli.RunAsync(string.Empty, "invoke", "Thanks", "--session", Session);
        Assert.True(exit == 0, error);

        // Stored, then consumed once by the next turn's model call: both audited (in the DynamoDB audit table).
        (exit, output, error) = await cli.RunAsync(string.Empty, "audit", "export", "--session", Session);
        Assert.True(exit == 0, error);
        var guidance = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Contains("\"supervisorGuidance\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, guidance.Count);
        Assert.Contains("\"added\"", guidance[0], StringComparison.Ordinal);
        Assert.Contains("alice", guidance[0], StringComparison.Ordinal);
        Assert.Contains("\"applied\"", guidance[1], StringComparison.Ordinal);
    }
}
