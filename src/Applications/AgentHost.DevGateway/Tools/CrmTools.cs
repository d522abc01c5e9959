using System.Text.Json.Nodes;
using AgentHost.DevGateway.Data;

namespace AgentHost.DevGateway.Tools;

/// <summary>The <c>crm</c> target: investor profiles, search by name, identity checks and contact updates.</summary>
internal static class CrmTools
{
    public static void Register(IDictionary<string, ToolHandler> handlers)
    {
        handlers["crm___get_investor_profile"] = GetProfile;
        handlers["crm___find_investor"] = Find;
        handlers["crm___verify_identity"] = Verify;
        handlers["crm___update_contact_details"] = Update;
    }

    private static JsonNode GetProfile(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["name"] = i.Name,
            ["tier"] = i.Tier,
            ["status"] = i.Status,
            ["email"] = i.Email,
            ["phone"] = i.Phone,
            ["city"] = i.City,
            ["advisor"] = i.Advisor,
            ["accountId"] = i.AccountId,
        };
    }

    private static JsonNode Find(ContactCentreStore store, ToolArguments args)
    {
        string query = args.Required("name");
        string[] words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        JsonArray matches = [.. store.Data.Investors
            .Where(i => words.All(w => i.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(i => (JsonNode)new JsonObject { ["investorId"] = i.InvestorId, ["name"] = i.Name, ["tier"] = i.Tier, ["city"] = i.City })];
        return new JsonObject { ["query"] = query, ["count"] = matches.Count, ["matches"] = matches };
    }

    private static JsonNode Verify(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        bool dob = string.Equals(i.DateOfBirth, args.Required("dateOfBirth"), StringComparison.Ordinal);
        bool postcode = string.Equals(Normalise(i.Postcode), Normalise(args.Required("postcode")), StringComparison.Ordinal);
        return new JsonObject
        {
            ["investorId"] = i.InvestorId,
            ["verified"] = dob && postcode,
            ["dateOfBirthCheck"] = dob ? "match" : "mismatch",
            ["postcodeCheck"] = postcode ? "match" : "mismatch",
        };
    }

    private static JsonNode Update(ContactCentreStore store, ToolArguments args)
    {
        InvestorRecord i = store.Investor(args.Investor());
        string? email = args.Optional("email");
        string? phone = args.Optional("phone");
        if (email is null && phone is null)
        {
            throw new ToolFailureException("Give a new email address or phone number to update.");
        }

        JsonArray updated = [];
        if (email is not null)
        {
            i.Email = email;
            updated.Add((JsonNode)"email");
        }

        if (phone is not null)
        {
            i.Phone = phone;
            updated.Add((JsonNode)"phone");
        }

        return new JsonObject { ["investorId"] = i.InvestorId, ["updated"] = updated, ["email"] = i.Email, ["phone"] = i.Phone };
    }

    private static string Normalise(string postcode) => postcode.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
