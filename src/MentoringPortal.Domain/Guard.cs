namespace MentoringPortal.Domain;

internal static class Guard
{
    public static string Text(string? value, string what, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (required && trimmed.Length == 0)
        {
            throw new DomainRuleException($"Enter {what}.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"Keep {what} to {maxLength} characters or fewer.");
        }

        return trimmed;
    }

    public static string OneOf(string? value, IReadOnlyList<string> allowed, string what)
    {
        var match = allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.Ordinal));
        return match ?? throw new DomainRuleException($"Choose {what} from the list.");
    }

    public static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Times must be in UTC.", nameof(value));
}
