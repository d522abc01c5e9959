using AgentHost.Aws.Credentials;

namespace AgentHost.Connect.Lambda;

/// <summary>
/// The function role's credentials as Lambda provides them: <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and
/// <c>AWS_SESSION_TOKEN</c>, read on every call (cheap; no SDK credential chain is loaded, which keeps the cold start short).
/// </summary>
internal sealed class EnvironmentCredentialsProvider : IAwsCredentialsProvider
{
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(secret))
        {
            throw new AwsCredentialsUnavailableException("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (Lambda sets them from the function's role).");
        }

        return ValueTask.FromResult(new AwsCredentials(key, secret, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN")));
    }
}
