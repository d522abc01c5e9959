using System.Security.Claims;

namespace AgentHost.Supervisor.Security;

/// <summary>Who is signed in: the name recorded in the audit trail for every action, and the roles.</summary>
internal static class ConsoleUser
{
    /// <summary>The user's name: the <c>name</c>, <c>preferred_username</c>, <c>email</c> or <c>sub</c> claim, in that order.</summary>
    public static string NameOf(ClaimsPrincipal user)
    {
        foreach (var type in new[] { "name", "preferred_username", "email", "sub", ClaimTypes.Name, ClaimTypes.NameIdentifier })
        {
            var value = user.FindFirst(type)?.Value;
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return "unknown";
    }

    /// <summary>The roles the user holds among <see cref="ConsoleRoles.All"/>.</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) => [.. ConsoleRoles.All.Where(user.IsInRole)];
}
