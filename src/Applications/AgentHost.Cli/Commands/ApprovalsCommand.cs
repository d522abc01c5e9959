using System.CommandLine;
using System.Text.Json;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Approvals;
using AgentHost.Control.Audit;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost approvals list|approve|reject</c> over the shared approval store (the same API the supervisor console uses).</summary>
internal static class ApprovalsCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("approvals", "List and decide tool calls waiting for human approval.");

        var json = new Option<bool>("--json") { Description = "Print JSON (every member, including the arguments)." };
        var status = new Option<string?>("--status") { Description = "Only requests with this status (pending, approved, rejected, expired, executing, completed). Default: pending." };
        var all = new Option<bool>("--all") { Description = "Every status." };
        var session = new Option<string?>("--session") { Description = "Only requests of this session." };
        var limit = new Option<int>("--limit") { Description = "How many to list.", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List approval requests, newest first (pending ones by default).") { json, status, all, session, limit };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var control = ControlCommandSupport.Open(global, parse);
            var query = new ApprovalQuery
            {
                Status = parse.GetValue(all) ? null : ApprovalStatusNames.Parse(parse.GetValue(status) ?? "pending"),
                SessionId = parse.GetValue(session),
                Limit = parse.GetValue(limit),
            };
            var requests = await control.Layer.Approvals.ListAsync(query, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(requests, ControlJsonContext.Default.IReadOnlyListApprovalRequest));
                return 0;
            }

            if (requests.Count == 0)
            {
                await context.Output.WriteLineAsync("No approval requests.");
                return 0;
            }

            foreach (var request in requests)
            {
                await context.Output.WriteLineAsync(
                    $"{request.Id}  {ApprovalStatusNames.ToWireName(request.Status)}  {request.ToolName}  {ArgumentMasker.Summarize(request.Arguments)}  " +
                    $"rule {request.RuleId} ({(request.Mode == ApprovalMode.Committee ? "committee" : "supervisor")}, {request.Votes.Count(v => v.Verdict == ApprovalVerdict.Approve)}/{request.RequiredApprovals})  " +
                    $"session {request.SessionId}  expires {request.ExpiresAt:yyyy-MM-dd HH:mm}Z");
            }

            return 0;
        });

        var approveId = new Argument<string>("id") { Description = "The request id (apr_...)." };
        var by = new Option<string>("--by") { Description = "Who approves (recorded and audited).", Required = true };
        var note = new Option<string?>("--note") { Description = "A note." };
        var approve = new Command("approve", "Approve a request: the call runs once when the session is next invoked.") { approveId, by, note };
        approve.SetAction((parse, cancellationToken) => DecideAsync(global, context, parse, parse.GetValue(approveId)!, parse.GetValue(by)!, ApprovalVerdict.Approve, parse.GetValue(note), cancellationToken));

        var rejectId = new Argument<string>("id") { Description = "The request id (apr_...)." };
        var rejectBy = new Option<string>("--by") { Description = "Who rejects (recorded and audited).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (the model is told; required).", Required = true };
        var reject = new Command("reject", "Reject a request: the call never runs; the customer is told on the next turn.") { rejectId, rejectBy, reason };
        reject.SetAction((parse, cancellationToken) => DecideAsync(global, context, parse, parse.GetValue(rejectId)!, parse.GetValue(rejectBy)!, ApprovalVerdict.Reject, parse.GetValue(reason), cancellationToken));

        command.Subcommands.Add(list);
        command.Subcommands.Add(approve);
        command.Subcommands.Add(reject);
        return command;
    }

    private static async Task<int> DecideAsync(GlobalOptions global, CliContext context, ParseResult parse, string id, string approver, ApprovalVerdict verdict, string? comment, CancellationToken cancellationToken)
    {
        using var control = ControlCommandSupport.Open(global, parse);
        var approvals = control.Layer.Approvals;
        var request = await approvals.GetAsync(id, cancellationToken);
        if (request is null)
        {
            await context.Error.WriteLineAsync($"There is no approval request {id}.");
            return 1;
        }

        // The CLI shows the request it decides and binds the decision to that request's argument hash.
        await context.Output.WriteLineAsync($"{request.Id}: {request.ToolName} {ArgumentMasker.Summarize(request.Arguments)} (rule {request.RuleId}, session {request.SessionId})");
        var result = await approvals.DecideAsync(
            new ApprovalDecision { RequestId = request.Id, ArgumentsHash = request.ArgumentsHash, Approver = approver, Verdict = verdict, Comment = comment },
            cancellationToken);
        if (result.Status == ApprovalDecisionStatus.Refused)
        {
            await context.Error.WriteLineAsync($"Refused: {result.Message}");
            return 1;
        }

        await context.Output.WriteLineAsync(result.Message);
        return 0;
    }
}
