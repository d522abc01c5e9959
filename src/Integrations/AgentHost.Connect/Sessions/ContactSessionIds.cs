using System.Security.Cryptography;
using System.Text;

namespace AgentHost.Connect.Sessions;

/// <summary>
/// Derives the AgentCore runtime session id of a contact: deterministic, so every turn of a contact (and every retry)
/// reaches the same runtime session, 33 to 256 characters of <c>[A-Za-z0-9-_]</c>.
/// </summary>
public static class ContactSessionIds
{
    /// <summary>The prefix of every derived session id.</summary>
    public const string Prefix = "connect-";

    /// <summary>The shortest session id AgentCore accepts.</summary>
    public const int MinLength = 33;

    /// <summary>Returns the session id of a contact: <c>connect-&lt;contactId&gt;</c>, or a hash-based id when the contact id is short or holds other characters.</summary>
    /// <param name="contactId">The Connect contact id (a UUID).</param>
    /// <returns>The session id.</returns>
    /// <exception cref="ArgumentException">The contact id is empty.</exception>
    public static string ForContact(string contactId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var id = contactId.Trim();
        if (id.Length <= 200 && id.All(IsAllowed) && Prefix.Length + id.Length >= MinLength)
        {
            return Prefix + id;
        }

        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..40];
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
