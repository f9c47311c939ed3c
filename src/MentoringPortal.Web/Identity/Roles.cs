namespace MentoringPortal.Web.Identity;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Mentor = "Mentor";
    public const string Mentee = "Mentee";

    public static IReadOnlyList<string> All { get; } = [Administrator, Mentor, Mentee];
}

public static class Policies
{
    public const string Mentor = "Mentor";
    public const string Mentee = "Mentee";
    public const string Administrator = "Administrator";
}
