namespace AgentHost.Control.Policy;

/// <summary>A policy file is invalid; the message names the file, the line and what is wrong. The host refuses to start.</summary>
public sealed class PolicyFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyFileException()
        : base("The policy file is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PolicyFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a line of a file.</summary>
    public PolicyFileException(string source, int line, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{source} line {line}: {problem}" : $"{source}: {problem}", innerException)
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>The line (1-based) of the problem; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>What is wrong (without the file and line).</summary>
    public string? Problem { get; }
}
