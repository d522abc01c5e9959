using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.Cli.Output;

/// <summary>Writes turns for people: streamed text, tool calls as they happen, a short summary. ANSI colours only on a terminal.</summary>
internal sealed class ConsoleRenderer(TextWriter output, bool useColour)
{
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Cyan = "\u001b[36m";
    private const string Reset = "\u001b[0m";
    private bool _midLine;
    private bool _answering;

    public TextWriter Output => output;

    public void Line(string text = "")
    {
        EndLine();
        output.WriteLine(text);
    }

    public void Info(string text) => Line(Colour(Dim, text));

    public void Error(string text) => Line(Colour(Red, "error: " + text));

    public void Prompt(string prompt)
    {
        EndLine();
        output.Write(Colour(Cyan, prompt));
        output.Flush();
    }

    public void Render(AgentEvent item)
    {
        switch (item)
        {
            case TextDeltaEvent delta:
                if (!_answering)
                {
                    EndLine();
                    output.Write(Colour(Cyan, "agent> "));
                    _answering = true;
                }

                output.Write(delta.Text);
                output.Flush();
                _midLine = !delta.Text.EndsWith('\n');
                break;
            case ToolCallStartedEvent started:
                _answering = false;
                Line(Colour(Dim, $"  -> {started.Name} {Compact(started.Input)}"));
                break;
            case ToolCallFinishedEvent finished:
                var status = finished.Call.Status.ToWireName();
                var text = $"  <- {finished.Call.Name} {status} in {finished.Call.DurationMs.ToString("0", CultureInfo.InvariantCulture)} ms";
                Line(finished.Call.Status == ToolCallStatus.Success ? Colour(Dim, text) : Colour(Red, text + (finished.Call.Error is null ? string.Empty : ": " + finished.Call.Error)));
                break;
            case AgentErrorEvent error:
                Error($"{error.Message} ({error.ErrorType})");
                break;
        }
    }

    public void Summary(InvocationResponse response)
    {
        EndLine();
        _answering = false;
        var usage = response.Usage;
        var note = response.StopReason == "endTurn" ? string.Empty : $" stopped: {response.StopReason};";
        Line(Colour(Dim, $"  [{note} {response.Cycles} model calls, {response.ToolCalls.Count} tool calls, {usage.TotalTokens} tokens{(response.Replayed ? ", replayed" : string.Empty)}]".Replace("[ ", "[", StringComparison.Ordinal)));
    }

    public void EndLine()
    {
        if (_midLine)
        {
            output.WriteLine();
            _midLine = false;
        }
    }

    private static string Compact(JsonElement input)
    {
        var text = input.ValueKind == JsonValueKind.Undefined ? "{}" : input.GetRawText();
        return text.Length > 200 ? text[..200] + "..." : text;
    }

    private string Colour(string code, string text) => useColour ? code + text + Reset : text;
}
