using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Guidance;
using AgentHost.Testing.Models;
using AgentHost.Testing.Supervision;
using Microsoft.Extensions.AI;
using Microsoft.Playwright;

namespace AgentHost.Supervisor.Tests.Browser;

/// <summary>The console in a real browser (headless Debian Chromium through Playwright) against a runtime that shares only the SQLite files with it.</summary>
public sealed class ConsoleBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ConversationsList_TurnRunning_ConversationAppearsLiveAndItsTranscriptGrowsAsync()
    {
        await using var environment = await ConsoleEnvironment.StartAsync();
        var (context, page) = await environment.SignedInPageAsync(browser.Browser);
        await using var contextScope = context;
        await page.WaitForSelectorAsync("#session-rows");
        Assert.Equal(0, await page.Locator("tr[data-session='s-live']").CountAsync());

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        environment.Runtime.LookupGate = ct => release.Task.WaitAsync(ct);
        environment.Runtime.Model.ThenToolCalls(SupervisedTestHost.Call("lookup", ("account", "DE89370400440532013000"))).ThenText("Your balance is 42.50 euros.");
        var turn = environment.Runtime.TurnAsync("s-live", "What is my balance? I am so frustrated.", contactId: "contact-live");

        // The row appears while the turn is still running (the tool is held), without reloading the page.
        var row = page.Locator("tr[data-session='s-live']");
        await row.WaitForAsync();
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("running");
        await Assertions.Expect(row).ToContainTextAsync("CHAT");
        Assert.False(turn.IsCompleted);

        await row.Locator("a").ClickAsync();
        await page.Locator("#transcript [data-kind='toolCallStarted']").WaitForAsync();
        await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("What is my balance? I am so frustrated.");
        await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("account=***(22)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "conversation-running.png"), FullPage = true });

        release.SetResult();
        await turn;
        await Assertions.Expect(page.Locator("#transcript .role-agent")).ToContainTextAsync("Your balance is 42.50 euros.");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("idle");
        Assert.DoesNotContain("DE89370400440532013000", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Example", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "conversation.png"), FullPage = true });
    }

    [Fact]
    public async Task GuidanceBox_TypedGuidance_ChangesTheAgentsNextReplyAndTheCustomerNeverSeesItAsync()
    {
        await using var environment = await ConsoleEnvironment.StartAsync();
        var model = environment.Runtime.Model;
        model.ThenText("Sorry to hear that. What would you like to do?");
        await environment.Runtime.TurnAsync("s-guide", "I want to cancel my subscription.");
        var (context, page) = await environment.SignedInPageAsync(browser.Browser);
        await using var contextScope = context;
        await page.GotoAsync($"{environment.BaseUrl}/sessions/s-guide");

        await page.FillAsync("#guidance-text", "Offer the 20% retention discount before cancelling.");
        await page.ClickAsync("#send-guidance");
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Guidance sent");
        await Assertions.Expect(page.Locator("#transcript .ev-guidanceAdded")).ToContainTextAsync("Offer the 20% retention discount");

        ScriptedCall? seen = null;
        model.Then(call =>
        {
            seen = call;
            return Responses.Text(call.Messages.Any(m => GuidanceMessages.IsGuidance(m, out _) && GuidanceMessages.TextOf(m) == "Offer the 20% retention discount before cancelling.")
                ? "Before you go: I can offer you 20% off for the next year."
                : "Your subscription is cancelled.");
        });
        var reply = await environment.Runtime.TurnAsync("s-guide", "Yes, cancel it please.");

        Assert.Equal("Before you go: I can offer you 20% off for the next year.", reply.Outcome.Text);
        Assert.DoesNotContain("retention", reply.Outcome.Text, StringComparison.Ordinal);
        Assert.Equal(ChatRole.System, seen!.Messages[^1].Role);
        await Assertions.Expect(page.Locator("#transcript .ev-guidanceApplied")).ToContainTextAsync("Offer the 20% retention discount");
        await Assertions.Expect(page.Locator("#transcript .role-agent").Last).ToContainTextAsync("I can offer you 20% off");
        var audit = await environment.AuditAsync("s-guide");
        Assert.Equal(["added", "applied"], audit.Where(r => r.Kind == AuditRecordKinds.SupervisorGuidance).Select(r => r.Status));
        Assert.All(audit.Where(r => r.Kind == AuditRecordKinds.SupervisorGuidance), r => Assert.Equal("developer", r.Actor));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "guidance.png"), FullPage = true });
    }

    [Fact]
    public async Task ApproveButton_PendingRefund_ReleasesTheCallExactlyOnceAsync()
    {
        await using var environment = await ConsoleEnvironment.StartAsync();
        var runtime = environment.Runtime;
        runtime.Model.ThenToolCalls(SupervisedTestHost.Call("refund", ("amount", 80)));
        var first = await runtime.TurnAsync("s-apr", "Refund my 80 euros.");
        Assert.Equal(StopReason.AwaitingApproval, first.Outcome.StopReason);
        var (context, page) = await environment.SignedInPageAsync(browser.Browser);
        await using var contextScope = context;
        await page.GotoAsync($"{environment.BaseUrl}/sessions/s-apr");

        var card = page.Locator(".approval-card");
        await Assertions.Expect(card).ToContainTextAsync("amount=80");
        await card.Locator("input[name='comment']").FillAsync("checked the order");
        await card.Locator("button.approve").ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("approved", new LocatorAssertionsToContainTextOptions { IgnoreCase = true });
        await Assertions.Expect(page.Locator("#no-approvals")).ToBeVisibleAsync();
        Assert.Equal(0, runtime.RefundRuns);

        runtime.Model.ThenText("Your refund of 80 euros is done.").ThenText("Anything else?").ThenText("Bye.");
        var second = await runtime.TurnAsync("s-apr", "Any news?");
        await runtime.TurnAsync("s-apr", "And now?");
        await runtime.TurnAsync("s-apr", "Thanks.");

        Assert.Equal(1, runtime.RefundRuns);
        Assert.Contains(second.Outcome.ToolCalls, c => c.Name == "refund" && c.Status == ToolCallStatus.Success);
        var audit = await environment.AuditAsync("s-apr");
        var decided = Assert.Single(audit, r => r.Kind == AuditRecordKinds.ApprovalDecided);
        Assert.Equal("developer", decided.Actor);
        await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("approved by developer");
    }

    [Fact]
    public async Task EscalationPage_EscalatedContact_ShowsThePackageAsync()
    {
        await using var environment = await ConsoleEnvironment.StartAsync();
        var runtime = environment.Runtime;
        runtime.Model
            .ThenToolCalls(SupervisedTestHost.Call("lookup", ("account", "DE89370400440532013000")))
            .ThenText("Your balance is 42.50.")
            .ThenToolCalls(SupervisedTestHost.Call("refund", ("amount", 400)))
            .ThenToolCalls(SupervisedTestHost.Call("escalate_to_human", ("reason", "customer disputes a card payment")))
            .ThenText("I am passing you to a colleague.");
        await runtime.TurnAsync("s-esc", "What is my balance?", contactId: "c-0042");
        await runtime.TurnAsync("s-esc", "Refund 400 euros, this payment is a fraud!", contactId: "c-0042");
        await environment.ConsoleSupervision.Guidance.AddAsync("s-esc", "Be extra careful: possible fraud.", "alice", TestContext.Current.CancellationToken);
        await runtime.TurnAsync("s-esc", "I want to talk to a person.", contactId: "c-0042");
        await runtime.FlushAsync();
        var (context, page) = await environment.SignedInPageAsync(browser.Browser);
        await using var contextScope = context;

        await page.GotoAsync($"{environment.BaseUrl}/escalations/contact/c-0042");

        await Assertions.Expect(page.Locator("#asked")).ToContainTextAsync("Refund 400 euros, this payment is a fraud!");
        await Assertions.Expect(page.Locator("#found")).ToContainTextAsync("lookup(account=***(22))");
        await Assertions.Expect(page.Locator("#pending")).ToContainTextAsync("refund(amount=400)");
        await Assertions.Expect(page.Locator("#notes")).ToContainTextAsync("alice: Be extra careful: possible fraud.");
        await Assertions.Expect(page.Locator("#notes")).ToContainTextAsync("customer disputes a card payment");
        await Assertions.Expect(page.Locator("#next-step")).ToContainTextAsync("Decide the pending approval");
        Assert.DoesNotContain("DE89370400440532013000", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "escalation.png"), FullPage = true });

        await page.GotoAsync(environment.BaseUrl + "/");
        await Assertions.Expect(page.Locator("tr[data-session='s-esc'] .badge").First).ToHaveTextAsync("escalated");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "conversations.png"), FullPage = true });
    }

    [Fact]
    public async Task Console_NotSignedIn_IsRefusedAndSentToTheSignInPageAsync()
    {
        await using var environment = await ConsoleEnvironment.StartAsync();
        environment.Runtime.Model.ThenText("hello");
        await environment.Runtime.TurnAsync("s-secret", "my secret question");
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"{environment.BaseUrl}/sessions/s-secret");

        Assert.EndsWith("/login?returnUrl=%2Fsessions%2Fs-secret", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        Assert.DoesNotContain("my secret question", await page.ContentAsync(), StringComparison.Ordinal);
        var stream = await context.APIRequest.GetAsync($"{environment.BaseUrl}/sessions/s-secret/events");
        Assert.Equal(401, stream.Status);
        var forged = await context.APIRequest.GetAsync($"{environment.BaseUrl}/", new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + new Security.DevelopmentToken().Issue("mallory", ["supervisor"], TimeSpan.FromHours(1)) } });
        Assert.Equal(401, forged.Status);
        Assert.NotNull(response);
    }
}
