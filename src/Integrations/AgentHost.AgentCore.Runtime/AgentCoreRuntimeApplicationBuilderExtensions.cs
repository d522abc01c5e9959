using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentHost.AgentCore.Runtime;

/// <summary>Serves the AgentCore Runtime HTTP contract as one terminal middleware, without endpoint routing.</summary>
public static class AgentCoreRuntimeApplicationBuilderExtensions
{
    /// <summary>
    /// Answers <c>GET /ping</c> and <c>POST /invocations</c> (as <see cref="AgentCoreRuntimeEndpointRouteBuilderExtensions.MapAgentCoreRuntime"/>
    /// does: paths case-insensitive, one trailing slash allowed), 405 with an <c>Allow</c> header for
    /// another method on those paths, and 404 for any other path. Add it last: it ends the pipeline.
    /// </summary>
    /// <remarks>
    /// For a host that serves only the contract (the AgentCore Runtime container). Endpoint routing would build its matcher
    /// (a state machine whose jump tables are IL-emitted and compiled at run time) when the first request arrives, which in a
    /// container that is starting is one of the frequent <c>/ping</c> polls: work competing with the tool discovery for the
    /// microVM's two cores. Two fixed paths need no matcher.
    /// </remarks>
    /// <exception cref="InvalidOperationException"><c>AddAgentCoreRuntime</c> was not called.</exception>
    public static IApplicationBuilder UseAgentCoreRuntime(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handlers = AgentCoreRuntimeEndpoints.Create(app.ApplicationServices, "app.UseAgentCoreRuntime()");
        app.Run(context =>
        {
            var request = context.Request;
            var path = request.Path.Value.AsSpan();
            if (path.Length > 1 && path[^1] == '/')
            {
                path = path[..^1];
            }

            if (path.Equals(AgentCoreRuntimeEndpoints.PingPath, StringComparison.OrdinalIgnoreCase))
            {
                return HttpMethods.IsGet(request.Method) ? handlers.Ping(context) : MethodNotAllowed(context, "GET");
            }

            if (path.Equals(AgentCoreRuntimeEndpoints.InvocationsPath, StringComparison.OrdinalIgnoreCase))
            {
                return HttpMethods.IsPost(request.Method) ? handlers.Invocations(context) : MethodNotAllowed(context, "POST");
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    private static Task MethodNotAllowed(HttpContext context, string allow)
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = allow;
        return Task.CompletedTask;
    }
}
