using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.Web.Identity;

/// <summary>
/// Refuses passwords that attackers try first: any of the 437,651 common and breached passwords shipped with the
/// portal (<c>common-passwords.txt.gz</c>, compared without regard to case), and passwords that contain the
/// person's email address or a part of their name. Length is checked by Identity's own rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    /// <summary>The portal's minimum password length (NCSC and NIST: length over composition rules).</summary>
    public const int MinimumLength = 12;

    public const string TooCommonCode = "PasswordTooCommon";
    public const string PersonalCode = "PasswordContainsPersonalDetails";

    /// <summary>Name parts shorter than this ("Dr", "Jo") are too common in passwords to refuse.</summary>
    private const int ShortestPersonalPart = 4;

    private static readonly Lazy<FrozenPasswords> Passwords = new(FrozenPasswords.Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (ContainsPersonalDetails(password, user.Email, user.DisplayName))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = PersonalCode,
                Description = "Your password must not contain your name or your email address.",
            }));
        }

        return Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = TooCommonCode,
                Description = "This password is on a list of common or breached passwords, so it is easy to guess. Choose another: three or four random words work well.",
            })
            : IdentityResult.Success);
    }

    /// <summary>Whether the password is on the shipped list. Shorter than <see cref="MinimumLength"/> is refused anyway, so only longer ones are kept in memory.</summary>
    public static bool IsCommon(string password) => Passwords.Value.Contains(password);

    /// <summary>Every password of the shipped list, for tests and for people who want to see what is refused.</summary>
    public static IEnumerable<string> ShippedList()
    {
        using var reader = OpenList();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    public static bool ContainsPersonalDetails(string password, string? email, string? displayName)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(email))
        {
            parts.Add(email);
            parts.Add(email.Split('@')[0]);
        }

        if (!string.IsNullOrWhiteSpace(displayName))
        {
            parts.AddRange(displayName.Split([' ', '-', '.', ',', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries));
        }

        return parts.Exists(part => part.Length >= ShortestPersonalPart && password.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    private static StreamReader OpenList()
    {
        var resource = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("MentoringPortal.Web.Identity.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded in the portal.");
        return new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
    }

    private sealed class FrozenPasswords(HashSet<string> passwords)
    {
        public bool Contains(string password) => passwords.Contains(password);

        public static FrozenPasswords Load() =>
            new(new HashSet<string>(ShippedList().Where(p => p.Length >= MinimumLength), StringComparer.OrdinalIgnoreCase));
    }
}
