using System.Text.Json;
using AgentHost.DevGateway.Tests.Support;
using ModelContextProtocol.Protocol;

namespace AgentHost.DevGateway.Tests.Tools;

public sealed class WriteToolTests
{
    [Fact]
    public async Task UpdateContactDetails_LaterProfileRead_SeesTheUpdatedDetailsAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        await fixture.CallOkAsync("crm___update_contact_details", new { investorId = "LP-003", email = "priya.new@example.org" });
        JsonElement profile = await fixture.CallOkAsync("crm___get_investor_profile", new { investorId = "LP-003" });

        Assert.Equal("priya.new@example.org", profile.GetProperty("email").GetString());
    }

    [Fact]
    public async Task CreateCase_ReadBackByGetCase_IsReturnedWithTheNextIdAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement created = await fixture.CallOkAsync("cases___create_case", new { investorId = "LP-001", subject = "Dividend not received", category = "payments", priority = "high" });
        string caseId = created.GetProperty("caseId").GetString()!;
        JsonElement read = await fixture.CallOkAsync("cases___get_case", new { caseId });

        Assert.Equal("C-1049", caseId);
        Assert.Equal("Dividend not received", read.GetProperty("subject").GetString());
        Assert.Equal("open", read.GetProperty("status").GetString());
        Assert.Equal("2026-11-22", read.GetProperty("createdOn").GetString());
    }

    [Fact]
    public async Task CreateCase_InvestorsOpenCasesListed_AppearsFirstAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        await fixture.CallOkAsync("cases___create_case", new { investorId = "LP-002", subject = "Fee query" });
        JsonElement open = await fixture.CallOkAsync("cases___list_cases", new { investorId = "LP-002", status = "open" });

        Assert.Equal("Fee query", open.GetProperty("cases")[0].GetProperty("subject").GetString());
        Assert.All(open.GetProperty("cases").EnumerateArray(), c => Assert.Equal("open", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task AddCaseNote_OpenCase_IsSeenByGetCaseAndMovesTheCaseInProgressAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        await fixture.CallOkAsync("cases___add_case_note", new { caseId = "C-1041", note = "Customer called again." });
        JsonElement read = await fixture.CallOkAsync("cases___get_case", new { caseId = "C-1041" });

        Assert.Contains(read.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString() == "Customer called again.");
        Assert.Equal("in_progress", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SendNotification_LaterListNotifications_SeesTheSentNotificationAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement sent = await fixture.CallOkAsync("notifications___send_notification", new { investorId = "LP-004", channel = "sms", message = "Your statement is ready." });
        JsonElement list = await fixture.CallOkAsync("notifications___list_notifications", new { investorId = "LP-004" });

        Assert.Equal("N-0001", sent.GetProperty("notificationId").GetString());
        Assert.Equal("Your statement is ready.", list.GetProperty("notifications")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task RequestDocument_LaterDocumentList_ShowsItAsRequestedAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement request = await fixture.CallOkAsync("documents___request_document", new { investorId = "LP-001", documentType = "statement", deliveryMethod = "post" });
        JsonElement list = await fixture.CallOkAsync("documents___list_documents", new { investorId = "LP-001", documentType = "statement" });

        string documentId = request.GetProperty("documentId").GetString()!;
        JsonElement document = list.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("documentId").GetString() == documentId);
        Assert.Equal("requested", document.GetProperty("status").GetString());
        Assert.Equal("post", document.GetProperty("deliveryMethod").GetString());
    }

    [Fact]
    public async Task BookCallback_FutureOrPastDate_BooksTheFutureOneWithTheInvestorsAdvisorAndRefusesPastDatesAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement booked = await fixture.CallOkAsync("scheduling___book_callback", new { investorId = "LP-002", date = "2026-12-01", timeSlot = "morning" });
        CallToolResult past = await fixture.CallAsync("scheduling___book_callback", new { investorId = "LP-002", date = "2026-01-01", timeSlot = "morning" });

        Assert.Equal("booked", booked.GetProperty("status").GetString());
        Assert.Equal("Samuel Reyes", booked.GetProperty("advisor").GetString());
        Assert.True(past.IsError);
    }

    [Fact]
    public async Task EscalateToHuman_PrivateClient_GoesToThePrivateClientDeskAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        JsonElement escalation = await fixture.CallOkAsync("escalation___escalate_to_human", new { investorId = "LP-001", reason = "Wants to discuss a complaint", priority = "high" });

        Assert.Equal("Private client desk", escalation.GetProperty("queue").GetString());
        Assert.Equal("queued", escalation.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RequestWithdrawal_WithinOrBeyondTheBalance_ReducesTheCashBalanceSeenByALaterReadAndRefusesOverdraftsAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();
        JsonElement before = await fixture.CallOkAsync("accounts___get_account_balance", new { investorId = "LP-001" });

        JsonElement withdrawal = await fixture.CallOkAsync("accounts___request_withdrawal", new { investorId = "LP-001", amount = 1200.50m });
        JsonElement after = await fixture.CallOkAsync("accounts___get_account_balance", new { investorId = "LP-001" });
        CallToolResult overdraft = await fixture.CallAsync("accounts___request_withdrawal", new { investorId = "LP-001", amount = 999999m });

        Assert.Equal(before.GetProperty("availableCash").GetDecimal() - 1200.50m, after.GetProperty("availableCash").GetDecimal());
        Assert.Equal(-1200.50m, withdrawal.GetProperty("amount").GetDecimal());
        Assert.True(overdraft.IsError);
    }

    [Fact]
    public async Task StartAsync_TwoGateways_EachStartsFromItsOwnCopyOfTheSampleDataAsync()
    {
        await using GatewayFixture first = await GatewayFixture.StartAsync();
        await using GatewayFixture second = await GatewayFixture.StartAsync();

        await first.CallOkAsync("crm___update_contact_details", new { investorId = "LP-005", phone = "+44 7700 900123" });
        JsonElement untouched = await second.CallOkAsync("crm___get_investor_profile", new { investorId = "LP-005" });

        Assert.Equal("+44 117 496 0005", untouched.GetProperty("phone").GetString());
    }
}
