using AgentHost.Cli.Output;

namespace AgentHost.Cli.Commands;

/// <summary>The console streams of one CLI run (replaceable in tests).</summary>
/// <param name="Input">Standard input.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Interactive">True when input and output are a terminal (colours, Ctrl+C handling).</param>
internal sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, bool Interactive)
{
    public ConsoleRenderer Renderer { get; } = new(Output, Interactive);

    public static CliContext FromConsole() => new(
        Console.In,
        Console.Out,
        Console.Error,
        !Console.IsInputRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
}
