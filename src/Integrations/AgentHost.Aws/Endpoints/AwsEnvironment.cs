namespace AgentHost.Aws.Endpoints;

/// <summary>Reads environment variables; replaceable in tests.</summary>
public static class AwsEnvironment
{
    /// <summary>Reads the process environment, treating empty values as unset.</summary>
    public static Func<string, string?> Process { get; } = static name =>
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    };
}
