using System.Threading.Channels;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;

namespace AgentHost.Core.Tools;

/// <summary>Turns a running tool's progress reports into <see cref="ToolCallProgressEvent"/>s on the turn's event stream (never blocks).</summary>
internal sealed class ToolProgressWriter(ChannelWriter<AgentEvent> events, string callId, string name) : IProgress<ToolProgress>
{
    public void Report(ToolProgress value) =>
        events.TryWrite(new ToolCallProgressEvent(callId, name, value.Progress, value.Total, value.Message));
}
