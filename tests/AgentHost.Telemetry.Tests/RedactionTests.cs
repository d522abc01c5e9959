using AgentHost.Telemetry.Redaction;

namespace AgentHost.Telemetry.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("Authorization: Bearer abcdefghijklmnop.qrs", "Authorization: Bearer [REDACTED:credential]")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl here", "token [REDACTED:jwt] here")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE used", "key [REDACTED:aws-access-key-id] used")]
    [InlineData("secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end", "secret [REDACTED:aws-secret-key] end")]
    [InlineData("password=hunter22 next", "password=[REDACTED:secret] next")]
    [InlineData("{\"api_key\": \"abcd1234efgh\"}", "{\"api_key\": \"[REDACTED:secret]\"}")]
    [InlineData("SSN 078-05-1120.", "SSN [REDACTED:ssn].")]
    [InlineData("card 4111 1111 1111 1111 ok", "card [REDACTED:card] ok")]
    [InlineData("card 5500-0000-0000-0004", "card [REDACTED:card]")]
    [InlineData("mail jane.doe@example.com now", "mail [REDACTED:email] now")]
    [InlineData("call +14155550123 back", "call [REDACTED:phone] back")]
    public void RedactText_SensitiveValue_IsReplaced(string input, string expected)
    {
        Assert.Equal(expected, SensitiveDataRedactor.RedactText(input));
    }

    [Theory]
    [InlineData("Turn of session s-1 finished: endTurn, 2 cycles, 1 tool calls in 12.5 ms")]
    [InlineData("sequence 1234567890123 is not a card (fails Luhn)")]
    [InlineData("commit 9fceb02d0ae598e95dc970b74767f19372d61af8")]
    [InlineData("")]
    public void RedactText_OrdinaryText_IsUnchanged(string input)
    {
        Assert.Equal(input, SensitiveDataRedactor.RedactText(input));
    }

    [Fact]
    public void Redact_ThroughTheRedactorApi_GivesTheSameText()
    {
        var redactor = new SensitiveDataRedactor();

        Assert.Equal("SSN [REDACTED:ssn]", redactor.Redact("SSN 078-05-1120"));
    }

    [Fact]
    public void RedactedExceptionCreate_ExceptionChainWithSecrets_KeepsTypeAndStackAndRedactsMessagesOfTheChain()
    {
        Exception original;
        try
        {
            throw new InvalidOperationException("outer for 078-05-1120", new ArgumentException("inner AKIAIOSFODNN7EXAMPLE"));
        }
        catch (InvalidOperationException ex)
        {
            original = ex;
        }

        var redacted = RedactedException.Create(original, new SensitiveDataRedactor());

        Assert.Equal("System.InvalidOperationException", redacted.OriginalType);
        Assert.Equal("outer for [REDACTED:ssn]", redacted.Message);
        Assert.Equal(original.StackTrace, redacted.StackTrace);
        var text = redacted.ToString();
        Assert.StartsWith("System.InvalidOperationException: outer for [REDACTED:ssn] ---> System.ArgumentException: inner [REDACTED:aws-access-key-id]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", text, StringComparison.Ordinal);
    }
}
