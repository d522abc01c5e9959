using AgentHost.Sanitization.Replies;

namespace AgentHost.Sanitization.Tests.Replies;

/// <summary>Replies never carry a full card, SSN or CPF, streamed or not, whatever the chunk boundaries.</summary>
public sealed class ReplyMaskerTests
{
    private static readonly ReplyMasker Masker = new(new SanitizationOptions());

    public static TheoryData<string> Replies => new()
    {
        "Your card 4242 4242 4242 4242 is blocked; the new one ends in 1881.",
        "I found SSN 123-45-6789 and CPF 529.982.247-25 on file.",
        "Cards: 4111111111111111, 5555-5555-5555-4444 and 3782 822463 10005.",
        "Order 1234 costs $12.50; call 415-555-0198 (not masked by default).",
        "CPF 52998224725.",
        "4242 4242 4242 4242",
        "Nothing to mask here: order INV-22, total R$ 1.349,90, 12/27.",
        "Ends with a card 4242 4242 4242 4242",
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Append_ReplySplitAtEveryPosition_EqualsMaskingTheWholeReply(string reply)
    {
        var expected = Masker.Mask(reply);
        for (var split = 0; split <= reply.Length; split++)
        {
            var stream = Masker.CreateStream();
            var output = stream.Append(reply[..split]) + stream.Append(reply[split..]) + stream.Flush();

            Assert.Equal(expected, output);
        }
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void Append_ReplyStreamedOneCharacterAtATime_EqualsMaskingTheWholeReply(string reply)
    {
        var stream = Masker.CreateStream();
        var output = string.Concat(reply.Select(c => stream.Append(c.ToString()))) + stream.Flush();

        Assert.Equal(Masker.Mask(reply), output);
    }

    [Fact]
    public void Mask_DefaultKinds_MasksCardSsnAndCpfButNotPhoneOrEmail()
    {
        var masked = Masker.Mask("Card 4242 4242 4242 4242, SSN 123-45-6789, CPF 529.982.247-25, phone 415-555-0198, ana@example.com.");

        Assert.Equal("Card [CARD ••••4242], SSN [SSN ••••6789], CPF [CPF ••••4725], phone 415-555-0198, ana@example.com.", masked);
    }

    [Fact]
    public void Append_TextThatCannotBePersonalData_IsReturnedAtOnce()
    {
        var stream = Masker.CreateStream();

        Assert.Equal("Hello, ", stream.Append("Hello, "));
        Assert.Equal("your order has shipped", stream.Append("your order has shipped"));
        Assert.Equal(" — card ", stream.Append(" — card 4242 "));
        Assert.Equal(string.Empty, stream.Append("4242 4242 4242."));
        Assert.Equal("[CARD ••••4242].", stream.Flush());
    }

    [Fact]
    public void Append_ValueSplitAcrossChunks_IsHeldBackThenMasked()
    {
        var stream = Masker.CreateStream();

        var first = stream.Append("Your card 4242 42");
        var second = stream.Append("42 4242 4242 is blocked.");

        Assert.Equal("Your card ", first);
        Assert.Equal("[CARD ••••4242] is blocked.", second);
        Assert.Equal(string.Empty, stream.Flush());
        Assert.Equal("pii.card", Assert.Single(stream.Findings).Category);
    }

    [Fact]
    public void CreateStream_ChannelWithMaskingOff_PassesChunksThrough()
    {
        var options = new SanitizationOptions();
        options.Replies.Channels["internal"] = new ReplyChannelOptions { Enabled = false };
        var masker = new ReplyMasker(options);
        var stream = masker.CreateStream("internal");

        Assert.Equal("4242 4242 4242 4242", stream.Append("4242 4242 4242 4242"));
        Assert.False(masker.IsEnabled("internal"));
        Assert.True(masker.IsEnabled("voice"));
    }

    [Fact]
    public void Mask_ChannelWithItsOwnKinds_MasksThoseKinds()
    {
        var options = new SanitizationOptions();
        options.Replies.Channels["sms"] = new ReplyChannelOptions { Kinds = [PiiKind.Email, PiiKind.Phone] };
        var masker = new ReplyMasker(options);

        Assert.Equal("Mail [EMAIL], call [PHONE ••••0198], card 4242 4242 4242 4242.", masker.Mask("Mail ana@example.com, call 415-555-0198, card 4242 4242 4242 4242.", "sms"));
    }

    [Fact]
    public void Append_EmailMaskingSplitAcrossChunks_IsHeldBackThenMasked()
    {
        var options = new SanitizationOptions();
        options.Replies.Kinds = [PiiKind.Email, PiiKind.Card];
        var masker = new ReplyMasker(options);
        const string reply = "Write to ana.souza@example.com or call us.";
        for (var split = 0; split <= reply.Length; split++)
        {
            var stream = masker.CreateStream();
            Assert.Equal("Write to [EMAIL] or call us.", stream.Append(reply[..split]) + stream.Append(reply[split..]) + stream.Flush());
        }
    }
}
