using System.Diagnostics;
using System.Net;
using AgentHost.Connect.Lambda.Logging;
using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Lambda.LambdaRuntime;

/// <summary>
/// The custom runtime loop: <c>next</c>, handle, <c>response</c>, forever. The trace id of each invocation is exposed as
/// <c>_X_AMZN_TRACE_ID</c>. A handler exception is reported with <c>error</c> and the loop goes on; a Runtime API failure
/// ends the process (Lambda then starts a new one).
/// </summary>
internal sealed class LambdaHost
{
    private readonly LambdaRuntimeClient _client;
    private readonly Func<LambdaInvocation, CancellationToken, Task<byte[]>> _handler;
    private readonly LambdaLogger _logger;

    public LambdaHost(LambdaRuntimeClient client, Func<LambdaInvocation, CancellationToken, Task<byte[]>> handler, LambdaLogger logger)
    {
        _client = client;
        _handler = handler;
        _logger = logger;
    }

    /// <summary>Runs until cancelled (exit code 0) or until the Runtime API fails (exit code 1).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            LambdaInvocation invocation;
            try
            {
                invocation = await _client.NextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                LambdaLog.RuntimeApiFailed(_logger, ex, ex.GetType().Name);
                return 1;
            }

            var started = Stopwatch.GetTimestamp();
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
            _logger.RequestId = invocation.RequestId;
            try
            {
                byte[] reply;
                try
                {
                    reply = await _handler(invocation, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
                {
                    LambdaLog.InvocationFailed(_logger, ex, invocation.RequestId, ex.GetType().Name);
                    await _client.ReportErrorAsync(invocation.RequestId, "Runtime.UnhandledException", ex.GetType().Name, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    await _client.RespondAsync(invocation.RequestId, reply, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
                {
                    await _client.ReportErrorAsync(invocation.RequestId, "Runtime.ResponseRejected", $"The Runtime API rejected the response ({(int)ex.StatusCode!}).", cancellationToken).ConfigureAwait(false);
                }

                LambdaLog.Answered(_logger, invocation.RequestId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                LambdaLog.RuntimeApiFailed(_logger, ex, ex.GetType().Name);
                return 1;
            }
            finally
            {
                _logger.RequestId = null;
            }
        }

        return 0;
    }
}
