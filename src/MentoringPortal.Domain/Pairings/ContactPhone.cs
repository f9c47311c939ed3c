namespace MentoringPortal.Domain.Pairings;

/// <summary>
/// The phone number a member may choose to share with the other member of their pairing. Forgiving
/// of how people write numbers ("07700 900123", "+44 (0)20 7946 0958", "0121-496-0000"), it keeps
/// what they typed, tidied, and refuses only what cannot be a phone number.
/// </summary>
public static class ContactPhone
{
    public const int MaxLength = 30;

    public const string Problem = "Enter a phone number like 07700 900123 or +44 20 7946 0958, or leave it empty.";

    /// <summary>The number tidied (spaces collapsed), or null when left empty. Throws when it is not a phone number.</summary>
    public static string? Check(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DomainRuleException(Problem);
        }

        foreach (var c in trimmed)
        {
            if (!char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '.' or '+'))
            {
                throw new DomainRuleException(Problem);
            }
        }

        if (trimmed.LastIndexOf('+') > 0)
        {
            throw new DomainRuleException(Problem);
        }

        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        var valid = trimmed.StartsWith('+') ? digits.Length is >= 8 and <= 15 && digits[0] != '0'
            : digits.StartsWith("00", StringComparison.Ordinal) ? digits.Length is >= 10 and <= 17
            : digits.StartsWith('0') && digits.Length is 10 or 11;
        if (!valid)
        {
            throw new DomainRuleException(Problem);
        }

        return string.Join(' ', trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
