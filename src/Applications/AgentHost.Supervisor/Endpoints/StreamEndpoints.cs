using System.Globalization;
using System.Text;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervisor.Pages;
using AgentHost.Supervisor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Supervisor.Endpoints;

/// <summary>
/// The live updates, as Server-Sent Events (GET, read-only). The console and the runtime share no memory: each stream's loop
/// reads the shared store every <see cref="SupervisorConsoleOptions.PollInterval"/> and sends what is new —
/// <c>activity</c> events (one transcript row each, id = the feed sequence, so a reconnecting browser resumes with
/// <c>Last-Event-ID</c>), <c>approvals</c> and <c>summary</c> when they change, and <c>sessions</c> when the list changed.
/// </summary>
internal static class StreamEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ApprovalPoll = TimeSpan.FromSeconds(1);

    public static void Map(WebApplication app)
    {
        app.MapGet("/events/sessions", SessionsAsync).RequireAuthorization(ConsoleRoles.ReadPolicy);
        app.MapGet("/sessions/{id}/events", context => SessionAsync(context, PageResults.Route(context, "id"), long.TryParse(context.Request.Query["after"], out var after) ? after : null)).RequireAuthorization(ConsoleRoles.ReadPolicy);
    }

    private static async Task SessionsAsync(HttpContext context)
    {
        var services = PageResults.Services(context);
        var options = context.RequestServices.GetRequiredService<SupervisorConsoleOptions>();
        var token = context.RequestAborted;
        await StartAsync(context.Response);
        string? last = null;
        var lastWrite = services.Time.GetUtcNow();
        var lastApprovals = DateTimeOffset.MinValue;
        var approvalsSignature = string.Empty;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var sessions = await services.Supervision.Feed.ListSessionsAsync(PageEndpoints.ListLimit, token);
                var now = services.Time.GetUtcNow();
                if (services.Approvals is not null && now - lastApprovals >= ApprovalPoll)
                {
                    lastApprovals = now;
                    var pending = await services.Approvals.ListAsync(new AgentHost.Abstractions.Control.ApprovalQuery { Status = AgentHost.Abstractions.Control.ApprovalStatus.Pending, Limit = 500 }, token);
                    approvalsSignature = string.Join(',', pending.Select(p => p.Id));
                }

                var signature = string.Join('|', sessions.Select(s => s.SessionId + ":" + s.LastSequence.ToString(CultureInfo.InvariantCulture) + ":" + s.Status)) + "#" + approvalsSignature;
                if (signature != last)
                {
                    last = signature;
                    await WriteAsync(context.Response, "sessions", null, "changed", token);
                    lastWrite = now;
                }
                else if (now - lastWrite > Heartbeat)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", token);
                    await context.Response.Body.FlushAsync(token);
                    lastWrite = now;
                }

                await Task.Delay(options.PollInterval, services.Time, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private static async Task SessionAsync(HttpContext context, string id, long? after)
    {
        var services = PageResults.Services(context);
        var options = context.RequestServices.GetRequiredService<SupervisorConsoleOptions>();
        var token = context.RequestAborted;
        var position = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var resumed) ? resumed : after ?? 0;
        await StartAsync(context.Response);
        var lastWrite = services.Time.GetUtcNow();
        var lastApprovals = DateTimeOffset.MinValue;
        string? approvalsSignature = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var events = await services.Supervision.Feed.ReadAsync(id, position, 200, token);
                var now = services.Time.GetUtcNow();
                foreach (var activity in events)
                {
                    position = activity.Sequence;
                    await WriteAsync(context.Response, "activity", activity.Sequence, ActivityRow.Render(activity), token);
                }

                if (events.Count > 0)
                {
                    var live = await services.Supervision.Feed.GetSessionAsync(id, token);
                    await WriteAsync(context.Response, "summary", null, ConversationPage.Summary(live), token);
                    lastWrite = now;
                }

                if (services.Approvals is not null && (now - lastApprovals >= ApprovalPoll || events.Any(e => e.Kind is ActivityKinds.ApprovalRequested or ActivityKinds.ApprovalDecided or ActivityKinds.TurnFinished)))
                {
                    lastApprovals = now;
                    var pending = await PageEndpoints.PendingAsync(services, id, token);
                    var signature = string.Join(',', pending.Select(p => p.Id + ":" + p.Version.ToString(CultureInfo.InvariantCulture)));
                    if (approvalsSignature is not null && signature != approvalsSignature)
                    {
                        await WriteAsync(context.Response, "approvals", null, "changed", token);
                        lastWrite = now;
                    }

                    approvalsSignature = signature;
                }

                if (now - lastWrite > Heartbeat)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", token);
                    await context.Response.Body.FlushAsync(token);
                    lastWrite = now;
                }

                if (events.Count < 200)
                {
                    await Task.Delay(options.PollInterval, services.Time, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private static async Task StartAsync(HttpResponse response)
    {
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 1000\n\n", response.HttpContext.RequestAborted);
        await response.Body.FlushAsync(response.HttpContext.RequestAborted);
    }

    private static async Task WriteAsync(HttpResponse response, string name, long? id, string data, CancellationToken cancellationToken)
    {
        var frame = new StringBuilder(data.Length + 64);
        if (id is { } value)
        {
            frame.Append("id: ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        frame.Append("event: ").Append(name).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            frame.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        frame.Append('\n');
        await response.WriteAsync(frame.ToString(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
