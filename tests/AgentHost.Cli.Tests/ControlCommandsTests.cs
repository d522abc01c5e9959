using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace AgentHost.Cli.Tests;

/// <summary>The control layer through the real CLI: a withdrawal waits for approval, runs once after it, and the audit trail verifies (and fails when edited).</summary>
public sealed partial class ControlCommandsTests
{
    [Fact]
    public async Task Withdrawal_NeedsApproval_RunsOnceAfterApproveAndTheAuditVerifiesAsync()
    {
        using var cli = new CliProcess();

        var (exit, output, error) = await cli.RunAsync("Withdraw 500 from the account of investor LP-001\n/exit\n", "chat");
        Assert.True(exit == 0, error);
        Assert.Contains("stopped: awaitingApproval", output, StringComparison.Ordinal);
        Assert.Contains("agent> A colleague needs to approve this", output, StringComparison.Ordinal);
        var sessionId = SessionPattern().Match(output).Groups["id"].Value;

        (exit, output, error) = await cli.RunAsync(string.Empty, "approvals", "list", "--json");
        Assert.True(exit == 0, error);
        var request = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray().ToList());
        var id = request.GetProperty("id").GetString()!;
        Assert.Equal("accounts___request_withdrawal", request.GetProperty("toolName").GetString());
        Assert.Equal(500, request.GetProperty("arguments").GetProperty("amount").GetInt32());

        (exit, _, error) = await cli.RunAsync(string.Empty, "approvals", "reject", id, "--by", "bob");
        Assert.NotEqual(0, exit);
        (exit, output, error) = await cli.RunAsync(string.Empty, "approvals", "approve", id, "--by", "alice", "--note", "verified by phone");
        Assert.True(exit == 0, error);
        Assert.Contains("Approved", output, StringComparison.Ordinal);
        (exit, _, error) = await cli.RunAsync(string.Empty, "approvals", "approve", id, "--by", "alice");
        Assert.Equal(1, exit);
        Assert.Contains("already approved", error, StringComparison.Ordinal);

        (exit, output, error) = await cli.RunAsync($"/resume {sessionId}\nIs it done?\n/exit\n", "chat");
        Assert.True(exit == 0, error);
        Assert.Contains("-> accounts___request_withdrawal", output, StringComparison.Ordinal);
        Assert.Contains("Withdrawal", output, StringComparison.Ordinal);
        (exit, output, error) = await cli.RunAsync($"/resume {sessionId}\nThanks\n/exit\n", "chat");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("-> accounts___request_withdrawal", output, StringComparison.Ordinal);

        (exit, output, error) = await cli.RunAsync(string.Empty, "audit", "verify");
        Assert.True(exit == 0, error + output);
        Assert.Contains("every chain is intact", output, StringComparison.Ordinal);
        (exit, output, _) = await cli.RunAsync(string.Empty, "audit", "export", "--session", sessionId);
        Assert.Equal(0, exit);
        var records = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        var kinds = records.Select(r => r.GetProperty("kind").GetString()).ToList();
        Assert.Contains("approvalRequested", kinds);
        Assert.Contains("approvalDecided", kinds);
        Assert.Contains("approvalClaimed", kinds);
        Assert.Single(records, r => r.GetProperty("kind").GetString() == "toolResult" && r.GetProperty("status").GetString() == "success");
        Assert.DoesNotContain("LP-001", output, StringComparison.Ordinal);

        // Someone with file access edits a record (dropping the trigger that forbids it): verification names it.
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(cli.WorkingDirectory, "conversations.control.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_records_no_update; UPDATE audit_records SET record = replace(record, 'supervisor', 'automatic') WHERE sequence = 2";
            command.ExecuteNonQuery();
        }

        (exit, output, error) = await cli.RunAsync(string.Empty, "audit", "verify", "--session", sessionId);
        Assert.Equal(1, exit);
        Assert.Contains("BROKEN edited", error, StringComparison.Ordinal);
        Assert.Contains("record 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_CheckAndExplain_NameTheLineAndTheDecidingRuleAsync()
    {
        using var cli = new CliProcess();
        var broken = Path.Combine(cli.WorkingDirectory, "policy.json");
        await File.WriteAllTextAsync(broken, "{\n  \"version\": 1,\n  \"rules\": [ { \"id\": \"a\", \"effect\": \"allow\" } ]\n}\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await cli.RunAsync(string.Empty, "policy", "check", broken);
        Assert.Equal(1, exit);
        Assert.Contains("line 3", error, StringComparison.Ordinal);

        (exit, var output, error) = await cli.RunAsync(string.Empty, "policy", "explain", "--tool", "accounts___request_withdrawal", "--args", """{"amount":50000}""", "--profile", "retail");
        Assert.True(exit == 0, error);
        Assert.Contains("Decision: allow by rule large-money-movements", output, StringComparison.Ordinal);
        Assert.Contains("approval committee", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Session (?<id>cli-[0-9a-f]+)")]
    private static partial Regex SessionPattern();
}
