using System.Threading.Channels;
using AgentHost.Abstractions.Agents;

namespace AgentHost.Core.Agents;

/// <summary>
/// The event sink of a turn nobody streams: keeps the <see cref="TurnFinishedEvent"/>'s result and drops everything else.
/// <see cref="AgentLoop.RunAsync"/> runs the turn inline through it: no channel, no producer task and no thread-pool hop per
/// streamed text delta (which is what a JSON invocation used to pay for events it never read).
/// </summary>
internal sealed class TurnResultWriter : ChannelWriter<AgentEvent>
{
    /// <summary>The turn's result once it finished.</summary>
    public AgentTurnResult? Result { get; private set; }

    /// <inheritdoc />
    public override bool TryWrite(AgentEvent item)
    {
        if (item is TurnFinishedEvent finished)
        {
            Result = finished.Result;
        }

        return true;
    }

    /// <inheritdoc />
    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => new(true);
}
