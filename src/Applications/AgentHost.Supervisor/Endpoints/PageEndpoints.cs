using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Supervision;
using AgentHost.Control.Audit;
using AgentHost.Supervisor.Pages;
using AgentHost.Supervisor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentHost.Supervisor.Endpoints;

/// <summary>The pages (GET, read-only): conversations list, one conversation, escalation packages, the audit trail; and their fragments.</summary>
internal static class PageEndpoints
{
    public const int ListLimit = 200;

    public static void Map(WebApplication app)
    {
        app.MapGet("/", PageResults.Handler(async context =>
        {
            var services = PageResults.Services(context);
            var (sessions, pending) = await ListAsync(services, context.RequestAborted);
            return PageResults.Page(context, "Conversations", SessionListPage.Body(sessions, pending, services.Time.GetUtcNow()));
        })).RequireAuthorization(ConsoleRoles.ReadPolicy);

        app.MapGet("/fragments/sessions", PageResults.Handler(async context =>
        {
            var services = PageResults.Services(context);
            var (sessions, pending) = await ListAsync(services, context.RequestAborted);
            return PageResults.Fragment(SessionListPage.Rows(sessions, pending, services.Time.GetUtcNow()));
        })).RequireAuthorization(ConsoleRoles.ReadPolicy);

        app.MapGet("/sessions/{id}", PageResults.Handler(async context =>
        {
            var id = PageResults.Route(context, "id");
            var services = PageResults.Services(context);
            var live = await services.Supervision.Feed.GetSessionAsync(id, context.RequestAborted);
            var events = await ReadAllAsync(services.Supervision.Feed, id, context.RequestAborted);
            var pending = await PendingAsync(services, id, context.RequestAborted);
            var roles = ConsoleUser.RolesOf(context.User);
            var notice = context.Request.Query["notice"].ToString();
            var body = (notice.Length > 0 ? "<p class=\"notice\" id=\"notice\">" + Html.E(notice) + "</p>" : string.Empty)
                + ConversationPage.Body(id, live, events, pending, roles, PageResults.AntiforgeryField(context));
            return PageResults.Page(context, "Conversation " + id, body);
        })).RequireAuthorization(ConsoleRoles.ReadPolicy);

        app.MapGet("/sessions/{id}/fragments/approvals", PageResults.Handler(async context =>
        {
            var id = PageResults.Route(context, "id");
            var services = PageResults.Services(context);
            var pending = await PendingAsync(services, id, context.RequestAborted);
            return PageResults.Fragment(ConversationPage.Approvals(pending, ConsoleUser.RolesOf(context.User), PageResults.AntiforgeryField(context)));
        })).RequireAuthorization(ConsoleRoles.ReadPolicy);

        app.MapGet("/escalations/contact/{contactId}", PageResults.Handler(async context =>
        {
            var contactId = PageResults.Route(context, "contactId");
            var services = PageResults.Services(context);
            var live = await services.Supervision.Feed.FindByContactAsync(contactId, context.RequestAborted);
            if (live is null)
            {
                return PageResults.Page(context, "Escalation", "<h1>Escalation</h1><p class=\"error\">No conversation of contact " + Html.E(contactId) + ".</p>", StatusCodes.Status404NotFound);
            }

            var package = await services.Supervision.Packages.BuildAsync(live.SessionId, cancellationToken: context.RequestAborted);
            return PageResults.Page(context, "Escalation " + contactId, EscalationPage.Body(package));
        })).RequireAuthorization(ConsoleRoles.ReadPolicy);

        app.MapGet("/escalations/session/{id}", PageResults.Handler(async context =>
        {
            var id = PageResults.Route(context, "id");
            var services = PageResults.Services(context);
            var package = await services.Supervision.Packages.BuildAsync(id, cancellationToken: context.RequestAborted);
            return PageResults.Page(context, "Escalation " + id, EscalationPage.Body(package));
        })).RequireAuthorization(ConsoleRoles.ReadPolicy);

        app.MapGet("/api/escalations/contact/{contactId}", PageResults.Handler(async context =>
        {
            var contactId = PageResults.Route(context, "contactId");
            var services = PageResults.Services(context);
            var live = await services.Supervision.Feed.FindByContactAsync(contactId, context.RequestAborted);
            if (live is null)
            {
                return Results.NotFound();
            }

            var package = await services.Supervision.Packages.BuildAsync(live.SessionId, cancellationToken: context.RequestAborted);
            return Results.Json(package, SupervisionJsonContext.Default.EscalationPackage);
        })).RequireAuthorization(ConsoleRoles.ReadPolicy);

        app.MapGet("/sessions/{id}/audit", PageResults.Handler(async context =>
        {
            var id = PageResults.Route(context, "id");
            var services = PageResults.Services(context);
            if (services.Audit is null)
            {
                return PageResults.Page(context, "Audit", "<h1>Audit trail</h1><p class=\"muted\">The control layer is off: there is no audit trail.</p>");
            }

            var records = new List<AuditRecord>();
            await foreach (var record in services.Audit.ReadAsync(id, 1, context.RequestAborted))
            {
                records.Add(record);
            }

            var verification = await AuditVerifier.VerifyAsync(services.Audit, id, context.RequestAborted);
            var text = verification.IsValid ? $"The chain of {verification.Records} records verifies." : $"The chain does NOT verify: {verification.Breaks.Count} break(s), first at record {verification.Breaks[0].Sequence}.";
            return PageResults.Page(context, "Audit " + id, AuditPage.Body(id, records, text));
        })).RequireAuthorization(ConsoleRoles.Auditor);
    }

    public static async Task<(IReadOnlyList<LiveSession> Sessions, IReadOnlyList<ApprovalRequest> Pending)> ListAsync(SupervisorConsoleServices services, CancellationToken cancellationToken)
    {
        var sessions = await services.Supervision.Feed.ListSessionsAsync(ListLimit, cancellationToken);
        IReadOnlyList<ApprovalRequest> pending = services.Approvals is null ? [] : await services.Approvals.ListAsync(new ApprovalQuery { Status = ApprovalStatus.Pending, Limit = 500 }, cancellationToken);
        return (sessions, pending);
    }

    public static async Task<IReadOnlyList<ApprovalRequest>> PendingAsync(SupervisorConsoleServices services, string sessionId, CancellationToken cancellationToken) =>
        services.Approvals is null ? [] : await services.Approvals.ListAsync(new ApprovalQuery { Status = ApprovalStatus.Pending, SessionId = sessionId, Limit = 50 }, cancellationToken);

    private static async Task<IReadOnlyList<ActivityEvent>> ReadAllAsync(IActivityFeed feed, string sessionId, CancellationToken cancellationToken)
    {
        var all = new List<ActivityEvent>();
        var after = 0L;
        while (all.Count < 5_000)
        {
            var page = await feed.ReadAsync(sessionId, after, 500, cancellationToken);
            all.AddRange(page);
            if (page.Count < 500)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        return all;
    }
}
