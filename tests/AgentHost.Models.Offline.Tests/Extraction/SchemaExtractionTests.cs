using System.Text.Json;
using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Extraction;

/// <summary>Argument extraction driven by schemas that are not from the dev gateway's catalog.</summary>
public sealed class SchemaExtractionTests
{
    [Fact]
    public async Task GetResponseAsync_IdParameterWithoutAPattern_TakesAnIdLikeTokenAsync()
    {
        ChatResponse response = await Ask("Refund order ord-4411 please", "orders___refund_order", "Refund a customer order.", """
            {"type":"object","properties":{"orderId":{"type":"string","description":"The order."}},"required":["orderId"]}
            """);

        Assert.Equal("ORD-4411", Chat.RequireCall(response).Arguments!["orderId"]);
    }

    [Fact]
    public async Task GetResponseAsync_IntegerAndBooleanParameters_AreTypedAsync()
    {
        ChatResponse response = await Ask("Reserve 3 seats for the webinar, yes include recording", "events___reserve_seats", "Reserve seats for a webinar event.", """
            {"type":"object","properties":{"seats":{"type":"integer"},"includeRecording":{"type":"boolean"}},"required":["seats"]}
            """);

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(3L, call.Arguments!["seats"]);
        Assert.Equal(true, call.Arguments["includeRecording"]);
    }

    [Theory]
    [InlineData("Schedule the review meeting on March 5, 2027", "2027-03-05")]
    [InlineData("Schedule the review meeting on 05/03/2027", "2027-03-05")]
    [InlineData("Schedule the review meeting on the 5th of March 2027", "2027-03-05")]
    public async Task GetResponseAsync_CommonDateFormats_BecomeIsoDatesAsync(string prompt, string expected)
    {
        ChatResponse response = await Ask(prompt, "calendar___schedule_review", "Schedule a review meeting.", """
            {"type":"object","properties":{"date":{"type":"string","format":"date"}},"required":["date"]}
            """);

        Assert.Equal(expected, Chat.RequireCall(response).Arguments!["date"]);
    }

    [Fact]
    public async Task GetResponseAsync_MissingRequiredText_IsAskedForInsteadOfGuessedAsync()
    {
        ChatResponse response = await Ask("Add a comment to the ticket", "helpdesk___add_comment", "Add a comment to a helpdesk ticket.", """
            {"type":"object","properties":{"ticketId":{"type":"string","pattern":"^HD-\\d{4}$","description":"The ticket, for example HD-0001."},"comment":{"type":"string"}},"required":["ticketId","comment"]}
            """);

        Assert.Null(Chat.Call(response));
        Assert.Equal("To add comment I need the ticket id (for example HD-0001) and the comment. Could you give me them?", response.Text);
    }

    private static Task<ChatResponse> Ask(string prompt, string name, string description, string schema) =>
        Chat.AskAsync(prompt, new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration(name, description, JsonDocument.Parse(schema).RootElement)] });
}
