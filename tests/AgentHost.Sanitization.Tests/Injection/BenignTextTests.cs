namespace AgentHost.Sanitization.Tests.Injection;

/// <summary>Business text that merely contains words like "ignore", "instructions", "system" or "assistant" passes unchanged.</summary>
public sealed class BenignTextTests
{
    private static readonly ToolResultSanitizer Sanitizer = new(new SanitizationOptions());

    public static TheoryData<string> Traps => new()
    {
        "Please ignore the duplicate invoice INV-22; it was voided.",
        "Customer asked us to disregard the previous address.",
        "Follow the instructions in the enclosed letter.",
        "System maintenance on Sunday.",
        "{\"name\": \"Priya Raman\", \"role\": \"account manager\"}",
        "Disregard previous delivery instructions; the customer moved.",
        "Please ignore the previous settlement instructions; updated SSIs attached.",
        "The assistant manager approved the exception.",
        "Agent: Thank you for calling. Customer: I want to update my address.",
        "Bot: Hi! How can I help you today?\nCustomer: I need a new PIN.",
        "You are now enrolled in paperless statements.",
        "From now on, the customer prefers WhatsApp.",
        "Please act as the primary contact while Jane is on leave.",
        "Run the backup tool after 18:00.",
        "Log: calculate_interest(rate=0.05, months=12) returned 612.30",
        "System: Windows 11 Pro\nRAM: 16 GB",
        "Assistant: Maria Souza (ext. 4410)",
        "<p>Your statement is ready.</p><!-- template v3.2 -->",
        "<order><instructions>Leave with the neighbour</instructions></order>",
        "The chatbot said 'I am an AI assistant' and the customer complained.",
        "If you are unable to reach the customer, leave a voicemail.",
        "Favor desconsiderar o boleto anterior; o novo vence em 10/04.",
        "Siga as instruções do manual para desbloquear o cartão.",
        "E aí, tudo certo? O cliente disse que ia passar na agência.",
        "Por favor, ignore la factura duplicada F-22; fue anulada.",
        "Siga las instrucciones de la carta adjunta.",
        "Ahora eres cliente preferente, le dijo el gestor.",
        "Merci d'ignorer la relance précédente, le paiement a été reçu.",
        "Vous êtes maintenant inscrit au relevé en ligne.",
        "J'ai bien reçu le chèque ; l'assistant commercial a mis à jour le dossier.",
    };

    [Theory]
    [MemberData(nameof(Traps))]
    public void Sanitize_BusinessTextWithTriggerWords_IsReturnedUnchanged(string text)
    {
        var result = Sanitizer.Sanitize(text);

        Assert.Same(text, result.Text);
        Assert.False(result.Changed);
        Assert.Empty(result.Findings);
    }
}
