namespace AgentHost.Connect.Lambda.LambdaRuntime;

/// <summary>One invocation received from <c>/runtime/invocation/next</c>.</summary>
/// <param name="RequestId">The AWS request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</param>
/// <param name="Deadline">When the invocation times out (<c>Lambda-Runtime-Deadline-Ms</c>), if sent.</param>
/// <param name="InvokedFunctionArn">The function ARN (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</param>
/// <param name="TraceId">The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>).</param>
/// <param name="Body">The event.</param>
internal sealed record LambdaInvocation(string RequestId, DateTimeOffset? Deadline, string? InvokedFunctionArn, string? TraceId, byte[] Body);
