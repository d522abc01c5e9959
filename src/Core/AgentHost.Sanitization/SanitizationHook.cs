using AgentHost.Abstractions.Hooks;
using AgentHost.Sanitization.Replies;
using AgentHost.Sanitization.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Sanitization;

/// <summary>
/// Before every model call: appends <see cref="ToolDataNotice.Text"/> to the system prompt (when
/// <see cref="SanitizationOptions.ToolDataNotice"/> is on) and tells <see cref="ReplyMaskingChatClient"/> the invocation's
/// channel (under <see cref="ReplyMaskingChatClient.ChannelProperty"/> of the call's options), so that replies are masked
/// with that channel's settings.
/// </summary>
public sealed class SanitizationHook : AgentHook
{
    private readonly bool _notice;

    /// <summary>Creates the hook.</summary>
    /// <param name="options">The settings (read once).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SanitizationHook(SanitizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _notice = options.Enabled && options.ToolDataNotice;
    }

    /// <inheritdoc />
    public override ValueTask OnModelCallingAsync(ModelCallingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_notice)
        {
            context.Options.Instructions = ToolDataNotice.AppendTo(context.Options.Instructions);
        }

        if (context.Invocation.Channel is { Length: > 0 } channel)
        {
            (context.Options.AdditionalProperties ??= [])[ReplyMaskingChatClient.ChannelProperty] = channel;
        }

        return ValueTask.CompletedTask;
    }
}
