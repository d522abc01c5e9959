using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervisor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Supervisor.Endpoints;

/// <summary>
/// The actions (POST forms with an antiforgery token; each needs its role): guidance, approve/reject, escalate. Every action
/// is audited with the signed-in user's name by the service that performs it (guidance, approval decisions, escalation),
/// before it takes effect; an action that cannot be audited does not happen.
/// </summary>
internal static partial class ActionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/sessions/{id}/guidance", PageResults.Handler(async context =>
        {
            var id = PageResults.Route(context, "id");
            var loggers = context.RequestServices.GetRequiredService<ILoggerFactory>();
            if (!await PageResults.IsValidPostAsync(context))
            {
                return PageResults.Forbidden(context, "The form expired or did not come from this console; reload the page.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var user = ConsoleUser.NameOf(context.User);
            try
            {
                var guidance = await PageResults.Services(context).Supervision.Guidance.AddAsync(id, form["text"].ToString(), user, context.RequestAborted);
                LogGuidance(loggers.CreateLogger("AgentHost.Supervisor"), guidance.Id, user);
                return Results.Redirect($"/sessions/{Uri.EscapeDataString(id)}?notice={Uri.EscapeDataString("Guidance sent: the agent's next model call will receive it.")}");
            }
            catch (ArgumentException ex)
            {
                return PageResults.Forbidden(context, ex.Message);
            }
        })).RequireAuthorization(ConsoleRoles.Supervisor);

        app.MapPost("/approvals/{requestId}/decide", PageResults.Handler(async context =>
        {
            var requestId = PageResults.Route(context, "requestId");
            var loggers = context.RequestServices.GetRequiredService<ILoggerFactory>();
            if (!await PageResults.IsValidPostAsync(context))
            {
                return PageResults.Forbidden(context, "The form expired or did not come from this console; reload the page.");
            }

            var services = PageResults.Services(context);
            if (services.Approvals is null)
            {
                return PageResults.Forbidden(context, "The control layer is off: there are no approvals.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var verdict = form["verdict"].ToString() switch
            {
                "approve" => ApprovalVerdict.Approve,
                "reject" => ApprovalVerdict.Reject,
                _ => (ApprovalVerdict?)null,
            };
            if (verdict is null)
            {
                return PageResults.Forbidden(context, "Choose approve or reject.");
            }

            var request = await services.Approvals.GetAsync(requestId, context.RequestAborted);
            if (request is null)
            {
                return PageResults.Forbidden(context, $"There is no approval request {requestId}.");
            }

            var user = ConsoleUser.NameOf(context.User);
            var comment = form["comment"].ToString();
            var result = await services.Approvals.DecideAsync(
                new ApprovalDecision
                {
                    RequestId = requestId,
                    ArgumentsHash = form["argumentsHash"].ToString(),
                    Approver = user,
                    Verdict = verdict.Value,
                    Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
                },
                context.RequestAborted);
            LogDecision(loggers.CreateLogger("AgentHost.Supervisor"), requestId, verdict.Value.ToString(), user, result.Status.ToString());
            if (result.Status == ApprovalDecisionStatus.Refused)
            {
                return PageResults.Forbidden(context, "Refused: " + result.Message);
            }

            await PublishDecisionAsync(services, request, verdict.Value, user, context.RequestAborted);
            return Results.Redirect($"/sessions/{Uri.EscapeDataString(request.SessionId)}?notice={Uri.EscapeDataString(result.Message)}");
        })).RequireAuthorization(ConsoleRoles.Approver);

        app.MapPost("/sessions/{id}/escalate", PageResults.Handler(async context =>
        {
            var id = PageResults.Route(context, "id");
            var loggers = context.RequestServices.GetRequiredService<ILoggerFactory>();
            if (!await PageResults.IsValidPostAsync(context))
            {
                return PageResults.Forbidden(context, "The form expired or did not come from this console; reload the page.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var user = ConsoleUser.NameOf(context.User);
            var note = form["note"].ToString();
            await PageResults.Services(context).Supervision.Escalation.EscalateAsync(id, user, string.IsNullOrWhiteSpace(note) ? "escalated from the supervisor console" : note.Trim(), cancellationToken: context.RequestAborted);
            LogEscalated(loggers.CreateLogger("AgentHost.Supervisor"), user);
            return Results.Redirect($"/escalations/session/{Uri.EscapeDataString(id)}");
        })).RequireAuthorization(ConsoleRoles.Supervisor);
    }

    /// <summary>Shows the decision in the session's feed (best effort: the decision itself is stored and audited already).</summary>
    private static async Task PublishDecisionAsync(SupervisorConsoleServices services, ApprovalRequest request, ApprovalVerdict verdict, string user, CancellationToken cancellationToken)
    {
        try
        {
            await services.Supervision.Feed.AppendAsync(
                request.SessionId,
                [new ActivityEvent
                {
                    SessionId = request.SessionId,
                    Kind = ActivityKinds.ApprovalDecided,
                    At = services.Time.GetUtcNow(),
                    ToolName = request.ToolName,
                    Role = user,
                    Status = verdict == ApprovalVerdict.Approve ? "approved" : "rejected",
                    Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["requestId"] = request.Id },
                }],
                new LiveSessionUpdate(),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The feed is a view; the decision stands.
        }
    }

    [LoggerMessage(EventId = 13500, Level = LogLevel.Information, Message = "Guidance {GuidanceId} stored by {User}")]
    private static partial void LogGuidance(ILogger logger, string guidanceId, string user);

    [LoggerMessage(EventId = 13501, Level = LogLevel.Information, Message = "Approval request {RequestId}: {Verdict} by {User} -> {Status}")]
    private static partial void LogDecision(ILogger logger, string requestId, string verdict, string user, string status);

    [LoggerMessage(EventId = 13502, Level = LogLevel.Information, Message = "A conversation was escalated by {User}")]
    private static partial void LogEscalated(ILogger logger, string user);
}
